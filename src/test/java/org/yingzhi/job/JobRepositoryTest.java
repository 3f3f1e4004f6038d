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
class JobRepositoryTest {

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

    private Document doc(ObjectId asset, JobType t) {
        return jobs.find(JobRepository.id(asset, t)).orElseThrow();
    }

    @Test
    void enqueueIsIdempotent() {
        ObjectId a = new ObjectId();
        jobs.enqueue(a, JobType.PROXY);
        Job claimed = jobs.claim("w1", 60_000).orElseThrow();
        jobs.enqueue(a, JobType.PROXY);
        assertEquals("RUNNING", doc(a, JobType.PROXY).getString("status"), "enqueue does not disturb a running job");
        assertEquals(1, jobs.count(new Document()));
        assertEquals(a, claimed.assetId());
        assertEquals(1, claimed.attempt());
    }

    @Test
    void concurrentClaimsNeverHandOutAJobTwice() throws Exception {
        for (int i = 0; i < 200; i++) {
            jobs.enqueue(new ObjectId(), JobType.WAVEFORM);
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
        jobs.enqueue(a, JobType.PROXY);
        Job first = jobs.claim("dead", 1_000).orElseThrow();
        assertTrue(jobs.claim("other", 1_000).isEmpty(), "held under a live lease");
        Thread.sleep(1_100);
        Job second = jobs.claim("other", 60_000).orElseThrow();
        assertEquals(2, second.attempt());
        assertFalse(jobs.renew(first, 60_000), "the dead worker's claim is gone");
        assertFalse(jobs.finish(first, "dead", 5), "and it cannot finish the job");
        assertTrue(jobs.renew(second, 60_000));
        assertTrue(jobs.finish(second, "other", 5));
        assertEquals("DONE", doc(a, JobType.PROXY).getString("status"));
        assertEquals("other", doc(a, JobType.PROXY).getString("finishedBy"));
    }

    @Test
    void failuresRetryLaterThenFailForGood() {
        ObjectId a = new ObjectId();
        jobs.enqueue(a, JobType.SPRITE);
        Job j = jobs.claim("w", 60_000).orElseThrow();
        assertTrue(jobs.fail(j, "disk full", new Date(System.currentTimeMillis() + 60_000)));
        Document d = doc(a, JobType.SPRITE);
        assertEquals("QUEUED", d.getString("status"));
        assertEquals("disk full", d.getString("lastError"));
        assertTrue(jobs.claim("w", 60_000).isEmpty(), "not before its backoff");
        jobs.requeue(a, JobType.SPRITE);
        // requeue leaves a queued job alone, so it still waits for its backoff
        assertTrue(jobs.claim("w", 60_000).isEmpty());

        ObjectId b = new ObjectId();
        jobs.enqueue(b, JobType.SPRITE);
        Job k = jobs.claim("w", 60_000).orElseThrow();
        assertTrue(jobs.fail(k, "cannot decode", null));
        assertEquals("FAILED", doc(b, JobType.SPRITE).getString("status"));
        jobs.requeue(b, JobType.SPRITE);
        Document again = doc(b, JobType.SPRITE);
        assertEquals("QUEUED", again.getString("status"));
        assertEquals(0, again.getInteger("attempts"));
        assertFalse(again.containsKey("lastError"));
        assertEquals(b, jobs.claim("w", 60_000).orElseThrow().assetId());
    }

    @Test
    void reprocessWhileRunningRunsOnceMoreAfterwards() {
        ObjectId a = new ObjectId();
        jobs.enqueue(a, JobType.PROXY);
        Job j = jobs.claim("w", 60_000).orElseThrow();
        jobs.requeue(a, JobType.PROXY);
        assertEquals("RUNNING", doc(a, JobType.PROXY).getString("status"));
        assertTrue(jobs.finish(j, "w", 10));
        Document d = doc(a, JobType.PROXY);
        assertEquals("QUEUED", d.getString("status"), d.toJson());
        assertFalse(d.getBoolean("rerun", false));
        Job next = jobs.claim("w", 60_000).orElseThrow();
        assertEquals(1, next.attempt());
        assertTrue(jobs.finish(next, "w", 10));
        assertEquals("DONE", doc(a, JobType.PROXY).getString("status"));
    }

    @Test
    void countsPerTypeAndStatus() {
        jobs.enqueue(new ObjectId(), JobType.PROXY);
        jobs.enqueue(new ObjectId(), JobType.PROXY);
        jobs.enqueue(new ObjectId(), JobType.PREVIEW);
        int proxies = 0;
        for (Document c : jobs.counts()) {
            if (c.get("_id", Document.class).getString("type").equals("PROXY")) {
                proxies += c.getInteger("count");
            }
        }
        assertEquals(2, proxies);
    }
}
