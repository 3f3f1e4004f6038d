package org.yingzhi.job;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.Api;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;
import org.yingzhi.support.TestMedia;

/**
 * Separate worker processes against one MongoDB (the embedded server, hosted by this test JVM and reached over TCP
 * like a real one) and one media store: nothing runs twice, nothing is lost, a killed worker's job comes back.
 */
class WorkerProcessesIntegrationTest {

    @Test
    void twoWorkersShareFiftyAssetsWithoutRunningAnyJobTwice() throws Exception {
        Path data = TestDataDir.create("two-workers");
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(data.resolveSibling(data.getFileName() + "-mongo"), 64);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Map<String, String> env = Map.of("MONGODB_URI", mongo.connectionString());
            List<ObjectId> assets = new ArrayList<>();
            try (ServiceProcess api = ServiceProcess.start(data, env, "--yingzhi.role=api");
                    ServiceProcess w1 = ServiceProcess.start(data, env, "--yingzhi.role=worker",
                            "--yingzhi.jobs.poll=50ms", "--yingzhi.jobs.concurrency=2");
                    ServiceProcess w2 = ServiceProcess.start(data, env, "--yingzhi.role=worker",
                            "--yingzhi.jobs.poll=50ms", "--yingzhi.jobs.concurrency=2")) {
                Api http = new Api(api.port());
                for (int i = 0; i < 50; i++) {
                    Api.Response r = http.upload("tone-" + i + ".wav", TestMedia.wav(i, 0.5), Api.BUREAU, null);
                    assertEquals(201, r.status(), r.body());
                    assets.add(new ObjectId(r.json().get("asset").get("id").asString()));
                }
                MongoCollection<Document> jobs = client.getDatabase("yingzhi").getCollection("jobs");
                long end = System.currentTimeMillis() + 180_000;
                while (jobs.countDocuments(eq("status", "DONE")) < 100 && System.currentTimeMillis() < end) {
                    Thread.sleep(200);
                }
                List<Document> all = jobs.find().into(new ArrayList<>());
                assertEquals(100, all.size(), "two jobs (audio proxy, waveform) per asset");
                Set<String> workers = new HashSet<>();
                for (Document j : all) {
                    assertEquals("DONE", j.getString("status"), j.toJson());
                    assertEquals(1, j.getInteger("attempts"), "ran once: " + j.toJson());
                    workers.add(j.getString("finishedBy"));
                }
                assertEquals(2, workers.size(), "both workers took jobs: " + workers);
                MongoCollection<Document> catalog = client.getDatabase("yingzhi").getCollection("assets");
                for (ObjectId id : assets) {
                    Document a = catalog.find(eq("_id", id)).first();
                    assertEquals("READY", a.getString("status"), a.toJson());
                    Document steps = a.get("processing", Document.class).get("steps", Document.class);
                    for (String s : steps.keySet()) {
                        assertEquals(1, steps.get(s, Document.class).getInteger("attempts"), a.toJson());
                    }
                }
            }
        }
    }

    @Test
    void aKilledWorkersJobIsTakenOverAfterItsLeaseExpires() throws Exception {
        Path data = TestDataDir.create("killed-worker");
        Path clip = TestMedia.longClip(data.getParent(), 60);
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(data.resolveSibling(data.getFileName() + "-mongo"), 64);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Map<String, String> env = Map.of("MONGODB_URI", mongo.connectionString());
            MongoCollection<Document> jobs = client.getDatabase("yingzhi").getCollection("jobs");
            String[] lease = {"--yingzhi.role=worker", "--yingzhi.jobs.lease=3s", "--yingzhi.jobs.poll=50ms",
                    "--yingzhi.jobs.concurrency=1"};
            try (ServiceProcess api = ServiceProcess.start(data, env, "--yingzhi.role=api")) {
                Api http = new Api(api.port());
                Api.Response r = http.upload(clip, Api.BUREAU, null);
                assertEquals(201, r.status(), r.body());
                String assetId = r.json().get("asset").get("id").asString();
                String jobId = "asset:" + assetId + ":proxy";
                String firstOwner;
                try (ServiceProcess doomed = ServiceProcess.start(data, env, lease)) {
                    Document running = awaitJob(jobs, jobId, "RUNNING", 120_000);
                    firstOwner = running.getString("leaseOwner");
                    assertTrue(firstOwner.contains(":" + doomed.pid() + ":"), firstOwner);
                    Thread.sleep(300); // mid-transcode
                    doomed.kill9();
                }
                Document orphan = jobs.find(eq("_id", jobId)).first();
                assertEquals("RUNNING", orphan.getString("status"), "a dead worker cannot let go: " + orphan.toJson());
                try (ServiceProcess rescuer = ServiceProcess.start(data, env, lease)) {
                    Document j = awaitJob(jobs, jobId, "DONE", 180_000);
                    assertEquals(2, j.getInteger("attempts"), "picked up again once: " + j.toJson());
                    assertNotEquals(firstOwner, j.getString("finishedBy"));
                    assertTrue(j.getString("finishedBy").contains(":" + rescuer.pid() + ":"));
                    MediaToolkit toolkit = new FfmpegMediaToolkit();
                    RawProbe proxy = toolkit.probe(data.resolve("derivatives").resolve(assetId.substring(0, 2))
                            .resolve(assetId).resolve("proxy.mp4"));
                    assertEquals("h264", proxy.streams().get(0).codec());
                    assertTrue(Math.abs(proxy.streams().get(0).durationMicros() - 60_000_000) <= 40_000,
                            "the whole clip: " + proxy.streams().get(0).durationMicros());
                }
            }
        }
    }

    @Test
    void aWorkerStoppedForADeployHandsItsJobBackAtOnce() throws Exception {
        Path data = TestDataDir.create("stopped-worker");
        Path clip = TestMedia.longClip(data.getParent(), 60);
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(data.resolveSibling(data.getFileName() + "-mongo"), 64);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Map<String, String> env = Map.of("MONGODB_URI", mongo.connectionString());
            MongoCollection<Document> jobs = client.getDatabase("yingzhi").getCollection("jobs");
            try (ServiceProcess api = ServiceProcess.start(data, env, "--yingzhi.role=api")) {
                Api.Response r = new Api(api.port()).upload(clip, Api.BUREAU, null);
                assertEquals(201, r.status(), r.body());
                String jobId = "asset:" + r.json().get("asset").get("id").asString() + ":proxy";
                ServiceProcess worker = ServiceProcess.start(data, env, "--yingzhi.role=worker", "--yingzhi.jobs.lease=60s",
                        "--yingzhi.jobs.poll=50ms", "--yingzhi.jobs.concurrency=1", "--yingzhi.jobs.shutdown-grace=500ms");
                awaitJob(jobs, jobId, "RUNNING", 120_000);
                long t0 = System.currentTimeMillis();
                worker.close(); // SIGTERM, as a deploy or systemd stop sends
                Document j = jobs.find(eq("_id", jobId)).first();
                assertEquals("QUEUED", j.getString("status"), "handed back, not left to a 60 s lease: " + j.toJson());
                assertEquals(0, j.getInteger("attempts"), "a shutdown is not a failed try");
                assertTrue(System.currentTimeMillis() - t0 < 30_000);
                try (ServiceProcess next = ServiceProcess.start(data, env, "--yingzhi.role=worker",
                        "--yingzhi.jobs.poll=50ms")) {
                    Document done = awaitJob(jobs, jobId, "DONE", 120_000);
                    assertEquals(1, done.getInteger("attempts"));
                }
            }
        }
    }

    /** Polls a job until it reaches a status, failing the test with its last state after the timeout. */
    private static Document awaitJob(MongoCollection<Document> jobs, String id, String status, long timeoutMillis)
            throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        Document j = null;
        while (System.currentTimeMillis() < end) {
            j = jobs.find(eq("_id", id)).first();
            if (j != null && status.equals(j.getString("status"))) {
                return j;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " never became " + status + ": " + (j == null ? "missing" : j.toJson()));
    }
}
