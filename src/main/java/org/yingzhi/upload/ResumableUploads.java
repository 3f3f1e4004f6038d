package org.yingzhi.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.AssetDescription;
import org.yingzhi.asset.AssetIngestService;
import org.yingzhi.asset.IngestResult;
import org.yingzhi.asset.UploadProperties;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.io.Sha256;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.MediaStore;

/**
 * Resumable uploads (the tus protocol's model): an upload is made with its length, name and description (checked
 * then, before any byte), its bytes arrive in any number of requests, each continuing at the offset the server
 * recorded, and a request cut off keeps what arrived. The SHA-256 is computed as the bytes arrive, so the finished
 * file is cataloged exactly as a plain upload ({@link AssetIngestService#ingestReceived}) without reading it again;
 * only after a restart of the service is the part already received read once more to restore the hash's state.
 * Uploads not continued for {@code yingzhi.upload.resumable-expiry} (24 hours) expire with their bytes.
 */
@Service
public class ResumableUploads {

    private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);
    private static final int BUFFER = 256 * 1024;

    private final UploadRepository repo;
    private final MediaStore store;
    private final AssetIngestService ingest;
    private final UploadProperties limits;
    private final AccessPolicy policy;
    private final Duration expiry;
    private final Map<String, Hashed> hashes = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> writers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upload-expiry");
        t.setDaemon(true);
        return t;
    });

    /** The hash of the first {@code offset} bytes of an upload. */
    private record Hashed(MessageDigest digest, long offset) {
    }

    ResumableUploads(UploadRepository repo, MediaStore store, AssetIngestService ingest, UploadProperties limits,
            AccessPolicy policy, @Value("${yingzhi.upload.resumable-expiry:24h}") Duration expiry) {
        this.policy = policy;
        this.repo = repo;
        this.store = store;
        this.ingest = ingest;
        this.limits = limits;
        this.expiry = expiry;
        sweeper.scheduleWithFixedDelay(this::expire, 1, 10, TimeUnit.MINUTES);
    }

    long maxSize() {
        return limits.maxFileSize().toBytes();
    }

    Upload create(long length, String fileName, AssetDescription description, User user) throws IOException {
        if (length < 0) {
            throw ApiException.badRequest("Upload-Length must be given as the file's size in bytes");
        }
        if (length > maxSize()) {
            throw ApiException.coded(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "upload.tooLarge", length,
                    maxSize());
        }
        AssetDescription checked = ingest.checkContribution(description, user);
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        Upload u = repo.insert(user.name(), name, length, Json.MAPPER.writeValueAsString(checked), Instant.now().plus(expiry));
        Files.deleteIfExists(part(u.id()));
        Files.createFile(part(u.id()));
        return u;
    }

    /** An upload of this user (administrators see every upload); not found for anyone else. */
    Upload get(String id, User user) {
        Upload u = repo.find(id).orElseThrow(() -> ApiException.notFound("upload", id));
        if (!policy.allows(user, Action.CONTINUE_UPLOAD, Resource.ownedBy(ResourceKind.UPLOAD, u.user()))) {
            throw ApiException.notFound("upload", id); // someone else's upload is not even said to exist
        }
        return u;
    }

    /** What a request that sent bytes achieved: the offset now, and the asset once the file is whole. */
    record Appended(long offset, IngestResult result) {
    }

    /**
     * Writes the body at {@code offset}, which must be the recorded offset. A body cut off keeps the bytes that
     * arrived; the last byte catalogs the file.
     */
    Appended append(String id, long offset, InputStream body, User user) throws IOException {
        ReentrantLock lock = writers.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw ApiException.coded(HttpStatus.CONFLICT, "Upload busy", "upload.sending");
        }
        try {
            Upload u = get(id, user);
            if (u.asset() != null) {
                throw ApiException.coded(HttpStatus.CONFLICT, "Upload complete", "upload.complete")
                        .with("asset", u.asset());
            }
            if (offset != u.offset()) {
                throw ApiException.coded(HttpStatus.CONFLICT, "Wrong offset", "upload.offset", u.offset(), offset)
                        .with("offset", u.offset());
            }
            Path file = part(id);
            if (!Files.exists(file)) {
                throw ApiException.coded(HttpStatus.GONE, "Upload expired", "upload.expired");
            }
            MessageDigest md = hashUpTo(id, file, u.offset());
            long written = u.offset();
            IOException cut = null;
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                out.truncate(u.offset()); // bytes beyond the recorded offset were never acknowledged
                out.position(u.offset());
                byte[] buf = new byte[BUFFER];
                while (written < u.length()) {
                    int n;
                    try {
                        n = body.read(buf, 0, (int) Math.min(buf.length, u.length() - written));
                    } catch (IOException e) {
                        cut = e; // the client went away: keep what arrived
                        break;
                    }
                    if (n < 0) {
                        break;
                    }
                    out.write(ByteBuffer.wrap(buf, 0, n));
                    md.update(buf, 0, n);
                    written += n;
                }
                out.force(false);
            }
            // more than the length announced: the bytes so far are kept, the excess refused
            boolean excess = written == u.length() && cut == null && body.read() >= 0;
            repo.advance(id, u.offset(), written, Instant.now().plus(expiry));
            if (excess || written < u.length()) {
                hashes.put(id, new Hashed(md, written));
                if (excess) {
                    throw ApiException.badRequest("the body runs past Upload-Length (" + u.length() + " bytes)");
                }
                if (cut != null) {
                    log.info("upload {}: connection cut at byte {} of {}; it can continue", id, written, u.length());
                }
                return new Appended(written, null);
            }
            hashes.remove(id);
            String sha = Sha256.hex(md);
            AssetDescription d = Json.MAPPER.readValue(u.description(), AssetDescription.class);
            IngestResult r;
            try {
                r = ingest.ingestReceived(store.adopt(file, sha, written), u.fileName(), d, user);
            } catch (ApiException e) {
                repo.delete(id); // refused (not media): its bytes were discarded by the ingest
                Files.deleteIfExists(file);
                throw e;
            }
            repo.finished(id, r.asset().id());
            return new Appended(written, r);
        } finally {
            lock.unlock();
        }
    }

    /** The hash of the part received so far: kept between requests, rebuilt from the file after a restart. */
    private MessageDigest hashUpTo(String id, Path file, long offset) throws IOException {
        Hashed h = hashes.get(id);
        if (h != null && h.offset() == offset) {
            return h.digest();
        }
        MessageDigest md = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            long left = offset;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IllegalStateException("upload " + id + " holds fewer bytes than its offset " + offset);
                }
                md.update(buf, 0, n);
                left -= n;
            }
        }
        return md;
    }

    void terminate(String id, User user) throws IOException {
        Upload u = get(id, user);
        repo.delete(u.id());
        hashes.remove(u.id());
        Files.deleteIfExists(part(u.id()));
    }

    /** Removes uploads whose client stopped sending before they expired, with their bytes. */
    int expire() {
        int n = 0;
        try {
            for (Upload u : repo.expiredBefore(Instant.now())) {
                ReentrantLock lock = writers.computeIfAbsent(u.id(), k -> new ReentrantLock());
                if (!lock.tryLock()) {
                    continue; // being written right now
                }
                try {
                    repo.delete(u.id());
                    hashes.remove(u.id());
                    Files.deleteIfExists(part(u.id()));
                    writers.remove(u.id());
                    n++;
                } finally {
                    lock.unlock();
                }
            }
            if (n > 0) {
                log.info("expired {} abandoned uploads and their bytes", n);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("expiring abandoned uploads failed: {}", e.toString());
        }
        return n;
    }

    private Path part(String id) throws IOException {
        return store.resumableDir().resolve(id + ".part"); // the id is an ObjectId: never a user's text
    }
}
