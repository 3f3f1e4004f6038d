package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.shared.json.DocumentSchemas;
import org.yingzhi.shared.json.Json;
import org.yingzhi.support.ServiceTest;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import tools.jackson.databind.JsonNode;

/**
 * Uploads the samples over real HTTP into the embedded MongoDB server (over TCP) and checks the catalog against
 * what ffprobe 8.0.1 and exiftool 12.57 report for the same files (values recorded below).
 */
class AssetApiIntegrationTest extends ServiceTest {

    @Autowired
    DocumentSchemas schemas;

    /** A sample that this test has not uploaded before: a new asset (201). */
    private JsonNode uploadSample(String name, String token, String meta) {
        Api.Response r = api.upload(Samples.get(name), token, meta);
        assertEquals(201, r.status(), name + ": " + r.body());
        assertFalse(r.json().get("duplicate").asBoolean());
        return r.json().get("asset");
    }

    @Test
    void driftFrameTimecodeClipMatchesFfprobe() {
        JsonNode a = uploadSample("clip-2997df.mov", Api.BUREAU, null);
        assertEquals("VIDEO", a.get("type").asString());
        JsonNode m = a.get("media");
        // ffprobe: format duration=2.002000, bit_rate=231708
        assertEquals(2_002_000, m.get("durationMicros").asLong());
        assertEquals(231_708, m.get("bitRate").asLong());
        assertEquals("2008-05-12T06:28:00Z", m.get("creationTime").asString());
        JsonNode v = m.get("streams").get(0);
        // ffprobe: h264 320x180 r_frame_rate=30000/1001 nb_frames=60 bit_rate=150221
        assertEquals("video", v.get("kind").asString());
        assertEquals("h264", v.get("codec").asString());
        assertEquals(320, v.get("width").asInt());
        assertEquals(180, v.get("height").asInt());
        assertEquals("30000/1001", v.get("frameRate").asString());
        assertEquals(60, v.get("frames").asLong());
        assertEquals(150_221, v.get("bitRate").asLong());
        JsonNode au = m.get("streams").get(1);
        // ffprobe: aac 48000 Hz, 2 channels
        assertEquals("aac", au.get("codec").asString());
        assertEquals(48_000, au.get("sampleRate").asInt());
        assertEquals(2, au.get("channels").asInt());
        // ffprobe: tmcd stream tag timecode=01:00:59;10
        JsonNode tc = m.get("timecode");
        assertEquals("01:00:59;10", tc.get("start").asString());
        assertTrue(tc.get("dropFrame").asBoolean());
        assertEquals("30000/1001", tc.get("rate").asString());
        assertEquals("tmcd", tc.get("source").asString());
        assertEquals(109_672, tc.get("startFrames").asLong());
        assertEquals("OK", a.get("metadataStatus").asString());
        assertEquals("省广播电视局", a.get("contributorUnit").asString(), "defaults to the uploader's unit");
        assertEquals("2008-05-12", a.get("captureDate").asString());
        assertEquals("container", a.get("captureDateSource").asString());
    }

    @Test
    void nonDropClipMatchesFfprobe() {
        JsonNode a = uploadSample("clip-25ndf.mp4", Api.BUREAU, "{\"title\":\"林芝援建项目开工\",\"keywords\":[\"援藏\","
                + "\"林芝\"],\"captureDate\":\"2010-08\",\"override\":true}");
        JsonNode m = a.get("media");
        assertEquals(2_000_000, m.get("durationMicros").asLong());
        JsonNode v = m.get("streams").get(0);
        assertEquals("h264", v.get("codec").asString());
        assertEquals(320, v.get("width").asInt());
        assertEquals(240, v.get("height").asInt());
        assertEquals("25/1", v.get("frameRate").asString());
        assertEquals(50, v.get("frames").asLong());
        assertEquals(1, m.get("streams").get(1).get("channels").asInt());
        JsonNode tc = m.get("timecode");
        assertEquals("10:00:00:00", tc.get("start").asString());
        assertFalse(tc.get("dropFrame").asBoolean());
        assertEquals("25/1", tc.get("rate").asString());
        assertEquals(900_000, tc.get("startFrames").asLong());
        assertEquals("Nyingchi aid project opening", m.get("tags").get("title").asString());
        assertEquals("林芝援建项目开工", a.get("title").asString(), "asked to override: the given title wins");
        assertEquals("2010-08", a.get("captureDate").asString());
        assertEquals("Nyingchi aid project opening", a.get("fileOwn").get("title").asString(), "the file's stays visible");
    }

