package org.yingzhi.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.RawProbe;
import org.yingzhi.support.ProcessingServiceTest;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.TestMedia;
import tools.jackson.databind.JsonNode;

/**
 * Every sample goes through the whole pipeline in this process's workers; the derivatives are read back and
 * checked with the real FFmpeg.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIntegrationTest extends ProcessingServiceTest {

    @Autowired
    MediaToolkit toolkit;
    @Autowired
    org.yingzhi.shared.json.DocumentSchemas schemas;
    @Autowired
    org.yingzhi.asset.AssetProcessing processing;
    Api api;
    final Map<String, JsonNode> done = new HashMap<>();

    @BeforeAll
    void processAllSamples() throws Exception {
        freshCatalog(); // the samples are new here whatever ran in this context before
        api = new Api(port);
        Map<String, String> ids = new HashMap<>();
        for (String s : new String[] {"clip-2997df.mov", "clip-25ndf.mp4", "tone.wav", "tone.mp3", "photo-lhasa.jpg",
                "photo-kashgar.jpg", "corrupt-truncated.mp4"}) {
            Api.Response r = api.upload(Samples.get(s), Api.ADMIN, "{\"contributorUnit\":\"省广播电视局\"}");
            assertEquals(201, r.status(), s + ": " + r.body());
            ids.put(s, r.json().get("asset").get("id").asString());
        }
        for (Path made : new Path[] {TestMedia.threeShots(DATA.getParent()), TestMedia.longClip(DATA.getParent(), 7)}) {
            Api.Response r = api.upload(made, Api.ADMIN, "{\"contributorUnit\":\"省广播电视局\"}");
            ids.put(made.getFileName().toString(), r.json().get("asset").get("id").asString());
        }
        for (Map.Entry<String, String> e : ids.entrySet()) {
            done.put(e.getKey(), awaitSettled(e.getValue()));
        }
    }

    private JsonNode awaitSettled(String id) throws InterruptedException {
        long end = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < end) {
            JsonNode a = api.get("/api/assets/" + id, Api.ADMIN).json();
            String s = a.get("status").asString();
            if (s.equals("READY") || s.equals("PARTIAL")) {
                return a;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("asset " + id + " did not settle: " + api.get("/api/assets/" + id, Api.ADMIN).body());
    }

    private String id(String sample) {
        return done.get(sample).get("id").asString();
    }

    private Path download(String path, String name) throws Exception {
        HttpResponse<byte[]> r = api.getBytes(path, Api.ADMIN, null);
        assertEquals(200, r.statusCode(), path + ": " + new String(r.body()));
        Path f = DATA.resolve("downloads");
        Files.createDirectories(f);
        return Files.write(f.resolve(name), r.body());
    }

    @Test
    void everyGoodSampleIsReadyAndTheCorruptOneIsPartialWithAReadableError() {
        for (Map.Entry<String, JsonNode> e : done.entrySet()) {
            String expected = e.getKey().startsWith("corrupt") ? "PARTIAL" : "READY";
            assertEquals(expected, e.getValue().get("status").asString(), e.getKey() + ": " + e.getValue());
        }
        JsonNode steps = done.get("corrupt-truncated.mp4").get("processing").get("steps");
        JsonNode proxy = steps.get("proxy");
        assertEquals("FAILED", proxy.get("status").asString());
        String error = proxy.get("error").asString();
        assertTrue(error.startsWith("proxy transcode failed: "), error);
        assertFalse(error.contains("/"), "no internal paths in errors: " + error);
        assertEquals(1, proxy.get("attempts").asInt(), "a file that cannot be decoded is not retried");
        assertTrue(steps.get("sprite").get("error").asString().contains("duration unknown"));
    }

    @Test
    void videoProxyIsH264AacRightSizeSameDurationAndKeepsTimecode() throws Exception {
        record Expect(String sample, int height, long sourceMicros, double fps, String tc, boolean df) { }
        for (Expect x : new Expect[] {new Expect("clip-2997df.mov", 360, 2_002_000, 30000 / 1001.0, "01:00:59;10", true),
                new Expect("clip-25ndf.mp4", 480, 2_000_000, 25, "10:00:00:00", false)}) {
            Path proxy = download("/api/assets/" + id(x.sample()) + "/proxy", x.sample() + ".proxy.mp4");
            RawProbe p = toolkit.probe(proxy);
            RawProbe.Stream v = p.streams().stream().filter(s -> s.type().equals("video")).findFirst().orElseThrow();
            RawProbe.Stream a = p.streams().stream().filter(s -> s.type().equals("audio")).findFirst().orElseThrow();
            assertEquals("h264", v.codec());
            assertEquals("aac", a.codec());
            assertEquals(640, v.width());
            assertEquals(x.height(), v.height());
            long frame = (long) (1_000_000 / x.fps());
            assertTrue(Math.abs(v.durationMicros() - x.sourceMicros()) <= frame,
                    x.sample() + ": proxy video lasts " + v.durationMicros() + " us, source " + x.sourceMicros());
            assertNotNull(p.tmcd(), "the proxy carries a timecode track");
            assertEquals(x.tc(), v.tags().get("timecode"));
            assertEquals(x.df() ? 1 : 0, p.tmcd().flags() & 1);
            assertEquals("mov,mp4,m4a,3gp,3g2,mj2", p.formatName());
            JsonNode d = done.get(x.sample()).get("derivatives").get("proxy");
            assertEquals("h264", d.get("videoCodec").asString());
        }
        byte[] head = Files.readAllBytes(Path.of(DATA.resolve("downloads").resolve("clip-2997df.mov.proxy.mp4").toString()));
        int moov = indexOf(head, "moov");
        int mdat = indexOf(head, "mdat");
        assertTrue(moov > 0 && moov < mdat, "faststart: the index comes before the media");
    }

    @Test
    void keyframesEveryTwoSecondsAndNoneBetween() throws Exception {
        Path proxy = download("/api/assets/" + id("long-7s.mp4") + "/proxy", "long.proxy.mp4");
        String packets = TestMedia.ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags",
                "-of", "csv=p=0", proxy.toString());
        java.util.List<String> keyTimes = packets.lines().filter(l -> l.contains(",K"))
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        assertEquals(java.util.List.of("0.000000", "2.000000", "4.000000", "6.000000"), keyTimes, packets);
        assertEquals(175, packets.lines().count(), "7 s at 25 fps");
        assertEquals(360, toolkit.probe(proxy).streams().get(0).height(), "1280x720 keeps 16:9");
    }

    @Test
    void thumbnailsSpriteAndWebVtt() throws Exception {
        String id = id("clip-2997df.mov");
        for (int[] s : new int[][] {{160, 90}, {320, 180}, {640, 360}}) {
            BufferedImage t = ImageIO.read(download("/api/assets/" + id + "/thumbnail?size=" + s[0], "t" + s[0] + ".jpg").toFile());
            assertEquals(s[0], t.getWidth());
            assertEquals(s[1], t.getHeight());
        }
        BufferedImage sprite = ImageIO.read(download("/api/assets/" + id + "/sprite", "sprite.jpg").toFile());
        JsonNode sp = done.get("clip-2997df.mov").get("derivatives").get("sprite");
        int tiles = sp.get("tiles").asInt();
        assertEquals(20, tiles);
        assertEquals(sp.get("columns").asInt() * 160, sprite.getWidth());
        assertEquals(sp.get("rows").asInt() * sp.get("tileHeight").asInt(), sprite.getHeight());
        assertEquals(90, sp.get("tileHeight").asInt());
        Api.Response vtt = api.get("/api/assets/" + id + "/thumbnails.vtt", Api.ADMIN);
        assertTrue(vtt.contentType().startsWith("text/vtt"), vtt.contentType());
        assertTrue(vtt.body().startsWith("WEBVTT"));
        assertEquals(tiles, vtt.body().split("-->").length - 1, "one cue per tile");
        assertTrue(vtt.body().contains("sprite#xywh=640,270,160,90"), "the last tile's cue points into the sprite");
    }

    @Test
    void waveformLengthMatchesDuration() throws Exception {
        record Expect(String sample, long micros, int channels) { }
        for (Expect x : new Expect[] {new Expect("tone.wav", 3_000_000, 2), new Expect("tone.mp3", 3_000_000, 1),
                new Expect("clip-2997df.mov", 2_002_000, 2), new Expect("clip-25ndf.mp4", 2_000_000, 1)}) {
            JsonNode w = api.get("/api/assets/" + id(x.sample()) + "/waveform", Api.ADMIN).json();
            int expected = (int) ((x.micros() + 99_999) / 100_000);
            int length = w.get("length").asInt();
            // decoders may add a few samples of priming or padding: never a whole window more than the media
            assertTrue(length == expected || length == expected + 1, x.sample() + ": " + length + " windows, expected " + expected);
            assertEquals(length, w.get("min").size());
            assertEquals(length, w.get("max").size());
            assertEquals(100, w.get("windowMillis").asInt());
            assertEquals(x.channels(), w.get("channels").asInt());
            double peak = w.get("max").get(length / 2).asDouble();
            assertTrue(peak > 0.05 && peak <= 1.0, x.sample() + " has sound in the middle: " + peak);
            assertTrue(w.get("min").get(length / 2).asDouble() < 0);
        }
    }

    @Test
    void audioProxyIsAac() throws Exception {
        Path m4a = download("/api/assets/" + id("tone.wav") + "/audio", "tone.m4a");
        RawProbe p = toolkit.probe(m4a);
        assertEquals("aac", p.streams().get(0).codec());
        assertTrue(Math.abs(p.durationMicros() - 3_000_000) < 100_000, "duration " + p.durationMicros());
        HttpResponse<byte[]> part = api.getBytes("/api/assets/" + id("tone.wav") + "/audio", Api.ADMIN, "bytes=0-99");
        assertEquals(206, part.statusCode());
        assertEquals(100, part.body().length);
    }

    @Test
    void photoPreviewsAreUprightAndSized() throws Exception {
        BufferedImage big = ImageIO.read(download("/api/assets/" + id("photo-kashgar.jpg") + "/preview?size=2048", "k2048.jpg").toFile());
        // stored 480x640 with EXIF orientation 6 (rotate 90 CW): upright it is landscape, never enlarged
        assertEquals(640, big.getWidth());
        assertEquals(480, big.getHeight());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(
                api.getBytes("/api/assets/" + id("photo-kashgar.jpg") + "/preview?size=512", Api.ADMIN, null).body()));
        assertEquals(512, small.getWidth());
        assertEquals(384, small.getHeight());
        // smptebars' first (grey) column ends up as the top row after the rotation
        int rgb = big.getRGB(big.getWidth() - 40, 20);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        assertTrue(Math.abs(r - g) < 30 && Math.abs(g - b) < 30 && r > 150, "grey at the top right, got " + Integer.toHexString(rgb));
        BufferedImage lhasa = ImageIO.read(download("/api/assets/" + id("photo-lhasa.jpg") + "/preview?size=512", "l512.jpg").toFile());
        assertEquals(512, lhasa.getWidth());
        assertEquals(384, lhasa.getHeight());
    }

    @Test
    void sceneCutsBecomeSuggestedSubclipsWithTimecode() {
        JsonNode scenes = done.get("three-shots.mp4").get("scenes");
        assertEquals(3, scenes.size(), scenes.toString());
        assertTrue(Math.abs(scenes.get(1).get("inMicros").asLong() - 1_000_000) <= 40_000, scenes.toString());
        assertTrue(Math.abs(scenes.get(2).get("inMicros").asLong() - 2_000_000) <= 40_000, scenes.toString());
        assertEquals("10:00:00:00", scenes.get(0).get("in").asString());
        assertEquals("10:00:01:00", scenes.get(1).get("in").asString());
        assertEquals("10:00:02:00", scenes.get(2).get("in").asString());
        assertEquals("10:00:03:00", scenes.get(2).get("out").asString());
        assertEquals(1, done.get("clip-25ndf.mp4").get("scenes").size(), "a single shot has no cuts");
    }

    @Test
    void derivativesHaveCacheHeadersAndRevalidate() {
        HttpResponse<byte[]> r = api.getBytes("/api/assets/" + id("clip-25ndf.mp4") + "/proxy", Api.ADMIN, "bytes=0-1023");
        assertEquals(206, r.statusCode());
        assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        assertTrue(r.headers().firstValue("ETag").isPresent());
        assertEquals(404, api.get("/api/assets/" + id("tone.wav") + "/proxy", Api.ADMIN).status(), "audio has no video proxy");
        Api.Response notReady = api.get("/api/assets/" + id("corrupt-truncated.mp4") + "/proxy", Api.ADMIN);
        assertEquals(404, notReady.status());
        assertTrue(notReady.contentType().startsWith("application/problem+json"));
        assertTrue(notReady.body().contains("FAILED"), notReady.body());
    }

    @Test
    void derivativesRevalidateWithTheirETag() throws Exception {
        String path = "/api/assets/" + id("clip-25ndf.mp4") + "/sprite";
        HttpResponse<byte[]> first = api.getBytes(path, Api.ADMIN, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        java.net.http.HttpRequest again = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + Api.ADMIN).header("If-None-Match", etag).build();
        HttpResponse<byte[]> notModified = java.net.http.HttpClient.newHttpClient().send(again,
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
    }

    @Test
    void theSweepQueuesWorkThatACrashLeftUnqueued() throws Exception {
        Api.Response r = api.upload("crash-window.wav", TestMedia.wav(999, 0.5), Api.ADMIN, "{\"contributorUnit\":\"省广播电视局\"}");
        String id = r.json().get("asset").get("id").asString();
        awaitSettled(id);
        // as if the process died between the asset insert and the job upserts, a minute ago
        org.bson.types.ObjectId oid = new org.bson.types.ObjectId(id);
        org.bson.conversions.Bson itsJobs = com.mongodb.client.model.Filters.and(
                com.mongodb.client.model.Filters.eq("subject.kind", "asset"), com.mongodb.client.model.Filters.eq("subject.id", id));
        db.getCollection("jobs").deleteMany(itsJobs);
        db.getCollection("assets").updateOne(com.mongodb.client.model.Filters.eq("_id", oid), new org.bson.Document("$set",
                new org.bson.Document("status", "INGESTED").append("processing.steps.audio_proxy", new org.bson.Document("status", "QUEUED"))
                        .append("processing.steps.waveform", new org.bson.Document("status", "QUEUED"))
                        .append("createdAt", new java.util.Date(System.currentTimeMillis() - 60_000))));
        processing.requeueLostWork();
        assertEquals(2, db.getCollection("jobs").countDocuments(itsJobs));
        assertEquals("READY", awaitSettled(id).get("status").asString());
    }

    @Test
    void reprocessRunsChosenStepsAgainAndJobsAreListed() throws Exception {
        String id = id("tone.mp3");
        Api.Response bad = api.post("/api/assets/" + id + "/reprocess", Api.ADMIN, "{\"steps\":[\"proxy\"]}");
        assertEquals(400, bad.status(), "an audio asset has no video proxy step");
        assertEquals(400, api.post("/api/assets/" + id + "/reprocess", Api.ADMIN, "{\"steps\":[\"teleport\"]}").status());
        assertEquals(403, api.post("/api/assets/" + id + "/reprocess", Api.EDITOR, "{}").status());
        Api.Response ok = api.post("/api/assets/" + id + "/reprocess", Api.ADMIN, "{\"steps\":[\"waveform\"]}");
        assertEquals(202, ok.status(), ok.body());
        assertEquals("[\"waveform\"]", ok.json().get("queued").toString());
        JsonNode after = awaitSettled(id);
        assertEquals("READY", after.get("status").asString());
        JsonNode job = null;
        for (JsonNode j : api.get("/api/jobs?type=waveform&size=500", Api.ADMIN).json().get("items")) {
            if (j.get("subject").get("id").asString().equals(id)) {
                assertEquals("asset", j.get("subject").get("kind").asString());
                assertEquals("asset:" + id + ":waveform", j.get("id").asString());
                job = j;
            }
        }
        assertNotNull(job);
        assertEquals("DONE", job.get("status").asString());
        assertTrue(job.get("claimToken") == null, "claim tokens stay internal");
        JsonNode counts = api.get("/api/jobs", Api.ADMIN).json().get("counts");
        assertTrue(counts.get("proxy").get("DONE").asInt() >= 3, counts.toString());
        assertEquals(1, counts.get("proxy").get("FAILED").asInt(), counts.toString());
        assertEquals(400, api.get("/api/jobs?status=SLEEPING", Api.ADMIN).status());
    }

    @Test
    void everyStoredAssetAndJobMatchesItsSchema() {
        int assets = 0;
        for (org.bson.Document a : db.getCollection("assets").find()) {
            assertEquals(java.util.List.of(), schemas.violations("asset", org.yingzhi.shared.json.Json.plain(a)), a.toJson());
            assets++;
        }
        int jobs = 0;
        for (org.bson.Document j : db.getCollection("jobs").find()) {
            assertEquals(java.util.List.of(), schemas.violations("job", org.yingzhi.shared.json.Json.plain(j)), j.toJson());
            jobs++;
        }
        assertTrue(assets >= 9 && jobs >= 30, assets + " assets, " + jobs + " jobs");
    }

    private static int indexOf(byte[] b, String s) {
        byte[] n = s.getBytes();
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int k = 0; k < n.length; k++) {
                if (b[i + k] != n[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
