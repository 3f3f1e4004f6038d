package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yingzhi.shared.json.DocumentSchemas;
import org.yingzhi.shared.json.Json;
import org.yingzhi.support.Api;
import org.yingzhi.support.TestDataDir;
import tools.jackson.databind.JsonNode;

/**
 * Opens an embedded catalog written by the release before typed assets and subject jobs (the samples imported and
 * processed, one photo edited, one recording deleted; src/test/resources/catalogs) and checks that the service
 * reads every asset through the typed model, and that its jobs were migrated to subject ids and still work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogMigrationIntegrationTest {

    static final Path DATA = TestDataDir.create("catalog-migration");

    static {
        try (InputStream in = new GZIPInputStream(CatalogMigrationIntegrationTest.class
                .getResourceAsStream("/catalogs/catalog-before-typed-jobs.mv.db.gz"))) {
            Files.createDirectories(DATA.resolve("db"));
            Files.copy(in, DATA.resolve("db").resolve("catalog.mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.role", () -> "api");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;
    @Autowired
    DocumentSchemas schemas;

    @Test
    void everyAssetReadsAndEveryJobIsMigrated() {
        Api api = new Api(port);
        JsonNode page = api.get("/api/assets?includeDeleted=true&size=50", Api.ADMIN).json();
        assertEquals(7, page.get("total").asLong());
        Map<String, JsonNode> byFile = new HashMap<>();
        page.get("items").forEach(a -> byFile.put(a.get("original").get("fileName").asString(), a));

        JsonNode clip = byFile.get("clip-2997df.mov");
        assertEquals("READY", clip.get("status").asString());
        assertEquals("01:00:59;10-01:01:01;12", clip.get("timecode").get("range").asString());
        assertEquals(640, clip.get("derivatives").get("proxy").get("width").asInt());
        assertEquals("01:00:59;10", clip.get("derivatives").get("proxy").get("timecode").asString());
        assertEquals("01:00:59;10", clip.get("scenes").get(0).get("in").asString());
        assertEquals("DONE", clip.get("processing").get("steps").get("sprite").get("status").asString());
        assertEquals("PARTIAL", byFile.get("corrupt-truncated.mp4").get("status").asString());
        assertEquals("FAILED", byFile.get("corrupt-truncated.mp4").get("metadataStatus").asString());
        assertEquals("旧目录测试", byFile.get("photo-lhasa.jpg").get("title").asString());
        assertEquals("admin", byFile.get("photo-lhasa.jpg").get("updatedBy").get("name").asString());
        assertTrue(byFile.get("tone.mp3").get("deleted").asBoolean());
        assertEquals(2048, byFile.get("photo-kashgar.jpg").get("derivatives").get("preview").get("sizes").get(0).get("edge").asInt());

        int jobs = 0;
        for (Document j : db.getCollection("jobs").find()) {
            assertFalse(j.containsKey("assetId"), j.toJson());
            Document subject = j.get("subject", Document.class);
            assertEquals("asset", subject.getString("kind"));
            assertEquals("asset:" + subject.getString("id") + ":" + j.getString("type"), j.getString("_id"));
            assertEquals(List.of(), schemas.violations("job", Json.plain(j)), j.toJson());
            jobs++;
        }
        assertEquals(21, jobs);
        for (Document a : db.getCollection("assets").find()) {
            assertEquals(List.of(), schemas.violations("asset", Json.plain(a)), a.toJson());
        }
        JsonNode counts = api.get("/api/jobs", Api.ADMIN).json().get("counts");
        assertEquals(2, counts.get("proxy").get("DONE").asInt());
        assertEquals(1, counts.get("proxy").get("FAILED").asInt());

        // the migrated queue takes new work under the new ids
        String wav = byFile.get("tone.wav").get("id").asString();
        Api.Response again = api.post("/api/assets/" + wav + "/reprocess", Api.ADMIN, "{\"steps\":[\"waveform\"]}");
        assertEquals(202, again.status(), again.body());
        Document job = db.getCollection("jobs").find(new Document("_id", "asset:" + wav + ":waveform")).first();
        assertEquals("QUEUED", job.getString("status"));
        assertEquals("QUEUED", api.get("/api/assets/" + wav, Api.ADMIN).json().get("processing").get("steps")
                .get("waveform").get("status").asString());
    }
}
