package org.yingzhi.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.TestDataDir;

/** The queue's state machine against the embedded server over TCP. */
class JobRepositoryIntegrationTest {

    static EmbeddedMongoServer mongo;
    static MongoClient client;
    JobRepository jobs;

    @BeforeAll
    static void start() {
        Path dir = TestDataDir.create("job-repo");
        mongo = EmbeddedMongoServer.start(dir, 32);
        client = MongoClients.create(mongo.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        var db = client.getDatabase("jobs-" + System.nanoTime());
        jobs = new JobRepository(db);
    }

    private static Subject asset(ObjectId id) {
        return new Subject("asset", id.toHexString());
    }

    private Document doc(ObjectId asset, String type) {
        return jobs.find(JobRepository.id(asset(asset), type)).orElseThrow();
    }

    @Test
    void enqueueIsIdempotent() {
        ObjectId a = new ObjectId();
        jobs.enqueue(asset(a), "proxy", Scope.NONE);
        Job claimed = jobs.claim("w1", 60_000).orElseThrow();
        jobs.enqueue(asset(a), "proxy", Scope.NONE);
        assertEquals("RUNNING", doc(a, "proxy").getString("status"), "enqueue does not disturb a running job");
        assertEquals(1, jobs.count(new Document()));
        assertEquals(asset(a), claimed.subject());
        assertEquals("proxy", claimed.type());
        assertEquals(1, claimed.attempt());
    }

    @Test
    void concurrentClaimsNeverHandOutAJobTwice() throws Exception {
        for (int i = 0; i < 200; i++) {
            jobs.enqueue(asset(new ObjectId()), "waveform", Scope.NONE);
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String owner = "w" + w;
            fs.add(pool.submit(() -> {
                for (Optional<Job> j; (j = jobs.claim(owner, 60_000)).isPresent(); ) {
                    if (!claimed.add(j.get().id())) {
                        synchronized (duplicates) {
                            duplicates.add(j.get() + " now " + jobs.find(j.get().id()).orElseThrow().toJson());
                        }
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(List.of(), duplicates);
        assertEquals(200, claimed.size());
        for (Document d : jobs.list(new Document(), 0, 500)) {
            assertEquals(1, d.getInteger("attempts"), d.toJson());
        }
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheOldHolderLosesIt() throws Exception {
        ObjectId a = new ObjectId();
        jobs.enqueue(asset(a), "proxy", Scope.NONE);
        Job first = jobs.claim("dead", 1_000).orElseThrow();
        assertTrue(jobs.claim("other", 1_000).isEmpty(), "held under a live lease");
        Thread.sleep(1_100);
        Job second = jobs.claim("other", 60_000).orElseThrow();
        assertEquals(2, second.attempt());
        assertFalse(jobs.renew(first, 60_000), "the dead worker's claim is gone");
        assertFalse(jobs.finish(first, "dead", 5), "and it cannot finish the job");
        assertTrue(jobs.renew(second, 60_000));
        assertTrue(jobs.finish(second, "other", 5));
        assertEquals("DONE", doc(a, "proxy").getString("status"));
        assertEquals("other", doc(a, "proxy").getString("finishedBy"));
    }

    @Test
    void failuresRetryLaterThenFailForGood() {
        ObjectId a = new ObjectId();
        jobs.enqueue(asset(a), "sprite", Scope.NONE);
        Job j = jobs.claim("w", 60_000).orElseThrow();
        assertTrue(jobs.fail(j, "disk full", new Date(System.currentTimeMillis() + 60_000)));
        Document d = doc(a, "sprite");
        assertEquals("QUEUED", d.getString("status"));
        assertEquals("disk full", d.getString("lastError"));
        assertTrue(jobs.claim("w", 60_000).isEmpty(), "not before its backoff");
        jobs.requeue(asset(a), "sprite", Scope.NONE);
        // requeue leaves a queued job alone, so it still waits for its backoff
        assertTrue(jobs.claim("w", 60_000).isEmpty());

        ObjectId b = new ObjectId();
        jobs.enqueue(asset(b), "sprite", Scope.NONE);
        Job k = jobs.claim("w", 60_000).orElseThrow();
        assertTrue(jobs.fail(k, "cannot decode", null));
        assertEquals("FAILED", doc(b, "sprite").getString("status"));
        jobs.requeue(asset(b), "sprite", Scope.NONE);
        Document again = doc(b, "sprite");
        assertEquals("QUEUED", again.getString("status"));
        assertEquals(0, again.getInteger("attempts"));
        assertFalse(again.containsKey("lastError"));
        assertEquals(asset(b), jobs.claim("w", 60_000).orElseThrow().subject());
    }

    @Test
    void reprocessWhileRunningRunsOnceMoreAfterwards() {
        ObjectId a = new ObjectId();
        jobs.enqueue(asset(a), "proxy", Scope.NONE);
        Job j = jobs.claim("w", 60_000).orElseThrow();
        jobs.requeue(asset(a), "proxy", Scope.NONE);
        assertEquals("RUNNING", doc(a, "proxy").getString("status"));
        assertTrue(jobs.finish(j, "w", 10));
        Document d = doc(a, "proxy");
        assertEquals("QUEUED", d.getString("status"), d.toJson());
        assertFalse(d.getBoolean("rerun", false));
        Job next = jobs.claim("w", 60_000).orElseThrow();
        assertEquals(1, next.attempt());
        assertTrue(jobs.finish(next, "w", 10));
        assertEquals("DONE", doc(a, "proxy").getString("status"));
    }

    @Test
    void countsPerTypeAndStatus() {
        jobs.enqueue(asset(new ObjectId()), "proxy", Scope.NONE);
        jobs.enqueue(asset(new ObjectId()), "proxy", Scope.NONE);
        jobs.enqueue(asset(new ObjectId()), "preview", Scope.NONE);
        int proxies = 0;
        for (Document c : jobs.counts(new Document())) {
            if (c.get("_id", Document.class).getString("type").equals("proxy")) {
                proxies += c.getInteger("count");
            }
        }
        assertEquals(2, proxies);
    }

    @Test
    void jobsOfAnySubjectShareTheQueue() {
        ObjectId a = new ObjectId();
        jobs.enqueue(asset(a), "proxy", Scope.NONE);
        jobs.enqueue(new Subject("cut", "c-17"), "cut_render", Scope.NONE);
        jobs.enqueue(new Subject("cut", "c-17"), "cut_render", Scope.NONE);
        assertEquals(2, jobs.count(new Document()));
        Set<String> types = new java.util.HashSet<>();
        for (Optional<Job> j; (j = jobs.claim("w", 60_000)).isPresent(); ) {
            types.add(j.get().subject() + " " + j.get().type());
            assertTrue(jobs.finish(j.get(), "w", 1));
        }
        assertEquals(Set.of("asset:" + a.toHexString() + " proxy", "cut:c-17 cut_render"), types);
        assertEquals(1, jobs.forSubject(new Subject("cut", "c-17")).size());
        assertEquals("cut:c-17:cut_render", jobs.forSubject(new Subject("cut", "c-17")).get(0).getString("_id"));
    }

    @Test
    void jobsWrittenBeforeSubjectsAreMigratedAtStartUp() {
        var db = client.getDatabase("legacy-" + System.nanoTime());
        ObjectId a = new ObjectId();
        Date t = new Date();
        db.getCollection("jobs").insertMany(List.of(
                new Document("_id", a.toHexString() + ":audio_proxy").append("assetId", a).append("type", "AUDIO_PROXY")
                        .append("status", "DONE").append("attempts", 1).append("runAfter", t).append("createdAt", t)
                        .append("finishedBy", "old-worker"),
                new Document("_id", a.toHexString() + ":waveform").append("assetId", a).append("type", "WAVEFORM")
                        .append("status", "QUEUED").append("attempts", 0).append("runAfter", t).append("createdAt", t)));
        // a crash after copying one job but before deleting the old one
        db.getCollection("jobs").insertOne(LegacyJobMigration.migrate(db.getCollection("jobs")
                .find(new Document("_id", a.toHexString() + ":waveform")).first()));
        JobRepository migrated = new JobRepository(db);
        assertEquals(2, migrated.count(new Document()));
        Document audio = migrated.find("asset:" + a.toHexString() + ":audio_proxy").orElseThrow();
        assertEquals("audio_proxy", audio.getString("type"));
        assertEquals(new Document("kind", "asset").append("id", a.toHexString()), audio.get("subject"));
        assertEquals("old-worker", audio.getString("finishedBy"));
        assertFalse(audio.containsKey("assetId"));
        Job next = migrated.claim("w", 60_000).orElseThrow();
        assertEquals("waveform", next.type());
        assertEquals(asset(a), next.subject());
        assertEquals(0, new LegacyJobMigration(db.getCollection("jobs")).run(), "nothing left to migrate");
    }

    /**
     * The lanes: two workers, three long encodes queued first, then a short job. Before the lanes both workers took
     * encodes and the short job waited for one of them to end; now one worker stays free for short work.
     */
    @Test
    void aShortJobQueuedAfterLongOnesRunsBeforeTheyEnd() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> nices = java.util.Collections.synchronizedList(new ArrayList<>());
        long callerNice = org.yingzhi.shared.os.ThreadNice.current().orElse(-1);
        class Fake implements JobHandler {
            final String type;
            final boolean lengthy;

            Fake(String type, boolean lengthy) {
                this.type = type;
                this.lengthy = lengthy;
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public boolean lengthy() {
                return lengthy;
            }

            @Override
            public JobOutcome run(Job job) throws Exception {
                order.add("start " + job.id());
                // the worker runs below the pages' priority, and so does a thread it starts (as FFmpeg's are)
                nices.add(org.yingzhi.shared.os.ThreadNice.current().orElse(-1));
                Thread child = new Thread(() -> nices.add(org.yingzhi.shared.os.ThreadNice.current().orElse(-1)));
                child.start();
                child.join();
                if (lengthy) {
                    release.await(); // an encode that runs until the test lets it end
                }
                order.add("end " + job.id());
                return new JobOutcome.Done(null);
            }
        }
        JobHandlers handlers = new JobHandlers(List.of(new Fake("encode", true), new Fake("poster", false)));
        JobProperties props = new JobProperties(2, java.time.Duration.ofMillis(50), java.time.Duration.ofSeconds(30),
                1, null, java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(1), null, null, null, null);
        List<ObjectId> tapes = List.of(new ObjectId(), new ObjectId(), new ObjectId());
        for (ObjectId t : tapes) {
            jobs.enqueue(asset(t), "encode", Scope.NONE);
            Thread.sleep(5);
        }
        JobRunner runner = new JobRunner(jobs, handlers, new JobEventRouter(List.of()), List.of(), props, "all");
        runner.start();
        ObjectId photo = new ObjectId();
        try {
            long started = System.currentTimeMillis() + 5_000;
            while (order.isEmpty() && System.currentTimeMillis() < started) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // both workers have polled the queue meanwhile
            jobs.enqueue(asset(photo), "poster", Scope.NONE); // the photo comes after the tapes

            String poster = "end " + JobRepository.id(asset(photo), "poster");
            long until = System.currentTimeMillis() + 10_000;
            while (!order.contains(poster) && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertTrue(order.contains(poster), "the short job ran while encodes were running: " + order);
            long encodes = order.stream().filter(e -> e.startsWith("start asset:") && e.endsWith(":encode")).count();
            assertEquals(1, encodes, "one worker kept for short work: " + order);
            assertTrue(!nices.isEmpty() && nices.stream().allMatch(n -> n >= 10), "workers and their threads at nice 10: " + nices);
            assertEquals(callerNice, org.yingzhi.shared.os.ThreadNice.current().orElse(-1), "the caller's thread as it was");
        } finally {
            release.countDown();
            runner.stop();
        }
    }
}