    @Test
    void aBatchDescriptionFillsWhatTheFileLacksAndNeverReplacesWhatItRecords() {
        String batch = "{\"batch\":\"2003年援藏影像\",\"title\":\"批次标题\",\"captureDate\":\"2003-08\","
                + "\"place\":\"日喀则\",\"keywords\":[\"第一批\"],\"contributorUnit\":\"省广播电视局\"}";
        JsonNode photo = uploadSample("photo-kashgar.jpg", Api.BUREAU, batch);
        // exiftool: Caption-Abstract 喀什援疆项目竣工, DateTimeOriginal 2012:09:01 16:05:44 (+06:00), City 喀什, no title
        assertEquals("喀什援疆项目竣工", photo.get("title").asString(), "the IPTC caption, not the batch title");
        assertEquals("喀什援疆项目竣工", photo.get("description").asString());
        assertEquals("2012-09-01T16:05:44+06:00", photo.get("captureDate").asString(), "the EXIF date, not the batch's");
        assertEquals("exif", photo.get("captureDateSource").asString());
        assertEquals("喀什", photo.get("place").asString(), "the IPTC city, not the batch place");
        assertEquals("2003年援藏影像", photo.get("batch").asString());
        assertEquals("[\"援疆\",\"喀什\",\"第一批\"]", photo.get("keywords").toString(), "keywords are joined");
        assertTrue(photo.get("fileOwn").isEmpty(), "nothing of the file's was replaced: " + photo.get("fileOwn"));
        assertEquals(39.4704, photo.get("photo").get("gps").get("latitude").asDouble(), 1e-6);

        JsonNode wav = uploadSample("tone.wav", Api.BUREAU, batch);
        assertEquals("批次标题", wav.get("title").asString(), "the batch fills what the file lacks");
        assertEquals("2003-08", wav.get("captureDate").asString());
        assertEquals("日喀则", wav.get("place").asString());
        assertFalse(wav.has("captureDateSource") && !wav.get("captureDateSource").isNull());

        // the batch label is searchable
        JsonNode found = api.get("/api/assets?q=" + java.net.URLEncoder.encode("援藏影像", java.nio.charset.StandardCharsets.UTF_8),
                Api.BUREAU).json();
        assertEquals(2, found.get("total").asInt(), found.toString());

        // asked explicitly: the given values replace the file's, which stay on the asset
        JsonNode over = uploadSample("photo-lhasa.jpg", Api.BUREAU, "{\"title\":\"换上的标题\",\"captureDate\":\"2003-08\","
                + "\"override\":true}");
        assertEquals("换上的标题", over.get("title").asString());
        assertEquals("2003-08", over.get("captureDate").asString());
        assertEquals("拉萨调研", over.get("fileOwn").get("title").asString());
        assertEquals("2009-07-15T10:32:05+08:00", over.get("fileOwn").get("captureDate").asString());
        assertEquals("拉萨", over.get("place").asString(), "what was not given stays the file's");
    }

