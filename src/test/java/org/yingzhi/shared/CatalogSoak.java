package org.yingzhi.shared;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.TestDataDir;

/**
 * Soak of the embedded catalog as the service uses it: bulk inserts in batches of 200 and updates from writer
 * threads, filtered scans, sorted pages and counts from reader threads, all over TCP, with the server closed and
 * reopened on the same file every {@code restartEvery}. Afterwards every acknowledged insert must read back and a
 * full scan must succeed. Run it longer with {@code scripts/soak-catalog MINUTES}.
 */
public final class CatalogSoak {

    /** What a run saw: counts, and every error a client got (there must be none). */
    public record Report(long inserted, long updated, long reads, int restarts, long documents, List<String> errors,
            long millis) {

        @Override
        public String toString() {
            return String.format("%,d inserted, %,d updated, %,d reads, %d restarts, %,d documents at the end, %d errors "
                    + "in %.1f s%s", inserted, updated, reads, restarts, documents, errors.size(), millis / 1000.0,
                    errors.isEmpty() ? "" : "; first: " + errors.get(0));
        }
    }

    private CatalogSoak() {
    }

    public static Report run(Path dir, Duration duration, Duration restartEvery, int writers, int readers)
            throws InterruptedException {
        long t0 = System.currentTimeMillis();
        long end = t0 + duration.toMillis();
        Set<ObjectId> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicLong updated = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        int restarts = 0;
        String text = "援藏干部在拉萨市人民医院调研援建项目进展，林芝地区八一镇，喀什地区疏附县。".repeat(12);
        while (System.currentTimeMillis() < end) {
            long phaseEnd = Math.min(end, System.currentTimeMillis() + restartEvery.toMillis());
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 16);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("soak").getCollection("assets");
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
                for (int w = 0; w < writers; w++) {
                    int seed = w;
                    pool.submit(() -> {
                        Random rnd = new Random(seed);
                        while (!stop.get() && System.currentTimeMillis() < phaseEnd) {
                            try {
                                if (rnd.nextInt(2) > 0 || acknowledged.size() < 20_000) {
                                    List<Document> batch = new ArrayList<>();
                                    for (int i = 0; i < 200; i++) {
                                        batch.add(new Document("_id", new ObjectId()).append("type", rnd.nextBoolean() ? "PHOTO" : "VIDEO")
                                                .append("title", "第" + rnd.nextInt(100_000) + "号素材").append("description", text)
                                                .append("n", rnd.nextInt(1000)).append("createdAt", new Date()));
                                    }
                                    c.insertMany(batch);
                                    batch.forEach(d -> acknowledged.add(d.getObjectId("_id")));
                                } else {
                                    int from = rnd.nextInt(950);
                                    updated.addAndGet(c.updateMany(Filters.and(Filters.gte("n", from), Filters.lt("n", from + 50)),
                                            Updates.combine(Updates.set("description", text + rnd.nextInt()),
                                                    Updates.inc("version", 1))).getModifiedCount());
                                }
                            } catch (RuntimeException e) {
                                errors.add("write: " + e);
                            }
                        }
                    });
                }
                for (int r = 0; r < readers; r++) {
                    int seed = 100 + r;
                    pool.submit(() -> {
                        Random rnd = new Random(seed);
                        while (!stop.get() && System.currentTimeMillis() < phaseEnd) {
                            try {
                                switch (rnd.nextInt(3)) {
                                    case 0 -> c.find(Filters.eq("n", rnd.nextInt(1000))).into(new ArrayList<>());
                                    case 1 -> c.countDocuments(Filters.eq("type", "PHOTO"));
                                    default -> c.find().sort(Sorts.descending("createdAt")).limit(50)
                                            .projection(new Document("title", 1)).into(new ArrayList<>());
                                }
                                reads.incrementAndGet();
                            } catch (RuntimeException e) {
                                errors.add("read: " + e);
                            }
                        }
                    });
                }
                pool.shutdown();
                if (!pool.awaitTermination(phaseEnd - System.currentTimeMillis() + 120_000, TimeUnit.MILLISECONDS)) {
                    stop.set(true);
                    errors.add("clients did not finish within 2 minutes of their phase");
                    pool.shutdownNow();
                }
            } catch (RuntimeException e) {
                errors.add("open/close: " + e);
                break;
            }
            restarts++;
        }
        long documents = 0;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir, 16);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("soak").getCollection("assets");
            Set<ObjectId> found = new java.util.HashSet<>();
            for (Document d : c.find().projection(new Document("_id", 1)).batchSize(5000)) {
                found.add(d.getObjectId("_id"));
            }
            documents = found.size();
            long missing = acknowledged.stream().filter(id -> !found.contains(id)).count();
            if (missing > 0) {
                errors.add(missing + " acknowledged inserts are missing");
            }
        } catch (RuntimeException e) {
            errors.add("final check: " + e);
        }
        return new Report(acknowledged.size(), updated.get(), reads.get(), restarts - 1, documents, List.copyOf(errors),
                System.currentTimeMillis() - t0);
    }

    /** {@code scripts/soak-catalog MINUTES [RESTART_SECONDS]}. */
    public static void main(String[] args) throws Exception {
        Duration d = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 10);
        Duration restart = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Report r = run(TestDataDir.create("soak"), d, restart, 2, 3);
        System.out.println("catalog soak: " + r);
        System.exit(r.errors().isEmpty() ? 0 : 1);
    }
}
