package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yingzhi.shared.mongo.CatalogBackup;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.shared.mongo.MongoProperties;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;
import tools.jackson.databind.JsonNode;

/**
 * Backup of a running service and restore into an empty catalog: every document of every collection comes back
 * equal, field for field and type for type; a damaged backup and a non-empty target are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogBackupIntegrationTest {

    static final Path DATA = TestDataDir.create("backup-source");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.role", () -> "api");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;

    @Test
    void aRunningServiceIsBackedUpAndRestoredDocumentForDocument() throws Exception {
        Api api = new Api(port);
        for (String s : List.of("clip-2997df.mov", "clip-25ndf.mp4", "photo-lhasa.jpg", "photo-kashgar.jpg", "tone.wav",
                "tone.mp3", "corrupt-truncated.mp4")) {
            assertEquals(201, api.upload(Samples.get(s), Api.ADMIN, "{\"contributorUnit\":\"省广播电视局\","
                    + "\"keywords\":[\"援藏\",\"备份\"]}").status());
        }
        String first = api.get("/api/assets?size=1", Api.ADMIN).json().get("items").get(0).get("id").asString();
        assertEquals(200, api.patch("/api/assets/" + first, Api.ADMIN, "{\"title\":\"备份前的修改\"}").status());

        // the gazetteer is backed up with the catalog: an outline node, a person and a link to the first asset
        Api.Response node = api.post("/api/outline", Api.ADMIN, "{\"title\":\"第一篇 组织与决策\"}");
        assertEquals(201, node.status(), node.body());
        Api.Response person = api.post("/api/index/people", Api.ADMIN, "{\"name\":\"张晓明\",\"batch\":3}");
        assertEquals(201, person.status(), person.body());
        assertEquals(201, api.post("/api/links", Api.ADMIN, "{\"asset\":\"" + first + "\",\"target\":\"chapter\","
                + "\"targetId\":\"" + node.json().get("id").asString() + "\"}").status());

        assertEquals(403, api.post("/api/admin/backup", Api.BUREAU, "").status());
        Api.Response r = api.post("/api/admin/backup", Api.ADMIN, "");
        assertEquals(201, r.status(), r.body());
        JsonNode manifest = r.json().get("manifest");
        assertTrue(manifest.get("pointInTime").asBoolean());
        Path backup = DATA.resolve(r.json().get("path").asString());
        assertEquals(CatalogBackup.FORMAT, CatalogBackup.check(backup).format());
        assertEquals(7, count(manifest, "assets"));
        assertEquals(21, count(manifest, "jobs"));
        assertEquals(1, count(manifest, "links"));
        // the manifest states the audit chain's head as the backup holds it (7 uploads, an edit, node, person, link)
        assertEquals(11, count(manifest, "audit"));
        assertEquals(11, manifest.get("auditHead").get("seq").asLong());
        assertEquals(db.getCollection("audit").find(new Document("seq", 11L)).first().getString("hash"),
                manifest.get("auditHead").get("hash").asString());

        // into an empty embedded catalog, the way scripts/restore loads a new data directory or a real MongoDB
        Path target = TestDataDir.create("backup-target");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(target, 16);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase restored = client.getDatabase("yingzhi");
            CatalogBackup loader = new CatalogBackup(restored, none(), new MongoProperties("", "yingzhi", null, null));
            List<CatalogBackup.CollectionFile> loaded = loader.restore(backup);
            // the accounts too: users (password hashes) and personal tokens (their hashes) come back with the rest
            List<String> collections = List.of("apiTokens", "asset_quickprints", "assets", "audit", "bins", "cuts", "entries",
                    "figures", "interviews", "jobs", "links", "outline", "review_comments", "segments", "transcripts", "users");
            assertEquals(collections, loaded.stream().map(CatalogBackup.CollectionFile::name).toList());
            for (String c : collections) {
                // the audit log goes on after the backup (the backup's own record): compared up to the stated head
                Document upToHead = c.equals("audit") ? new Document("seq", new Document("$lte", 11L)) : new Document();
                List<Document> before = db.getCollection(c).find(upToHead).sort(new Document("_id", 1)).into(new ArrayList<>());
                List<Document> after = restored.getCollection(c).find().sort(new Document("_id", 1)).into(new ArrayList<>());
                assertEquals(before.size(), after.size(), c);
                for (int i = 0; i < before.size(); i++) {
                    // Document.equals compares values with their types: a Long stays a Long, a Date a Date
                    assertEquals(before.get(i), after.get(i), c + " " + before.get(i).get("_id"));
                }
            }
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> loader.restore(backup));
            assertTrue(twice.getMessage().contains("already holds"), twice.getMessage());
        }

        // the command-line restore into a new data directory, then a service on it
        Path fresh = TestDataDir.create("backup-cli");
        ServiceProcess.Finished restore = ServiceProcess.run(fresh, "--yingzhi.restore.from=" + backup);
        assertEquals(0, restore.exitCode(), restore.output());
        assertTrue(restore.output().contains("restored assets"), restore.output());
        try (ServiceProcess service = ServiceProcess.start(fresh, "--yingzhi.role=api")) {
            JsonNode page = new Api(service.port()).get("/api/assets?q=" + Api.q("备份前的修改"), Api.ADMIN).json();
            assertEquals(1, page.get("total").asLong(), "search keys came back too");
            assertEquals(7, new Api(service.port()).get("/api/assets", Api.ADMIN).json().get("total").asLong());
        }

        // a changed backup file is refused before anything is loaded
        Files.writeString(backup.resolve("assets.jsonl"), "{}\n", java.nio.file.StandardOpenOption.APPEND);
        IllegalArgumentException damaged = assertThrows(IllegalArgumentException.class, () -> CatalogBackup.check(backup));
        assertTrue(damaged.getMessage().contains("damaged or changed"), damaged.getMessage());
    }

    private static long count(JsonNode manifest, String collection) {
        for (JsonNode c : manifest.get("collections")) {
            if (c.get("name").asString().equals(collection)) {
                return c.get("documents").asLong();
            }
        }
        return -1;
    }

    private static ObjectProvider<EmbeddedMongoServer> none() {
        return new ObjectProvider<>() {
            @Override
            public EmbeddedMongoServer getObject(Object... args) {
                throw new UnsupportedOperationException();
            }

            @Override
            public EmbeddedMongoServer getIfAvailable() {
                return null;
            }

            @Override
            public EmbeddedMongoServer getIfUnique() {
                return null;
            }

            @Override
            public EmbeddedMongoServer getObject() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
