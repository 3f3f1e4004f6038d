package org.yingzhi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Content-addressed store of originals on the local filesystem, and the one place that computes media paths.
 *
 * <p>Originals are immutable and named by their SHA-256 ({@code originals/ab/cd/abcd….ext}); they are written to
 * a temp file while hashing, flushed to disk, and moved into place atomically, so a reader never sees half a
 * file and a crash leaves at most a temp file behind. File names from users never become paths: the stored name
 * is the hash plus an extension chosen from the detected content type.
 */
@Component
public class MediaStore {

    /** Bytes kept from the start of every file for content sniffing. */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EXT = Pattern.compile("[a-z0-9]{1,8}");

    private final Path root;
    private final Path tmp;

    public MediaStore(StorageProperties props) {
        this.root = props.dataDir();
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(root.resolve("originals"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media store under " + root, e);
        }
        sweepStaleTemp();
    }

    /**
     * Deletes what a crash can leave behind: half-received uploads and half-written derivatives older than a day
     * (a younger one may belong to a writer that is still running, in this or another process).
     */
    public int sweepStaleTemp() {
        return sweepTemp(java.time.Duration.ofDays(1));
    }

    /**
     * Deletes temp files (this store's and the servlet container's multipart parts) not written to for
     * {@code idle}: a live upload or derivative writer touches its file with every buffer, and a client that stops
     * sending is cut off after the read timeout, far sooner.
     */
    public int sweepTemp(java.time.Duration idle) {
        long cutoff = System.currentTimeMillis() - idle.toMillis();
        int n = 0;
        for (Path dir : new Path[] {tmp, root.resolve("derivatives")}) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = p.getFileName().toString();
                    boolean temp = name.startsWith(".tmp-") || name.endsWith(".part") || name.endsWith(".tmp")
                            || (p.getParent().equals(tmp) && name.startsWith("upload_"));
                    if (temp && Files.getLastModifiedTime(p).toMillis() < cutoff && Files.deleteIfExists(p)) {
                        n++;
                    }
                }
            } catch (IOException e) {
                // best effort: the next start tries again
            }
        }
        return n;
    }

    /** A file received into the temp area, with its hash, size and first bytes. Delete or commit it. */
    public record Received(Path path, String sha256, long size, byte[] head) {
    }

    /**
     * Where resumable uploads keep their partial files: beside the originals on the same disk (a finished one moves
     * into place without a copy), and outside the temp folder, whose stale files are swept (a partial upload waits
     * for its client as long as the upload lives, see the uploads feature).
     */
    public Path resumableDir() throws IOException {
        return Files.createDirectories(root.resolve("uploads"));
    }

    /** A file that arrived whole elsewhere in the store, hashed on the way: what {@link #receive} would return. */
    public Received adopt(Path file, String sha256, long size) throws IOException {
        byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return new Received(file, sha256, size, Arrays.copyOf(head, n));
        }
    }

    /**
     * Streams input into a temp file, hashing as it goes. Fails with {@link TooLargeException} once more than
     * {@code maxBytes} arrive, leaving nothing behind.
     */
    public Received receive(InputStream in, long maxBytes) throws IOException {
        Path file = tmp.resolve("upload-" + UUID.randomUUID() + ".part");
        MessageDigest sha = sha256();
        byte[] head = new byte[HEAD_BYTES];
        int headLen = 0;
        long size = 0;
        try (InputStream din = new DigestInputStream(in, sha);
                OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = din.read(buf)) > 0; ) {
                if (headLen < HEAD_BYTES) {
                    int k = Math.min(n, HEAD_BYTES - headLen);
                    System.arraycopy(buf, 0, head, headLen, k);
                    headLen += k;
                }
                size += n;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Received(file, HexFormat.of().formatHex(sha.digest()), size, Arrays.copyOf(head, headLen));
    }

    /**
     * Moves a received file to its content address and returns that path. If the same content is already stored
     * the temp file is dropped and the existing original kept.
     */
    public Path commitOriginal(Received received, String ext) throws IOException {
        Path target = original(received.sha256(), ext);
        if (Files.exists(target) && Files.size(target) == received.size()) {
            Files.deleteIfExists(received.path());
            return target;
        }
        Files.createDirectories(target.getParent());
        try (FileChannel ch = FileChannel.open(received.path(), StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(received.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(received.path(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(received.path());
        }
        return target;
    }

    /** An original file: its hash and extension (from its content address) and when it was last written. */
    public record StoredOriginal(String sha256, String ext, Path path, long modifiedMillis) {
    }

    /** Every original written after {@code sinceMillis}, walking the store (files of other names are skipped). */
    public void forEachOriginal(long sinceMillis, java.util.function.Consumer<StoredOriginal> each) throws IOException {
        Path originals = root.resolve("originals");
        if (!Files.isDirectory(originals)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(originals, 3)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot != 64 || !SHA256.matcher(name.substring(0, 64)).matches()
                        || !EXT.matcher(name.substring(65)).matches()) {
                    continue;
                }
                long modified = Files.getLastModifiedTime(p).toMillis();
                if (modified >= sinceMillis) {
                    each.accept(new StoredOriginal(name.substring(0, 64), name.substring(65), p, modified));
                }
            }
        }
    }

    /**
     * Moves an original that no catalog entry holds to {@code orphans/} under the data directory: never deleted,
     * since a catalog restored from an older backup also makes newer originals look orphaned. Returns its new path.
     */
    public Path quarantine(StoredOriginal o) throws IOException {
        Path dir = root.resolve("orphans");
        Files.createDirectories(dir);
        Path target = dir.resolve(o.path().getFileName().toString());
        Files.move(o.path(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Removes an original that no catalog entry holds (an upload whose cataloging failed). */
    public void deleteOriginal(String sha256, String ext) {
        try {
            Files.deleteIfExists(original(sha256, ext));
        } catch (IOException e) {
            // the reconciliation finds it again as an orphan
        }
    }

    public void discard(Received received) {
        try {
            Files.deleteIfExists(received.path());
        } catch (IOException ignored) {
            // a leftover temp file is harmless and is swept at start-up
        }
    }

    /** The path of an original; validates both parts so that nothing from outside can steer it. */
    public Path original(String sha256, String ext) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        if (ext == null || !EXT.matcher(ext).matches()) {
            throw new IllegalArgumentException("not a stored extension: " + ext);
        }
        return root.resolve("originals").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                .resolve(sha256 + "." + ext);
    }

    /**
     * The path of a derivative of an asset: {@code derivatives/<id[0:2]>/<id>/<name>}. Names come from code
     * (proxy.mp4, thumb-320.jpg ...), never from requests, and are checked all the same.
     */
    Path derivative(String assetId, String name) {
        if (assetId == null || !assetId.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("not an asset id: " + assetId);
        }
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,63}") || name.contains("..")) {
            throw new IllegalArgumentException("not a derivative name: " + name);
        }
        return root.resolve("derivatives").resolve(assetId.substring(0, 2)).resolve(assetId).resolve(name);
    }

    /** The path of a derivative of an asset by kind (and size, for sized kinds). */
    public Path derivative(String assetId, Derivative kind, int size) {
        return derivative(assetId, kind.fileName(size));
    }

    /** A still of a clip at a moment (a linked range's in-point), cached beside the derivatives: by millisecond and width. */
    public Path frame(String assetId, long millis, int width) {
        return derivative(assetId, "frame-" + Math.max(0, millis) + "-" + width + ".jpg");
    }

    public Path writeFrame(String assetId, long millis, int width, Writer writer) throws IOException {
        return writeDerivative(assetId, "frame-" + Math.max(0, millis) + "-" + width + ".jpg", writer);
    }

    public Path writeDerivative(String assetId, Derivative kind, Writer writer) throws IOException {
        return writeDerivative(assetId, kind.fileName(), writer);
    }

    public Path writeDerivative(String assetId, Derivative kind, int size, Writer writer) throws IOException {
        return writeDerivative(assetId, kind.fileName(size), writer);
    }

    /** A file made for a cut ({@code rough-cut.mp4}, {@code rough-cut.json}): beside the cut's other renders. */
    public Path cutFile(String cutId, String name) {
        if (cutId == null || !cutId.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("not a cut id: " + cutId);
        }
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,63}") || name.contains("..")) {
            throw new IllegalArgumentException("not a file name for a cut: " + name);
        }
        return root.resolve("cuts").resolve(cutId.substring(0, 2)).resolve(cutId).resolve(name);
    }

    /** Writes a cut's file through a temp file in the same folder, moved into place atomically. */
    public Path writeCutFile(String cutId, String name, Writer writer) throws IOException {
        return writeAtomically(cutFile(cutId, name), writer);
    }

    /**
     * A document kept beside a catalog record that is not media (an interview's consent and release form): under
     * {@code documents/<kind>/<id>/}, named by its SHA-256 and extension, so a name from a user never becomes a path.
     */
    public Path documentFile(String kind, String id, String sha256, String ext) {
        if (kind == null || !kind.matches("[a-z]{1,32}") || id == null || !id.matches("[0-9a-f]{24}")) {
            throw new IllegalArgumentException("not a document owner: " + kind + " " + id);
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches() || ext == null || !EXT.matcher(ext).matches()) {
            throw new IllegalArgumentException("not a document name: " + sha256 + "." + ext);
        }
        return root.resolve("documents").resolve(kind).resolve(id.substring(0, 2)).resolve(id).resolve(sha256 + "." + ext);
    }

    /** Moves a received file into place as a document (see {@link #documentFile}); the same bytes twice are one file. */
    public Path commitDocument(Received received, String kind, String id, String ext) throws IOException {
        Path target = documentFile(kind, id, received.sha256(), ext);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.deleteIfExists(received.path());
            return target;
        }
        Files.move(received.path(), target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Writes a derivative through a temp file in the same folder and moves it into place atomically. */
    private Path writeDerivative(String assetId, String name, Writer writer) throws IOException {
        return writeAtomically(derivative(assetId, name), writer);
    }

    private static Path writeAtomically(Path target, Writer writer) throws IOException {
        String name = target.getFileName().toString();
        Files.createDirectories(target.getParent());
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID() + ext);
        try {
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Produces a file at the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path temp) throws IOException;
    }

    /** Bytes free for this process on the store's file system (0 when it cannot be read). */
    public long usableSpace() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    public Path root() {
        return root;
    }

    public Path tempDir() {
        return tmp;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** More bytes arrived than the configured upload limit allows. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        public TooLargeException(long limit) {
            super("file is larger than the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
