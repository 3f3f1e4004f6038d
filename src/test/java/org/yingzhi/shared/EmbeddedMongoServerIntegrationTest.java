package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.mongo.CatalogDamagedException;
import org.yingzhi.shared.mongo.CatalogInUseException;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.TestDataDir;

class EmbeddedMongoServerIntegrationTest {

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsToldWhy() {
        Path dir = TestDataDir.create("locked");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(dir, 16)) {
            CatalogInUseException e = assertThrows(CatalogInUseException.class, () -> EmbeddedMongoServer.start(dir, 16));
            assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
            assertTrue(first.connectionString().startsWith("mongodb://127.0.0.1:"));
        }
        try (EmbeddedMongoServer again = EmbeddedMongoServer.start(dir, 16)) {
            assertTrue(again.connectionString().startsWith("mongodb://127.0.0.1:"), "free again once closed");
        }
    }

    @Test
    void aDamagedCatalogIsRefusedAtStartUpNotServed() throws Exception {
        Path dir = TestDataDir.create("damaged");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 16);
                MongoClient client = MongoClients.create(server.connectionString())) {
            var c = client.getDatabase("yingzhi").getCollection("assets");
            for (int b = 0; b < 10; b++) {
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    batch.add(new Document("title", "第" + b + "批第" + i + "条").append("text", "援藏".repeat(200)));
                }
                c.insertMany(batch);
            }
            assertEquals(2000, c.countDocuments());
        }
        // overwrite the middle of the oldest chunk that is still in use: its pages hold documents
        Path file = dir.resolve("db").resolve("catalog.mv.db");
        long offset;
        MVStore ro = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            offset = ro.getLayoutMap().entrySet().stream().filter(e -> e.getKey().startsWith("chunk."))
                    .map(e -> DataUtils.parseMap(e.getValue()))
                    .filter(m -> DataUtils.readHexLong(m, "len", 0) > 1)
                    .mapToLong(m -> DataUtils.readHexLong(m, "block", 0) * 4096 + DataUtils.readHexLong(m, "len", 0) * 4096 / 2)
                    .min().orElseThrow();
        } finally {
            ro.close();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[4096]), offset);
        }
        CatalogDamagedException e = assertThrows(CatalogDamagedException.class, () -> EmbeddedMongoServer.start(dir, 16));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertTrue(Files.size(file) > 0, "the damaged file is left as it was, for investigation");
    }

    @Test
    void sortedPagesKeepOnlyThePageButMatchAFullSort() {
        Path dir = TestDataDir.create("topk");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 16);
                MongoClient client = MongoClients.create(server.connectionString())) {
            var c = client.getDatabase("yingzhi").getCollection("assets");
            java.util.Random r = new java.util.Random(7);
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                all.add(new Document("_id", i).append("n", r.nextInt(50)).append("type", i % 3 == 0 ? "PHOTO" : "VIDEO")
                        .append("title", "第" + i + "条"));
            }
            c.insertMany(all);
            List<Document> expected = all.stream().filter(d -> d.getString("type").equals("VIDEO"))
                    .sorted(java.util.Comparator.<Document>comparingInt(d -> d.getInteger("n")).reversed()
                            .thenComparingInt(d -> d.getInteger("_id")))
                    .skip(7).limit(20).map(d -> new Document("_id", d.get("_id")).append("n", d.get("n"))).toList();
            List<Document> page = c.find(new Document("type", "VIDEO"))
                    .sort(new Document("n", -1).append("_id", 1)).skip(7).limit(20)
                    .projection(new Document("n", 1)).into(new ArrayList<>());
            assertEquals(expected, page);
            assertEquals(500, c.find().sort(new Document("_id", -1)).into(new ArrayList<>()).size(), "no limit: all");
        }
    }

    @Test
    void readsByIdAnswerAsThePlainServerWould() {
        Path dir = TestDataDir.create("byid");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 16);
                MongoClient client = MongoClients.create(server.connectionString())) {
            var c = client.getDatabase("yingzhi").getCollection("assets");
            List<org.bson.types.ObjectId> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                org.bson.types.ObjectId id = new org.bson.types.ObjectId();
                ids.add(id);
                c.insertOne(new Document("_id", id).append("n", i).append("title", "第" + i + "条"));
            }
            c.insertOne(new Document("_id", "text-id").append("n", -1));
            c.insertOne(new Document("_id", 7).append("n", -2));
            org.bson.types.ObjectId missing = new org.bson.types.ObjectId();
            // one id, present or not
            assertEquals(42, c.find(new Document("_id", ids.get(42))).first().getInteger("n"));
            assertEquals(null, c.find(new Document("_id", missing)).first());
            assertEquals(-1, c.find(new Document("_id", "text-id")).first().getInteger("n"));
            assertEquals(-2, c.find(new Document("_id", 7L)).first().getInteger("n"), "numbers still match across types");
            // several, with a missing one and a repeat, sorted, projected, limited
            List<Object> wanted = List.of(ids.get(5), missing, ids.get(250), ids.get(5), ids.get(17), "text-id");
            List<Document> got = c.find(new Document("_id", new Document("$in", wanted)))
                    .sort(new Document("n", -1)).projection(new Document("n", 1)).limit(3).into(new ArrayList<>());
            assertEquals(List.of(250, 17, 5), got.stream().map(d -> d.getInteger("n")).toList());
            assertEquals(4, c.countDocuments(new Document("_id", new Document("$in", wanted))));
            // an update by id finds its document and leaves the others alone
            c.updateOne(new Document("_id", ids.get(9)), new Document("$set", new Document("title", "改")));
            assertEquals("改", c.find(new Document("_id", ids.get(9))).first().getString("title"));
            assertEquals(1, c.countDocuments(new Document("title", "改")));
        }
    }

    @Test
    void readsOfDocumentsBeingChangedNeverBreakTheConnection() throws Exception {
        // the server keeps stored documents as objects and changes them in place; a reply encoded after the lock is
        // released once met a concurrent update (ConcurrentModificationException, connection dropped)
        Path dir = TestDataDir.create("shared-docs");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 16);
                MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                        // no retries: a dropped connection must show, not be papered over by a second attempt
                        .applyConnectionString(new com.mongodb.ConnectionString(server.connectionString()))
                        .retryReads(false).retryWrites(false).build())) {
            var c = client.getDatabase("yingzhi").getCollection("jobs");
            for (int i = 0; i < 40; i++) {
                c.insertOne(new Document("_id", i).append("status", "QUEUED").append("n", 0)
                        .append("history", new ArrayList<>()));
            }
            var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                threads.add(started(() -> {
                    try {
                        while (!stop.get()) {
                            assertEquals(40, c.find().into(new ArrayList<>()).size());
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            threads.add(started(() -> {
                try {
                    for (int round = 0; round < 120 && failures.isEmpty(); round++) {
                        for (int i = 0; i < 40; i += 3) {
                            c.findOneAndUpdate(new Document("_id", i), new Document("$inc", new Document("n", 1))
                                    .append("$push", new Document("history", new Document("round", round)))
                                    // a key added and one removed: the stored map changes shape each time
                                    .append("$set", new Document("lease" + round, round))
                                    .append("$unset", new Document("lease" + (round - 1), "")));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    stop.set(true);
                }
            }));
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(failures.isEmpty(), () -> "reads during writes failed: " + failures.peek());
            assertEquals(120, c.find(new Document("_id", 0)).first().getInteger("n"));
        }
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }
}