    @Test
    void aSecondUnitSendingTheSameBytesIsRecordedWithoutASecondCopy() {
        JsonNode first = uploadSample("photo-lhasa.jpg", Api.BUREAU, "{\"batch\":\"电视局第一批\"}");
        Api.Response again = api.upload(Samples.get("photo-lhasa.jpg"), Api.ADMIN,
                "{\"contributorUnit\":\"援藏工作队\",\"batch\":\"工作队移交\",\"captureDate\":\"2009-07\"}");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().get("duplicate").asBoolean());
        JsonNode a = again.json().get("asset");
        assertEquals(first.get("id").asString(), a.get("id").asString());
        assertEquals(first.get("contributorUnit").asString(), a.get("contributorUnit").asString());
        JsonNode c = a.get("contributions");
        assertEquals(1, c.size(), c.toString());
        assertEquals("援藏工作队", c.get(0).get("unit").asString());
        assertEquals("工作队移交", c.get(0).get("batch").asString());
        assertEquals("2009-07", c.get(0).get("captureDate").asString());
        // once per unit
        api.upload(Samples.get("photo-lhasa.jpg"), Api.ADMIN, "{\"contributorUnit\":\"援藏工作队\"}");
        assertEquals(1, api.get("/api/assets/" + a.get("id").asString(), Api.ADMIN).json().get("contributions").size());
        JsonNode found = api.get("/api/assets?q=" + java.net.URLEncoder.encode("工作队移交", java.nio.charset.StandardCharsets.UTF_8),
                Api.ADMIN).json();
        assertEquals(1, found.get("total").asInt(), "found by the other unit's batch label: " + found);
    }

    @Test
    void audioFilesMatchFfprobe() {
        JsonNode wav = uploadSample("tone.wav", Api.BUREAU, null);
        assertEquals("AUDIO", wav.get("type").asString());
        JsonNode s = wav.get("media").get("streams").get(0);
        // ffprobe: pcm_s16le 48000 Hz 2 ch, duration 3.000000, bit_rate 1536000
        assertEquals("pcm_s16le", s.get("codec").asString());
        assertEquals(48_000, s.get("sampleRate").asInt());
        assertEquals(2, s.get("channels").asInt());
        assertEquals(1_536_000, s.get("bitRate").asLong());
        assertEquals(3_000_000, wav.get("media").get("durationMicros").asLong());
        assertTrue(wav.get("media").get("timecode") == null || wav.get("media").get("timecode").isNull());

        JsonNode mp3 = uploadSample("tone.mp3", Api.BUREAU, null);
        JsonNode s2 = mp3.get("media").get("streams").get(0);
        // ffprobe: mp3 44100 Hz mono 64 kb/s, duration 3.000000
        assertEquals("mp3", s2.get("codec").asString());
        assertEquals(44_100, s2.get("sampleRate").asInt());
        assertEquals(1, s2.get("channels").asInt());
        assertEquals(64_000, s2.get("bitRate").asLong());
        assertEquals(3_000_000, mp3.get("media").get("durationMicros").asLong());
        assertEquals("Interview test tone", mp3.get("title").asString(), "title from the ID3 tag");
    }

    @Test
    void photoMetadataMatchesExiftool() {
        JsonNode a = uploadSample("photo-lhasa.jpg", Api.TIBET, null);
        assertEquals("PHOTO", a.get("type").asString());
        JsonNode p = a.get("photo");
        // exiftool -n: ImageWidth 640, ImageHeight 480
        assertEquals(640, p.get("width").asInt());
        assertEquals(480, p.get("height").asInt());
        JsonNode e = p.get("exif");
        assertEquals("Canon", e.get("make").asString());
        assertEquals("Canon EOS 5D Mark II", e.get("model").asString());
        assertEquals("EF24-105mm f/4L IS USM", e.get("lens").asString());
        // DateTimeOriginal 2009:07:15 10:32:05 with OffsetTimeOriginal +08:00
        assertEquals("2009-07-15T10:32:05+08:00", e.get("dateTimeOriginal").asString());
        assertEquals("2009-07-15T02:32:05Z", e.get("capturedAt").asString());
        assertEquals(0.004, e.get("exposureTime").asDouble(), 1e-9);
        assertEquals("1/250", e.get("exposure").asString());
        assertEquals(8.0, e.get("fNumber").asDouble(), 1e-9);
        assertEquals(100, e.get("iso").asInt());
        assertEquals(1, e.get("orientation").asInt());
        JsonNode g = p.get("gps");
        assertEquals(29.652491, g.get("latitude").asDouble(), 1e-6);
        assertEquals(91.172112, g.get("longitude").asDouble(), 1e-6);
        assertEquals(3656.0, g.get("altitude").asDouble(), 1e-6);
        JsonNode iptc = p.get("iptc");
        assertEquals("援藏干部在拉萨调研", iptc.get("caption").asString());
        assertEquals("[\"援藏\",\"拉萨\",\"调研\"]", iptc.get("keywords").toString());
        assertEquals("省广播电视局", iptc.get("byline").asString());
        assertEquals("拉萨", iptc.get("city").asString());
        assertEquals("拉萨调研", p.get("xmp").get("title").asString());
        assertEquals("第一批援藏干部在拉萨调研", p.get("xmp").get("description").asString());
        assertEquals("拉萨调研", a.get("title").asString(), "title from XMP");
        assertEquals("拉萨", a.get("place").asString(), "place from IPTC city");
        assertEquals("2009-07-15T10:32:05+08:00", a.get("captureDate").asString(), "with its zone: the true instant");
        assertEquals("exif", a.get("captureDateSource").asString());

        JsonNode k = uploadSample("photo-kashgar.jpg", Api.ADMIN, "{\"contributorUnit\":\"援疆工作队\"}").get("photo");
        // exiftool -n: 480x640, Orientation 6, GPS 39.4704 75.9897 1289.5, ExposureTime 0.008, FNumber 5.6, ISO 400
        assertEquals(480, k.get("width").asInt());
        assertEquals(640, k.get("height").asInt());
        assertEquals(6, k.get("exif").get("orientation").asInt());
        assertEquals("NIKON CORPORATION", k.get("exif").get("make").asString());
        assertEquals(0.008, k.get("exif").get("exposureTime").asDouble(), 1e-9);
        assertEquals(5.6, k.get("exif").get("fNumber").asDouble(), 1e-9);
        assertEquals(400, k.get("exif").get("iso").asInt());
        assertEquals("2012-09-01T16:05:44+06:00", k.get("exif").get("dateTimeOriginal").asString());
        assertEquals(39.4704, k.get("gps").get("latitude").asDouble(), 1e-6);
        assertEquals(75.9897, k.get("gps").get("longitude").asDouble(), 1e-6);
        assertEquals(1289.5, k.get("gps").get("altitude").asDouble(), 1e-6);
        assertEquals("[\"援疆\",\"喀什\"]", k.get("iptc").get("keywords").toString());
    }

    @Test
    void duplicateUploadReturnsTheExistingAssetAndStoresNoSecondCopy() throws Exception {
        Api.Response first = api.upload(Samples.get("photo-lhasa.jpg"), Api.TIBET, null);
        assertEquals(201, first.status(), first.body());
        String id = first.json().get("asset").get("id").asString();
        Api.Response again = api.upload("renamed-copy.jpg", Files.readAllBytes(Samples.get("photo-lhasa.jpg")),
                Api.TIBET, "{\"title\":\"another title\"}");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().get("duplicate").asBoolean());
        assertEquals(id, again.json().get("asset").get("id").asString());
        assertEquals("拉萨调研", again.json().get("asset").get("title").asString(), "the first upload's description stays");
        assertEquals(1, countOriginals(sha256(Samples.get("photo-lhasa.jpg"))));
        assertEquals(1, api.get("/api/assets", Api.TIBET).json().get("total").asLong());
    }

    @Test
    void mislabelledFileIsRejectedWithAReasonAndNothingIsKept() throws Exception {
        long before = countAllOriginals();
        Api.Response r = api.upload(Samples.get("not-a-video.mp4"), Api.BUREAU, null);
        assertEquals(415, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.json().get("detail").asString().contains("text, not media"), r.body());
        assertEquals(before, countAllOriginals());
        try (Stream<Path> tmp = Files.list(DATA.resolve("tmp"))) {
            assertEquals(0, tmp.filter(p -> p.getFileName().toString().startsWith("upload-")).count());
        }
        assertEquals(415, api.upload("empty.mp4", new byte[0], Api.BUREAU, null).status());
        // the service keeps working
        int status = api.upload(Samples.get("clip-2997df.mov"), Api.BUREAU, null).status();
        assertEquals(201, status, "uploads still work");
        assertEquals(200, api.get("/api/assets", Api.BUREAU).status());
    }

    @Test
    void corruptFileIsStoredAndCatalogedWithItsError() {
        Api.Response r = api.upload(Samples.get("corrupt-truncated.mp4"), Api.BUREAU, null);
        assertEquals(201, r.status(), r.body());
        JsonNode a = r.json().get("asset");
        assertEquals("VIDEO", a.get("type").asString());
        assertEquals("FAILED", a.get("metadataStatus").asString());
        assertTrue(a.get("errors").get(0).asString().startsWith("media probe: cannot open as media"), a.toString());
        // and is still retrievable byte for byte
        HttpResponse<byte[]> orig = api.getBytes("/api/assets/" + a.get("id").asString() + "/original", Api.BUREAU, null);
        assertEquals(200, orig.statusCode());
        assertEquals(12_000, orig.body().length);
        Api.Response good = api.upload(Samples.get("tone.wav"), Api.BUREAU, null);
        assertEquals(201, good.status(), good.body());
    }

    @Test
    void originalIsServedWithRangeSupport() throws Exception {
        JsonNode a = uploadSample("tone.wav", Api.BUREAU, null);
        String path = "/api/assets/" + a.get("id").asString() + "/original";
        byte[] all = Files.readAllBytes(Samples.get("tone.wav"));
        HttpResponse<byte[]> whole = api.getBytes(path, Api.BUREAU, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(all, whole.body());
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> part = api.getBytes(path, Api.BUREAU, "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-199/" + all.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 100, 200), part.body());
        HttpResponse<byte[]> tail = api.getBytes(path, Api.BUREAU, "bytes=-10");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(java.util.Arrays.copyOfRange(all, all.length - 10, all.length), tail.body());
        assertEquals(416, api.getBytes(path, Api.BUREAU, "bytes=99999999-").statusCode());
    }

    @Test
    void listFiltersSearchAndPaging() throws Exception {
        uploadSample("clip-2997df.mov", Api.BUREAU, "{\"title\":\"援藏工作会议\",\"keywords\":[\"援藏\",\"会议\"],"
                + "\"captureDate\":\"2008-05-12\",\"place\":\"拉萨\"}");
        uploadSample("photo-kashgar.jpg", Api.ADMIN, "{\"contributorUnit\":\"援疆工作队\",\"captureDate\":\"2012-09-01\"}");
        uploadSample("tone.mp3", Api.TIBET, "{\"captureDate\":\"2015\"}");
        awaitSearchIndex(); // what follows is answered by the search index

        JsonNode photos = api.get("/api/assets?type=PHOTO&unit=" + Api.q("援疆工作队"), Api.EDITOR).json();
        assertEquals(1, photos.get("total").asLong());
        photos.get("items").forEach(i -> {
            assertEquals("PHOTO", i.get("type").asString());
            assertEquals("援疆工作队", i.get("contributorUnit").asString());
        });
        JsonNode search = api.get("/api/assets?q=" + Api.q("援藏 会议"), Api.EDITOR).json();
        assertEquals(1, search.get("items").size(), search.toString());
        search.get("items").forEach(i -> assertTrue(i.get("title").asString().contains("会议")
                || i.toString().contains("会议"), i.toString()));
        JsonNode byKeyword = api.get("/api/assets?keyword=" + Api.q("会议"), Api.EDITOR).json();
        assertEquals(1, byKeyword.get("total").asLong());
        JsonNode in2008 = api.get("/api/assets?from=2008-01-01&to=2008-12-31", Api.EDITOR).json();
        in2008.get("items").forEach(i -> assertTrue(i.get("captureDate").asString().startsWith("2008"), i.toString()));
        assertEquals(1, in2008.get("total").asLong());
        JsonNode from2015 = api.get("/api/assets?from=2015-03", Api.EDITOR).json();
        from2015.get("items").forEach(i -> assertTrue(i.get("captureDate").asString().compareTo("2015") >= 0));
        assertEquals(1, from2015.get("total").asLong());
        assertEquals(3, api.get("/api/assets", Api.EDITOR).json().get("total").asLong());

        JsonNode page0 = api.get("/api/assets?size=1&page=0&sort=createdAt,asc", Api.EDITOR).json();
        JsonNode page1 = api.get("/api/assets?size=1&page=1&sort=createdAt,asc", Api.EDITOR).json();
        assertEquals(1, page0.get("items").size());
        assertNotEquals(page0.get("items").get(0).get("id"), page1.get("items").get(0).get("id"));
        assertTrue(page0.get("items").get(0).get("searchKeys") == null, "internal keys stay internal");

        Api.Response bad = api.get("/api/assets?type=FILM", Api.EDITOR);
        assertEquals(400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertEquals(400, api.get("/api/assets?sort=password", Api.EDITOR).status());
        assertEquals(400, api.get("/api/assets?from=yesterday", Api.EDITOR).status());
        assertEquals(400, api.get("/api/assets?size=100000", Api.EDITOR).status());
        Api.Response deep = api.get("/api/assets?page=201&size=50", Api.EDITOR);
        assertEquals(400, deep.status(), "deeper than 10,000 by offset");
        assertTrue(deep.json().get("detail").asString().contains("narrow the list"), deep.body());
        assertEquals(200, api.get("/api/assets?page=200&size=50", Api.EDITOR).status());
    }

    @Test
    void patchChangesDescriptiveFieldsOnlyAndChecksRoleAndUnit() throws Exception {
        JsonNode a = uploadSample("photo-kashgar.jpg", Api.ADMIN, "{\"contributorUnit\":\"援疆工作队\"}");
        String id = a.get("id").asString();
        awaitSearchIndex();
        Api.Response ok = api.patch("/api/assets/" + id, Api.REVIEWER,
                "{\"title\":\"喀什援疆项目竣工仪式\",\"keywords\":[\"援疆\",\"竣工\"],\"rights\":null}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals("喀什援疆项目竣工仪式", ok.json().get("title").asString());
        assertEquals("[\"援疆\",\"竣工\"]", ok.json().get("keywords").toString());
        assertEquals("reviewer", ok.json().get("updatedBy").get("name").asString());
        assertTrue(api.get("/api/assets?q=" + Api.q("竣工仪式"), Api.EDITOR).body().contains(id), "search keys follow edits");

        Api.Response technical = api.patch("/api/assets/" + id, Api.ADMIN, "{\"original\":{\"sha256\":\"x\"}}");
        assertEquals(400, technical.status());
        assertTrue(technical.json().get("detail").asString().contains("cannot be changed"));
        assertEquals(400, api.patch("/api/assets/" + id, Api.ADMIN, "{\"captureDate\":\"someday\"}").status());
        assertEquals(400, api.patch("/api/assets/" + id, Api.ADMIN, "{\"keywords\":\"not a list\"}").status());
        assertEquals(400, api.patch("/api/assets/" + id, Api.ADMIN, "not json").status());
        assertEquals(403, api.patch("/api/assets/" + id, Api.BUREAU, "{\"title\":\"x\"}").status(),
                "another unit's contributor");
        assertEquals(403, api.patch("/api/assets/" + id, Api.EDITOR, "{\"title\":\"x\"}").status());
        assertEquals(404, api.patch("/api/assets/000000000000000000000000", Api.ADMIN, "{\"title\":\"x\"}").status());
        assertEquals(404, api.get("/api/assets/not-an-id", Api.ADMIN).status());
    }

    @Test
    void writesNeedTheRightRoleAndUnit() throws Exception {
        Api.Response anonymous = api.get("/api/assets", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType().startsWith("application/problem+json"));
        assertEquals(401, api.get("/api/assets", "wrong-token-123").status());
        byte[] wav = Files.readAllBytes(Samples.get("tone.wav"));
        assertEquals(403, api.upload("t.wav", wav, Api.EDITOR, null).status(), "editors do not upload");
        Api.Response foreign = api.upload("t.wav", wav, Api.BUREAU, "{\"contributorUnit\":\"援藏工作队\"}");
        assertEquals(403, foreign.status(), "contributors upload for their own unit");
        assertTrue(foreign.json().get("detail").asString().contains("own unit"));
        assertEquals("policy.ownUnitUpload", foreign.json().get("code").asString(), foreign.body());
        assertTrue(foreign.json().get("message").asString().startsWith("只能为本单位（省广播电视局）上传资料"), foreign.body());
    }

    @Test
    void softDeleteHidesButKeepsTheAsset() throws Exception {
        JsonNode a = uploadSample("tone.wav", Api.TIBET, null);
        String id = a.get("id").asString();
        assertEquals(403, api.delete("/api/assets/" + id + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.BUREAU).status());
        assertEquals(204, api.delete("/api/assets/" + id + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.TIBET).status());
        assertEquals(404, api.get("/api/assets/" + id, Api.TIBET).status());
        assertFalse(api.get("/api/assets?size=500", Api.TIBET).body().contains(id));
        JsonNode seenByAdmin = api.get("/api/assets/" + id, Api.ADMIN).json();
        assertTrue(seenByAdmin.get("deleted").asBoolean());
        assertTrue(api.get("/api/assets?includeDeleted=true&size=500", Api.ADMIN).body().contains(id));
        assertEquals(200, api.getBytes("/api/assets/" + id + "/original", Api.ADMIN, null).statusCode());
        assertEquals(403, api.post("/api/assets/" + id + "/restore", Api.BUREAU, "").status(), "another unit");
        assertEquals(200, api.post("/api/assets/" + id + "/restore", Api.TIBET, "").status(), "its own unit undoes it");
        assertEquals(204, api.delete("/api/assets/" + id + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.TIBET).status());
        assertEquals(200, api.post("/api/assets/" + id + "/restore", Api.ADMIN, "").status());
        assertEquals(200, api.get("/api/assets/" + id, Api.TIBET).status());
    }

    @Test
    void badUploadsGetClearErrors() throws Exception {
        byte[] wav = Files.readAllBytes(Samples.get("tone.wav"));
        Api.Response typo = api.upload("t.wav", wav, Api.BUREAU, "{\"titel\":\"拉萨\"}");
        assertEquals(400, typo.status());
        assertTrue(typo.json().get("detail").asString().startsWith("metadata: unknown field 'titel'"), typo.body());
        Api.Response wrongType = api.upload("t.wav", wav, Api.BUREAU, "{\"keywords\":\"援藏\"}");
        assertEquals(400, wrongType.status());
        assertTrue(wrongType.json().get("detail").asString().startsWith("metadata: field 'keywords' has the wrong type"),
                wrongType.body());
        Api.Response notJson = api.upload("t.wav", wav, Api.BUREAU, "{\"title\":");
        assertEquals(400, notJson.status());
        assertTrue(notJson.json().get("detail").asString().startsWith("metadata: not valid JSON"), notJson.body());
        Api.Response cut = api.postRaw("/api/assets", Api.BUREAU, "multipart/form-data; boundary=XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc".getBytes());
        assertEquals(400, cut.status(), cut.body());
        assertTrue(cut.json().get("detail").asString().contains("malformed or was cut off"));
        Api.Response noFile = api.postRaw("/api/assets", Api.BUREAU, "multipart/form-data; boundary=XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}\r\n--XYZ--\r\n".getBytes());
        assertEquals(400, noFile.status(), noFile.body());
        assertEquals(415, api.postRaw("/api/assets", Api.BUREAU, "application/json", "{}".getBytes()).status());
    }

    @Test
    void uploadLimitIsEnforcedWithProblemJson() {
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        Api.Response r = api.upload("huge.jpg", big, Api.BUREAU, null);
        assertEquals(413, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertEquals(200, api.get("/api/assets", Api.BUREAU).status());
    }

    /**
     * Every operation that takes a JSON body names its fields in /v3/api-docs (no body is a bare string or a free-form
     * object), and every JSON answer is a described schema: clients and the office's scripts can rely on them.
     */
    @Test
    void everyJsonBodyAndAnswerIsDescribedFieldByField() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> bare = new java.util.ArrayList<>();
        int bodies = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode json = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!json.isMissingNode()) {
                    bodies++;
                    if (!described(json, schemas)) {
                        bare.add(where + " takes " + json);
                    }
                }
                for (var answer : op.getValue().path("responses").properties()) {
                    for (var type : answer.getValue().path("content").properties()) {
                        if (type.getKey().contains("json") && !described(type.getValue().path("schema"), schemas)) {
                            bare.add(where + " answers " + answer.getKey() + " " + type.getValue().path("schema"));
                        }
                    }
                }
            }
        }
        assertTrue(bodies >= 14, "the JSON bodies are found: " + bodies);
        assertEquals(List.of(), bare);
        JsonNode link = schemas.get("LinkInput").get("properties");
        assertTrue(link.has("asset") && link.has("targetId") && link.has("in") && link.has("out"), link.toString());
        // a body is bound and checked before the service sees it; a wrong field is named
        Api.Response tooLong = api.post("/api/links", Api.EDITOR, "{\"asset\":\"x\",\"note\":\"" + "长".repeat(2001) + "\"}");
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals("field", tooLong.json().get("code").asString(), tooLong.body());
        assertTrue(tooLong.json().get("detail").asString().startsWith("note: "), tooLong.body());
        assertTrue(tooLong.json().get("message").asString().startsWith("字段 note："), tooLong.body());
        Api.Response unknown = api.post("/api/links", Api.EDITOR, "{\"asset\":\"x\",\"colour\":\"red\"}");
        assertEquals(400, unknown.status());
        assertEquals("unknown field 'colour'", unknown.json().get("detail").asString(), unknown.body());
    }

    /** A schema with named properties (directly, as a reference, or as the items of a list), or a plain value. */
    private static boolean described(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            JsonNode target = schemas.get(schema.get("$ref").asString().replace("#/components/schemas/", ""));
            return target != null && (target.has("properties") || target.has("enum"));
        }
        if (schema.has("items")) {
            return described(schema.get("items"), schemas);
        }
        String type = schema.path("type").asString("");
        if (type.equals("object")) {
            return schema.has("properties");
        }
        return !type.isEmpty() && !schema.has("additionalProperties");
    }

    @Test
    void openApiDocumentDescribesTheAssetApi() {
        Api.Response r = api.get("/v3/api-docs", null);
        assertEquals(200, r.status());
        JsonNode paths = r.json().get("paths");
        assertTrue(paths.has("/api/assets"));
        assertTrue(paths.has("/api/assets/{id}/original"));
        assertTrue(paths.has("/api/assets/{id}/{derivative}"), "one endpoint for every derivative");
        assertEquals(200, api.get("/swagger-ui/index.html", null).status());
        // the asset a client receives is described field by field, not as a free-form object
        JsonNode schemas = r.json().get("components").get("schemas");
        JsonNode asset = schemas.get("Asset").get("properties");
        for (String f : List.of("id", "type", "status", "original", "title", "contributorUnit", "captureDate", "media",
                "photo", "timecode", "processing", "derivatives", "scenes", "review", "createdBy", "version", "links")) {
            assertTrue(asset.has(f), "Asset schema lacks " + f + ": " + asset.propertyNames());
        }
        assertEquals(List.of("VIDEO", "AUDIO", "PHOTO"), Json.MAPPER.convertValue(asset.get("type").get("enum"), List.class));
        String upload = paths.get("/api/assets").get("post").get("responses").get("201").toString();
        assertTrue(upload.contains("UploadResult"), upload);
        assertTrue(!schemas.has("User") && !r.body().contains("\"name\":\"user\""),
                "the caller is not a request parameter");
        JsonNode media = schemas.get("MediaInfo").get("properties");
        assertTrue(media.has("timecode") && media.has("streams") && media.has("durationMicros"), media.toString());
        assertTrue(schemas.get("TimecodeSpan").get("properties").has("start"));
        assertTrue(schemas.get("Derivatives").get("properties").has("proxy"));
    }

    @Test
    void everyStoredDocumentMatchesTheSchema() {
        JsonNode a = uploadSample("clip-25ndf.mp4", Api.BUREAU, null);
        assertEquals(0, a.get("version").asInt());
        assertTrue(a.get("original").get("sha256").asString().matches("[0-9a-f]{64}"));
        uploadSample("clip-2997df.mov", Api.BUREAU, "{\"captureDate\":\"2008-05-12T14:28:00+08:00\"}");
        uploadSample("photo-lhasa.jpg", Api.TIBET, null);
        uploadSample("photo-kashgar.jpg", Api.ADMIN, "{\"contributorUnit\":\"援疆工作队\"}");
        uploadSample("tone.wav", Api.BUREAU, null);
        uploadSample("tone.mp3", Api.BUREAU, null);
        uploadSample("corrupt-truncated.mp4", Api.BUREAU, null);
        String id = a.get("id").asString();
        assertEquals(200, api.patch("/api/assets/" + id, Api.REVIEWER, "{\"place\":\"林芝\"}").status());
        assertEquals(204, api.delete("/api/assets/" + id + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.BUREAU).status());
        int assets = 0;
        for (Document d : db.getCollection("assets").find()) {
            assertEquals(List.of(), schemas.violations("asset", Json.plain(d)), d.toJson());
            assets++;
        }
        int jobs = 0;
        for (Document d : db.getCollection("jobs").find()) {
            assertEquals(List.of(), schemas.violations("job", Json.plain(d)), d.toJson());
            jobs++;
        }
        assertEquals(7, assets);
        // video with sound 5 steps (the corrupt one too: its streams are unknown), photo 1, audio 2
        assertEquals(5 + 5 + 1 + 1 + 2 + 2 + 5, jobs, "every planned step queued once");
    }

    @Test
    void clipsCarryTheirSourceTimecodeSpan() {
        JsonNode df = uploadSample("clip-2997df.mov", Api.BUREAU, null).get("timecode");
        // 60 frames from 01:00:59;10: the next frame after the clip is 01:01:01;12 (;00 and ;01 of minute 1 are skipped)
        assertEquals("01:00:59;10", df.get("start").asString());
        assertEquals("01:01:01;12", df.get("end").asString());
        assertEquals("01:00:59;10-01:01:01;12", df.get("range").asString());
        assertEquals(60, df.get("durationFrames").asLong());
        assertTrue(df.get("dropFrame").asBoolean());
        assertTrue(df.get("fromSource").asBoolean());
        JsonNode ndf = uploadSample("clip-25ndf.mp4", Api.BUREAU, null).get("timecode");
        assertEquals("10:00:00:00-10:00:02:00", ndf.get("range").asString());
        assertEquals("25/1", ndf.get("rate").asString());
        assertTrue(uploadSample("photo-lhasa.jpg", Api.TIBET, null).get("timecode") == null, "photos have no timecode");
    }

    private void awaitSearchIndex() throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!search.ready() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertTrue(search.ready(), "search index ready");
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static long countOriginals(String sha) throws Exception {
        try (Stream<Path> s = Files.walk(DATA.resolve("originals"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(sha)).count();
        }
    }

    private static long countAllOriginals() throws Exception {
        Set<Path> files = new HashSet<>();
        try (Stream<Path> s = Files.walk(DATA.resolve("originals"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        return files.size();
    }

    /**
     * List and search pages write each asset once and reuse the writing while the asset is unchanged: what they
     * show is what the asset's own endpoint shows, before and after an edit.
     */
    @Test
    void pagesShowEachAssetAsItsOwnEndpointDoes() throws Exception {
        String id = uploadSample("photo-kashgar.jpg", Api.TIBET, "{\"title\":\"喀什古城\",\"override\":true}").get("id").asString();
        long end = System.currentTimeMillis() + 10_000;
        for (String title : new String[] {"喀什古城", "喀什古城新貌"}) {
            if (title.endsWith("新貌")) {
                assertEquals(200, api.patch("/api/assets/" + id, Api.TIBET, "{\"title\":\"" + title + "\"}").status());
            }
            JsonNode own = null;
            JsonNode listed = null;
            JsonNode found = null;
            while (System.currentTimeMillis() < end) {
                own = api.get("/api/assets/" + id, Api.ADMIN).json();
                listed = itemOf(api.get("/api/assets?size=50", Api.ADMIN).json(), id);
                found = itemOf(api.get("/api/search?size=50&q=" + Api.q("喀什"), Api.ADMIN).json(), id);
                if (listed != null && found != null && title.equals(found.get("title").asString())
                        && title.equals(listed.get("title").asString()) && own.equals(listed) && own.equals(found)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(title, own.get("title").asString());
            assertEquals(own, listed, "the list page writes the asset as its own endpoint does");
            assertEquals(own, found, "so does the search page");
            // and again, now from what was kept
            assertEquals(own, itemOf(api.get("/api/search?size=50&q=" + Api.q("喀什"), Api.ADMIN).json(), id));
        }
    }

    private static JsonNode itemOf(JsonNode page, String id) {
        for (JsonNode a : page.get("items")) {
            if (a.get("id").asString().equals(id)) {
                return a;
            }
        }
        return null;
    }
}
