package org.yingzhi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.Api;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;
import org.yingzhi.support.TestMedia;
import tools.jackson.databind.JsonNode;

/**
 * Two API processes against one embedded catalog over TCP, each with its own search index: what one writes the
 * other finds within a second; a process killed while others write catches up when it starts again; an index
 * folder deleted while stopped is rebuilt at start-up while the API answers from the catalog.
 */
class SearchConsistencyIntegrationTest {

    @Test
    void twoApiProcessesConverge() throws Exception {
        Path root = TestDataDir.create("search-two");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(root.resolve("mongo"), 64, port)) {
            Map<String, String> env = Map.of("MONGODB_URI", mongo.connectionString());
            Path dataA = root.resolve("a");
            Path dataB = root.resolve("b");
            // the change log is kept 3 s here, so that a process stopped longer than that has to rebuild
            String[] fast = {"--yingzhi.role=api", "--yingzhi.search.change-retention=3s", "--yingzhi.search.trim-every=500ms"};
            try (ServiceProcess a = ServiceProcess.start(dataA, env, fast)) {
                ServiceProcess b = ServiceProcess.start(dataB, env, "--yingzhi.role=api");
                Api apiA = new Api(a.port());
                Api apiB = new Api(b.port());
                awaitReady(apiA);
                awaitReady(apiB);

                String id = upload(apiA, 1, "双进程一致性测试");
                assertEquals(1, search(apiA, "一致性").get("total").asLong(), "the writer finds its own change at once");
                long seen = awaitFound(apiB, "一致性", 1);
                System.out.println("a write through A was found through B after " + seen + " ms");
                assertTrue(seen < 1_500, "found through B after " + seen + " ms");

                assertEquals(200, apiB.patch("/api/assets/" + id, Api.ADMIN, "{\"title\":\"林芝水电站验收\"}").status());
                assertEquals(1, search(apiB, "水电站").get("total").asLong());
                assertTrue(awaitFound(apiA, "水电站", 1) < 1_500);
                assertEquals(0, search(apiA, "一致性").get("total").asLong(), "the old title is gone from A too");

                // B dies; A goes on writing; B comes back and catches up from the change log
                b.kill9();
                upload(apiA, 2, "断电后补录的素材");
                b = ServiceProcess.start(dataB, env, "--yingzhi.role=api");
                apiB = new Api(b.port());
                awaitReady(apiB);
                assertEquals(1, search(apiB, "补录").get("total").asLong());
                b.close();

                // B's index is deleted while it is stopped: it answers at once and rebuilds in the background
                deleteTree(dataB.resolve("search"));
                upload(apiA, 3, "索引重建期间上传");
                b = ServiceProcess.start(dataB, env, "--yingzhi.role=api");
                apiB = new Api(b.port());
                assertEquals(200, apiB.get("/api/assets", Api.ADMIN).status(), "lists work while the index builds");
                awaitReady(apiB);
                JsonNode all = apiB.get("/api/search?size=50", Api.ADMIN).json();
                assertEquals(3, all.get("total").asLong());
                assertEquals(3, all.get("facets").get("type").get("AUDIO").asLong(), "facets count what is there");
                b.close();

                // B stays away longer than the log is kept while A edits (the counts stay equal): B must rebuild
                assertEquals(200, apiA.patch("/api/assets/" + id, Api.ADMIN, "{\"title\":\"停机期间改名\"}").status());
                Thread.sleep(4_000);
                b = ServiceProcess.start(dataB, env, fast);
                apiB = new Api(b.port());
                awaitReady(apiB);
                assertEquals(1, search(apiB, "停机期间").get("total").asLong(), "an edit whose record was trimmed");
                assertEquals(0, search(apiB, "水电站").get("total").asLong());
                b.close();
            }
        }
    }

    private static String upload(Api api, int seed, String title) {
        Api.Response r = api.upload("tone-" + seed + ".wav", TestMedia.wav(seed, 0.2), Api.ADMIN,
                "{\"contributorUnit\":\"省广播电视局\",\"title\":\"" + title + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("asset").get("id").asString();
    }

    private static JsonNode search(Api api, String q) {
        Api.Response r = api.get("/api/search?q=" + Api.q(q), Api.ADMIN);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static long awaitFound(Api api, String q, long total) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        while (System.currentTimeMillis() - t0 < 10_000) {
            if (search(api, q).get("total").asLong() == total) {
                return System.currentTimeMillis() - t0;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("'" + q + "' not found within 10 s");
    }

    private static void awaitReady(Api api) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            JsonNode s = api.get("/api/admin/search-index", Api.ADMIN).json();
            if ("ready".equals(s.get("state").asString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search index not ready in 60 s");
    }

    private static void deleteTree(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
