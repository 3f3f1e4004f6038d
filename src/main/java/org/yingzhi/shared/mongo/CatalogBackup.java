package org.yingzhi.shared.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yingzhi.shared.io.Sha256;
import org.yingzhi.shared.json.Json;

/**
 * Backs the catalog up to a folder and loads such a folder into an empty catalog. A backup is one file per
 * collection, {@code <collection>.jsonl}, one document per line in canonical MongoDB Extended JSON (what
 * {@code mongoimport} reads), and {@code manifest.json} with the counts and SHA-256 of each file. With the embedded
 * catalog the backup is one moment: writes wait while it runs (reads go on) and the documents are read straight
 * from the store, a batch at a time. Against a real MongoDB each collection is read with a cursor; for a
 * point-in-time copy of a replica set use {@code mongodump --oplog}.
 */
@Component
public class CatalogBackup {

    public static final String FORMAT = "yingzhi-catalog-backup/1";
    /** The search change log: short-lived and derived; a restored catalog's search index is rebuilt anyway. */
    private static final java.util.Set<String> NOT_BACKED_UP = java.util.Set.of("changes", "audit_pending");
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Logger log = LoggerFactory.getLogger(CatalogBackup.class);

    private final MongoDatabase db;
    private final EmbeddedMongoServer embedded;
    private final String database;

    public CatalogBackup(MongoDatabase db, ObjectProvider<EmbeddedMongoServer> embedded, MongoProperties props) {
        this.db = db;
        this.embedded = embedded.getIfAvailable();
        this.database = props.database();
    }

    /** What a backup holds; written as manifest.json beside the collection files. */
    public record Manifest(String format, String database, Instant createdAt, boolean pointInTime,
            List<CollectionFile> collections, long millis,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the audit chain's head when the backup was taken")
            org.yingzhi.shared.audit.AuditLog.Head auditHead) {
    }

    /** One collection's file: its name, document count and the SHA-256 of the file. */
    public record CollectionFile(String name, long documents, String sha256) {
    }

    /** The audit chain's head, read straight from the catalog (the state the backup holds). */
    private org.yingzhi.shared.audit.AuditLog.Head auditHead() {
        Document h = db.getCollection("audit").find().sort(new Document("seq", -1)).limit(1).first();
        return h == null ? null : new org.yingzhi.shared.audit.AuditLog.Head(h.get("seq", Number.class).longValue(),
                h.getString("hash"));
    }

    /** Writes a backup into {@code dir}, which must not exist yet or be empty. */
    public Manifest backup(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException("backup folder " + dir + " is not empty");
                }
            }
        }
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        Instant at = Instant.now();
        List<CollectionFile> files = new ArrayList<>();
        org.yingzhi.shared.audit.AuditLog.Head head = null;
        if (embedded != null) {
            try (AutoCloseable paused = embedded.pauseWrites()) {
                head = auditHead();
                for (String c : embedded.collections(database).stream().filter(c -> !NOT_BACKED_UP.contains(c)).toList()) {
                    files.add(write(dir, c, sink -> embedded.export(database, c, sink)));
                }
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else {
            head = auditHead();
            for (String c : db.listCollectionNames().into(new ArrayList<>()).stream().sorted().toList()) {
                if (c.startsWith("system.") || NOT_BACKED_UP.contains(c)) {
                    continue;
                }
                files.add(write(dir, c, sink -> {
                    long n = 0;
                    MongoCollection<RawBsonDocument> coll = db.getCollection(c, RawBsonDocument.class);
                    try (MongoCursor<RawBsonDocument> cur = coll.find().sort(new Document("_id", 1)).batchSize(1000).iterator()) {
                        while (cur.hasNext()) {
                            RawBsonDocument d = cur.next();
                            byte[] b = new byte[d.getByteBuffer().remaining()];
                            d.getByteBuffer().get(b);
                            sink.accept(b);
                            n++;
                        }
                    }
                    return n;
                }));
            }
        }
        Manifest m = new Manifest(FORMAT, database, at, embedded != null, files, (System.nanoTime() - t0) / 1_000_000,
                head);
        Files.writeString(dir.resolve("manifest.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        log.info("catalog backup in {}: {} in {} ms", dir, files, m.millis());
        return m;
    }

    private interface Exporter {
        long export(Consumer<byte[]> sink);
    }

    private static CollectionFile write(Path dir, String collection, Exporter exporter) throws IOException {
        if (!collection.matches("[A-Za-z0-9_.-]{1,120}")) {
            throw new IllegalStateException("collection name not fit for a file name: " + collection);
        }
        MessageDigest sha = Sha256.digest();
        Path file = dir.resolve(collection + ".jsonl");
        long n;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                new DigestOutputStream(Files.newOutputStream(file), sha), StandardCharsets.UTF_8), 1 << 16)) {
            n = exporter.export(bytes -> {
                try {
                    out.write(new RawBsonDocument(bytes).toJson(JSON));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new CollectionFile(collection, n, Sha256.hex(sha));
    }

    /** Reads a backup's manifest and checks every file against its count and SHA-256. */
    public static Manifest check(Path dir) throws IOException {
        Path mf = dir.resolve("manifest.json");
        if (!Files.isRegularFile(mf)) {
            throw new IllegalArgumentException(dir + " is not a catalog backup: no manifest.json");
        }
        Manifest m = Json.MAPPER.readValue(Files.readString(mf), Manifest.class);
        if (!FORMAT.equals(m.format())) {
            throw new IllegalArgumentException("unknown backup format " + m.format() + "; expected " + FORMAT);
        }
        for (CollectionFile f : m.collections()) {
            Path file = dir.resolve(f.name() + ".jsonl");
            MessageDigest sha = Sha256.digest();
            long lines = 0;
            try (var in = new java.security.DigestInputStream(Files.newInputStream(file), sha);
                    BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
                while (r.readLine() != null) {
                    lines++;
                }
            }
            String hash = Sha256.hex(sha);
            if (!hash.equals(f.sha256()) || lines != f.documents()) {
                throw new IllegalArgumentException("backup file " + file.getFileName() + " is damaged or changed: "
                        + lines + " documents and SHA-256 " + hash + ", the manifest says " + f.documents() + " and "
                        + f.sha256());
            }
        }
        return m;
    }

    /**
     * Loads a backup into this catalog, which must hold no documents in any of the backup's collections (restore
     * into a new data directory, or an empty MongoDB database). Returns the documents loaded per collection.
     */
    public List<CollectionFile> restore(Path dir) throws IOException {
        Manifest m = check(dir);
        for (CollectionFile f : m.collections()) {
            if (db.getCollection(f.name()).countDocuments() > 0) {
                throw new IllegalStateException("the target catalog already holds " + f.name()
                        + "; restore into a new data directory or an empty database");
            }
        }
        List<CollectionFile> loaded = new ArrayList<>();
        for (CollectionFile f : m.collections()) {
            MongoCollection<Document> c = db.getCollection(f.name());
            long n = 0;
            List<Document> batch = new ArrayList<>(500);
            try (BufferedReader r = Files.newBufferedReader(dir.resolve(f.name() + ".jsonl"), StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    batch.add(Document.parse(line));
                    if (batch.size() == 500) {
                        c.insertMany(batch);
                        n += batch.size();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                c.insertMany(batch);
                n += batch.size();
            }
            loaded.add(new CollectionFile(f.name(), n, f.sha256()));
        }
        log.info("catalog restored from {}: {}", dir, loaded);
        return loaded;
    }
}
