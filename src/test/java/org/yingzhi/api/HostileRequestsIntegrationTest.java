package org.yingzhi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.ServiceTest;
import org.yingzhi.support.Api;
import org.yingzhi.support.RawHttp;
import org.yingzhi.support.Samples;
import tools.jackson.databind.JsonNode;

/**
 * Requests an attacker or bad luck would send, over real HTTP (raw sockets where a path must go out exactly as
 * spelled). Each case asserts the status, that the answer is problem+json, and that nothing stored changed.
 */
class HostileRequestsIntegrationTest extends ServiceTest { // no workers: queued jobs stay queued for the job lists

    static final String PRODUCER = "dev-producer-token";

    String tibetPhoto;
    String bureauAudio;

    @BeforeEach
    void setUp() {
        tibetPhoto = upload("photo-lhasa.jpg", Api.TIBET);
        bureauAudio = upload("tone.wav", Api.BUREAU);
    }

    private String upload(String sample, String token) {
        Api.Response r = api.upload(Samples.get(sample), token, null);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().get("asset").get("id").asString();
    }

    /** What must not change: every asset's version and deleted flag, the jobs, and the stored originals. */
    private List<String> stored() throws IOException {
        List<String> s = new ArrayList<>();
        for (Document d : db.getCollection("assets").find().sort(new Document("_id", 1))) {
            s.add(d.getObjectId("_id") + " v" + d.get("version") + " deleted=" + d.get("deleted") + " title=" + d.get("title"));
        }
        for (Document d : db.getCollection("jobs").find().sort(new Document("_id", 1))) {
            s.add(d.getString("_id") + " " + d.getString("status"));
        }
        try (Stream<Path> files = Files.walk(DATA.resolve("originals"))) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().forEach(s::add);
        }
        return s;
    }

    private static void assertProblem(int status, RawHttp.Response r, String what) {
        assertEquals(status, r.status(), what + ": " + r);
        assertTrue(r.problemJson(), what + " answers problem+json: " + r);
    }

    @Test
    void pathSpellingsNeverReachAControllerWithoutAUser() throws IOException {
        List<String> before = stored();
        String[] spellings = {"/api;x=y/assets", "/api;/assets", "/api;a=b/assets/" + tibetPhoto + "/original",
            "/%61pi/assets", "/%61pi/assets/" + tibetPhoto, "/api//assets", "/api/./assets", "/api/assets;jsessionid=1",
            "/api/x/../assets", "/API/assets", "/api/assets/" + tibetPhoto + "%3b", "/api\\assets"};
        for (String path : spellings) {
            for (String method : new String[] {"GET", "POST", "PATCH", "DELETE"}) {
                byte[] body = method.equals("GET") || method.equals("DELETE") ? null
                        : "{\"title\":\"hacked\"}".getBytes(StandardCharsets.UTF_8);
                RawHttp.Response r = RawHttp.send(port, method, path, null, body, "Content-Type: application/json");
                assertTrue(r.status() == 400 || r.status() == 401, method + " " + path + ": " + r);
                assertTrue(r.problemJson(), method + " " + path + ": " + r);
            }
        }
        // with a token, the non-canonical ones are refused as such, not dispatched
        for (String path : new String[] {"/api;x=y/assets", "/api//assets", "/api/./assets"}) {
            assertProblem(400, RawHttp.send(port, "DELETE", path.replace("/assets", "/assets/" + tibetPhoto), Api.ADMIN, null), path);
        }
        assertEquals(before, stored());
    }

    @Test
    void whatTomcatRefusesIsProblemJsonToo() throws IOException {
        List<String> before = stored();
        assertProblem(400, RawHttp.send(port, "GET", "/api/assets/%2e%2e%2f%2e%2e%2fetc", Api.ADMIN, null), "encoded dots");
        assertProblem(400, RawHttp.send(port, "GET", "/api%2fassets", Api.ADMIN, null), "encoded slash");
        assertProblem(400, RawHttp.send(port, "GET", "/api/assets?q=" + "a".repeat(17_000), Api.ADMIN, null),
                "request line over the 16 KB header limit");
        assertProblem(400, RawHttp.send(port, "GET", "/api/assets", Api.ADMIN, null, "X-Big: " + "b".repeat(17_000)),
                "a header over the limit");
        assertProblem(400, RawHttp.send(port, "GET", "/api/assets?q=" + "a".repeat(9_000), Api.ADMIN, null),
                "search text over 500 characters");
        assertEquals(before, stored());
    }

    @Test
    void badInputIsABadRequestAndStoresNothing() throws IOException {
        List<String> before = stored();
        assertProblem(400, RawHttp.send(port, "GET", "/api/assets?q=%FF%FE%C0", Api.ADMIN, null), "not UTF-8");
        assertProblem(400, RawHttp.send(port, "GET", "/api/assets?q=%ZZ", Api.ADMIN, null), "not percent-encoding");
        assertProblem(400, RawHttp.send(port, "GET", "/api/search?q=%E4%B8", Api.ADMIN, null), "a cut-off character");
        for (String date : new String[] {"+200000000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "0000", "1200-01-01",
            "2003-02-30", "9999999999"}) {
            Api.Response up = api.upload("other.mp3", Files.readAllBytes(Samples.get("tone.mp3")), Api.BUREAU,
                    "{\"captureDate\":\"" + date + "\"}");
            assertEquals(400, up.status(), date + ": " + up.body());
            assertTrue(up.contentType().startsWith("application/problem+json"));
            Api.Response patch = api.patch("/api/assets/" + bureauAudio, Api.BUREAU, "{\"captureDate\":\"" + date + "\"}");
            assertEquals(400, patch.status(), date + ": " + patch.body());
        }
        assertEquals(before, stored(), "no original of a refused upload is left in the store");
        Api.Response spaced = api.patch("/api/assets/" + bureauAudio, Api.BUREAU, "{\"captureDate\":\"2003-03-10 15:04:43\"}");
        assertEquals(200, spaced.status(), spaced.body());
        assertEquals("2003-03-10T15:04:43", spaced.json().get("captureDate").asString(), "the form cameras write");
    }

    @Test
    void longFileNamesAreKeptAsGiven() throws IOException {
        String chinese = "拉萨市人民医院援建工程竣工典礼".repeat(10) + ".mp3"; // 150 characters, 450 bytes of UTF-8
        Api.Response r = api.upload(chinese, Files.readAllBytes(Samples.get("tone.mp3")), Api.TIBET, null);
        assertEquals(201, r.status(), r.body());
        assertEquals(chinese, r.json().get("asset").get("original").get("fileName").asString());
        String latin = "a".repeat(600) + ".mp4";
        Api.Response l = api.upload(latin, Files.readAllBytes(Samples.get("clip-25ndf.mp4")), Api.TIBET, null);
        assertEquals(201, l.status(), l.body());
        assertEquals(latin, l.json().get("asset").get("original").get("fileName").asString());
        String disposition = api.getBytes("/api/assets/" + l.json().get("asset").get("id").asString()
                + "/original?download=true", Api.TIBET, null).headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment") && disposition.contains(".mp4") && disposition.length() < 400,
                "shortened for the download: " + disposition);
    }

    @Test
    void aDeletedFileComesBackOnlyToThoseWhoMayRestoreIt() throws IOException {
        byte[] bytes = Files.readAllBytes(Samples.get("photo-lhasa.jpg"));
        assertEquals(204, api.delete("/api/assets/" + tibetPhoto + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.TIBET).status());
        List<String> before = stored();
        Api.Response other = api.upload("again.jpg", bytes, Api.BUREAU, null);
        assertEquals(409, other.status(), other.body());
        assertTrue(other.contentType().startsWith("application/problem+json"));
        for (String secret : new String[] {tibetPhoto, "援藏工作队", "photo-lhasa", "拉萨"}) {
            assertFalse(other.body().contains(secret), "reveals nothing of the deleted asset: " + other.body());
        }
        assertEquals(before, stored());
        Api.Response own = api.upload("again.jpg", bytes, Api.TIBET, null);
        assertEquals(200, own.status(), own.body());
        assertTrue(own.json().get("restored").asBoolean());
        assertTrue(own.json().get("duplicate").asBoolean());
        assertEquals(tibetPhoto, own.json().get("asset").get("id").asString());
        assertFalse(own.json().get("asset").get("deleted").asBoolean());
        assertEquals(200, api.get("/api/assets/" + tibetPhoto, Api.BUREAU).status(), "back for everyone");
    }

    private List<String> jobSubjects(String token) {
        Api.Response r = api.get("/api/jobs?size=500", token);
        assertEquals(200, r.status(), r.body());
        List<String> ids = new ArrayList<>();
        for (JsonNode j : r.json().get("items")) {
            ids.add(j.get("subject").get("id").asString());
        }
        long counted = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = r.json().get("totals").properties().iterator(); it.hasNext(); ) {
            counted += it.next().getValue().asLong();
        }
        assertEquals(r.json().get("total").asLong(), counted, "the counts cover the same jobs as the list");
        return ids;
    }

    @Test
    void jobsAreListedOnlyForAssetsTheCallerMaySee() {
        assertTrue(jobSubjects(Api.TIBET).stream().allMatch(tibetPhoto::equals), "a unit sees its own jobs");
        assertTrue(jobSubjects(Api.TIBET).contains(tibetPhoto));
        assertTrue(jobSubjects(Api.BUREAU).stream().allMatch(bureauAudio::equals));
        assertTrue(jobSubjects(Api.REVIEWER).containsAll(List.of(tibetPhoto, bureauAudio)), "the office sees all");
        assertEquals(403, api.get("/api/jobs", PRODUCER).status());
        assertEquals(204, api.delete("/api/assets/" + tibetPhoto + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.TIBET).status());
        assertFalse(jobSubjects(Api.REVIEWER).contains(tibetPhoto), "a deleted asset's jobs leave the queue view");
        assertFalse(jobSubjects(Api.TIBET).contains(tibetPhoto));
        assertTrue(jobSubjects(Api.ADMIN).contains(tibetPhoto), "administrators see them");
        Api.Response far = api.get("/api/jobs?page=4294968&size=500", Api.ADMIN);
        assertEquals(200, far.status());
        assertEquals(0, far.json().get("items").size(), "a page past the end is empty, not the first");
    }

    @Test
    void rangesThatCannotBeServedAre416WithoutABody() {
        String url = "/api/assets/" + tibetPhoto + "/original";
        StringBuilder many = new StringBuilder("bytes=");
        for (int i = 0; i < 150; i++) {
            many.append(i == 0 ? "" : ",").append(i).append('-').append(i);
        }
        for (String range : new String[] {"bytes=abc", many.toString(), "bytes=99999999-", "items=0-1"}) {
            var r = api.getBytes(url, Api.TIBET, range);
            assertEquals(416, r.statusCode(), range);
            assertEquals(0, r.body().length, range + ": no body");
            assertTrue(r.headers().firstValue("Content-Range").orElse("").startsWith("bytes */"), range);
        }
        var part = api.getBytes(url, Api.TIBET, "bytes=0-9");
        assertEquals(206, part.statusCode());
        assertEquals(10, part.body().length);
        assertEquals("nosniff", part.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(part.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"), "a JPEG shows inline");
    }

    @Test
    void everyEndpointRefusesMissingWrongAndOtherUnitTokens() throws IOException {
        List<String> before = stored();
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        int calls = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().startsWith("/api/")) {
                continue;
            }
            String path = p.getKey().replace("{id}", tibetPhoto).replace("{derivative}", "thumbnail")
                    .replace("{kind}", "people").replace("{name}", "tibet-team").replace("{item}", tibetPhoto)
                    .replaceAll("\\{[A-Za-z]+\\}", "e0123"); // any other path variable
            for (Iterator<String> m = p.getValue().propertyNames().iterator(); m.hasNext(); ) {
                String method = m.next().toUpperCase();
                byte[] body = method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
                String[] json = {"Content-Type: application/json"};
                assertProblem(401, RawHttp.send(port, method, path, null, body, json), method + " " + path + " no token");
                assertProblem(401, RawHttp.send(port, method, path, "not-a-token-at-all", body, json),
                        method + " " + path + " wrong token");
                // (one's own account, /api/me/..., is everyone's to change)
                boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
                if (!read && !path.equals("/api/assets") && !path.startsWith("/api/me/")) {
                    RawHttp.Response other = RawHttp.send(port, method, path, Api.BUREAU, body, json);
                    // 404: the id is an asset's, so no link or outline node by that id exists for anyone
                    assertTrue(other.status() == 403 || other.status() == 400 || other.status() == 415
                            || other.status() == 404,
                            method + " " + path + " by another unit: " + other);
                    assertTrue(other.problemJson(), method + " " + path + ": " + other);
                }
                if (path.startsWith("/api/admin")) {
                    assertProblem(403, RawHttp.send(port, method, path, Api.BUREAU, body, json), method + " " + path);
                }
                calls++;
            }
        }
        assertTrue(calls >= 10, "the OpenAPI document lists the API: " + calls);
        assertEquals(before, stored());
    }

    @Test
    void stalledUploadsDoNotStarveOtherRequests() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.getOutputStream().write(("POST /api/assets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + Api.TIBET
                        + "\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 10000000\r\n\r\n--XX\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().write(new byte[4000]);
                s.getOutputStream().flush();
                stalled.add(s);
            }
            for (int i = 0; i < 200; i++) {
                stalled.add(new Socket("127.0.0.1", port)); // connected, never a byte
            }
            Thread.sleep(500);
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                Api.Response r = api.get("/api/assets/" + tibetPhoto, Api.BUREAU);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, r.status());
                assertTrue(ms < 2000, "answered in " + ms + " ms beside 200 stalled uploads and 200 idle connections");
                System.out.printf("request beside 400 stalled connections: %d ms%n", ms);
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }
}
