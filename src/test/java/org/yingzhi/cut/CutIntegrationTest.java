package org.yingzhi.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * The producer's path over HTTP: collect ranges of the two sample clips (one 29.97 drop-frame, one 25 fps) into a
 * bin, make a cut of it, change it as two people at once, export it in every format, bring the EDL, xmeml and OTIO
 * back as cuts, and see a deleted asset leave the cut's views and exports.
 */
class CutIntegrationTest extends ServiceTest {

    private String upload(String sample) {
        Api.Response r = api.upload(Samples.get(sample), Api.BUREAU, null);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().get("asset").get("id").asString();
    }

    private static List<String> entryField(JsonNode cut, String field) {
        List<String> out = new ArrayList<>();
        cut.get("entries").forEach(e -> out.add(e.get(field).asString()));
        return out;
    }

    private String export(String cut, String query) {
        var r = api.getBytes("/api/cuts/" + cut + "/export?" + query, Api.PRODUCER, null);
        assertEquals(200, r.statusCode(), query + ": " + new String(r.body(), StandardCharsets.UTF_8));
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aCutIsBuiltFromABinChangedAtItsVersionExportedAndBroughtBack() throws Exception {
        String df = upload("clip-2997df.mov");   // 01:00:59;10, 60 frames at 29.97 drop-frame
        String pal = upload("clip-25ndf.mp4");   // 10:00:00:00, 50 frames at 25

        Api.Response bin = api.post("/api/bins", Api.PRODUCER, "{\"name\":\"落成仪式\"}");
        assertEquals(201, bin.status(), bin.body());
        String binId = bin.json().get("id").asString();
        Api.Response added = api.post("/api/bins/" + binId + "/items", Api.PRODUCER, "{\"items\":["
                + "{\"asset\":\"" + df + "\",\"in\":\"01:00:59;20\",\"out\":\"01:01:00;20\",\"note\":\"剪彩\"},"
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:00:05\",\"out\":\"10:00:01:05\"},"
                + "{\"asset\":\"" + df + "\"}]}");
        assertEquals(200, added.status(), added.body());

        // the rate of the first entry's source: 29.97 drop-frame, starting 01:00:00;00
        Api.Response made = api.post("/api/cuts", Api.PRODUCER, "{\"title\":\"援藏二十年 粗剪\",\"bin\":\"" + binId + "\"}");
        assertEquals(201, made.status(), made.body());
        JsonNode cut = made.json();
        String id = cut.get("id").asString();
        assertEquals("30000/1001", cut.get("rate").asString());
        assertTrue(cut.get("dropFrame").asBoolean());
        assertEquals("01:00:00;00", cut.get("start").asString());
        assertEquals(List.of("01:00:59;20", "10:00:00:05", "01:00:59;10"), entryField(cut, "in"));
        // 28 frames (01:01:00;00 and ;01 do not exist), then 25 frames of 25 fps = 1 s = 29.97 frames -> 30,
        // then the whole 60-frame clip
        assertEquals(List.of("28", "30", "60"), entryField(cut, "recordFrames"));
        assertEquals(List.of("01:00:00;00", "01:00:00;28", "01:00:01;28"), entryField(cut, "recordIn"));
        assertEquals(118, cut.get("totalFrames").asLong());
        assertTrue(cut.get("mixedRates").asBoolean());
        assertEquals(CutSheet.RATE_RULE, cut.get("rateRule").asString());
        assertEquals("剪彩", cut.get("entries").get(0).get("note").asString());
        assertEquals(List.of("1", "2"), strings(cut.get("entries").get(0).get("audio")), "all of a stereo clip's channels");
        assertEquals(List.of("1"), strings(cut.get("entries").get(1).get("audio")), "the mono clip's one");

        // reorder and trim in one change; a second change from the same version is refused with the current cut
        long v = cut.get("version").asLong();
        JsonNode e = cut.get("entries");
        String reordered = "{\"version\":" + v + ",\"entries\":["
                + entry(e.get(1), null, null) + "," + entry(e.get(0), "01:00:59;25", "01:01:00;20") + "," + entry(e.get(2), null, null) + "]}";
        Api.Response changed = api.put("/api/cuts/" + id, Api.PRODUCER, reordered);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(List.of(e.get(1).get("id").asString(), e.get(0).get("id").asString(), e.get(2).get("id").asString()),
                entryField(changed.json(), "id"), "entries keep their ids through a reorder");
        assertEquals("01:00:59;25", changed.json().get("entries").get(1).get("in").asString());
        assertEquals(v + 1, changed.json().get("version").asLong());
        Api.Response stale = api.put("/api/cuts/" + id, Api.PRODUCER, "{\"version\":" + v + ",\"title\":\"另一个标题\"}");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("cut.conflict", stale.json().get("code").asString());
        assertEquals(v + 1, stale.json().get("current").get("version").asLong());
        assertEquals("援藏二十年 粗剪", stale.json().get("current").get("title").asString());

        // bad input is named, and nothing changes
        Api.Response outside = api.put("/api/cuts/" + id, Api.PRODUCER, "{\"version\":" + (v + 1) + ",\"entries\":["
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:01:00\",\"out\":\"10:00:03:00\"}]}");
        assertEquals(400, outside.status(), outside.body());
        Api.Response wrongFrame = api.put("/api/cuts/" + id, Api.PRODUCER, "{\"version\":" + (v + 1) + ",\"entries\":["
                + "{\"asset\":\"" + df + "\",\"in\":\"01:00:59:20\",\"out\":\"01:01:00;20\"}]}");
        assertEquals(400, wrongFrame.status(), wrongFrame.body());
        assertEquals(403, api.put("/api/cuts/" + id, Api.EDITOR, "{\"version\":" + (v + 1) + ",\"title\":\"x\"}").status(),
                "not shared with the editor");
        assertEquals(403, api.get("/api/cuts/" + id, Api.EDITOR).status(), "a cut not shared is its owner's");
        assertEquals(3, api.get("/api/cuts/" + id, Api.PRODUCER).json().get("entries").size());

        // split the whole clip at a drop-frame timecode
        Api.Response split = api.post("/api/cuts/" + id + "/entries/" + e.get(2).get("id").asString() + "/split",
                Api.PRODUCER, "{\"version\":" + (v + 1) + ",\"at\":\"01:01:00;12\"}");
        assertEquals(200, split.status(), split.body());
        JsonNode now = split.json();
        assertEquals(List.of("10:00:00:05", "01:00:59;25", "01:00:59;10", "01:01:00;12"), entryField(now, "in"));
        assertEquals(List.of("10:00:01:05", "01:01:00;20", "01:01:00;12", "01:01:01;12"), entryField(now, "out"));

        // the second entry's range from the original with 3 frames of handle either side, without re-encoding
        var sub = api.getBytes("/api/cuts/" + id + "/entries/" + now.get("entries").get(1).get("id").asString()
                + "/subclip?handles=3", Api.PRODUCER, null);
        assertEquals(200, sub.statusCode(), new String(sub.body(), StandardCharsets.UTF_8));
        assertEquals("01:00:59;22", sub.headers().firstValue("X-Yingzhi-Timecode").orElse(""));
        assertEquals("29", sub.headers().firstValue("X-Yingzhi-Frames").orElse(""), "23 frames and 2 x 3 of handle");
        java.nio.file.Path subFile = java.nio.file.Files.createTempFile("subclip", ".mov");
        try {
            java.nio.file.Files.write(subFile, sub.body());
            String probe = org.yingzhi.support.TestMedia.ffprobe("-v", "error", "-count_frames", "-select_streams", "v:0",
                    "-show_entries", "stream=codec_name,nb_read_frames:stream_tags=timecode", "-of", "compact", subFile.toString());
            assertTrue(probe.contains("codec_name=h264") && probe.contains("nb_read_frames=29")
                    && probe.contains("timecode=01:00:59;22"), probe);
        } finally {
            java.nio.file.Files.deleteIfExists(subFile);
        }
        assertEquals(400, api.get("/api/cuts/" + id + "/entries/" + now.get("entries").get(1).get("id").asString()
                + "/subclip?handles=-1", Api.PRODUCER).status());

        // every export downloads; the EDL says drop frame and the mixed-rate rule
        String edl = export(id, "format=edl");
        assertTrue(edl.contains("FCM: DROP FRAME"), edl);
        assertTrue(edl.contains("* FROM CLIP NAME: 拉萨") || edl.contains("* FROM CLIP NAME:"), edl);
        assertTrue(edl.toUpperCase().contains("RATE RULE"), edl);
        String longReels = export(id, "format=edl&reel=32");
        String otio = export(id, "format=otio");
        String xmeml = export(id, "format=xmeml&version=4");
        String xmeml5 = export(id, "format=xmeml");
        String fcpxml = export(id, "format=fcpxml");
        String csv = export(id, "format=csv");
        assertTrue(xmeml.contains("<xmeml version=\"4\">") && xmeml5.contains("<xmeml version=\"5\">"), xmeml);
        assertTrue(fcpxml.contains("<fcpxml version=\"1.9\">"), fcpxml);
        assertTrue(csv.contains("01:00:59;25"), csv);
        // the 25 fps clip passes both checks; the drop-frame one is not reviewed
        assertEquals(200, api.post("/api/assets/" + pal + "/review/political", Api.REVIEWER, "{\"decision\":\"APPROVED\"}").status());
        assertEquals(200, api.post("/api/assets/" + pal + "/review/facts", Api.REVIEWER, "{\"decision\":\"APPROVED\"}").status());
        var xlsx = api.getBytes("/api/cuts/" + id + "/export?format=xlsx", Api.PRODUCER, null);
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"),
                xlsx.headers().toString());
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(6, sheet.getPhysicalNumberOfRows(), "a head row, four entries and the mixed-rate rule");
            assertEquals("01:00:59;25", sheet.getRow(2).getCell(4).getStringCellValue());
            assertEquals("已通过政治关、史实关", sheet.getRow(1).getCell(16).getStringCellValue(), "the approved clip");
            assertEquals("草稿：未通过审核", sheet.getRow(2).getCell(16).getStringCellValue(), "a draft, marked so");
            assertTrue(sheet.getRow(6).getCell(1).getStringCellValue().contains(CutSheet.RATE_RULE));
        }
        assertEquals(400, api.get("/api/cuts/" + id + "/export?format=aaf", Api.PRODUCER).status());
        assertEquals(400, api.get("/api/cuts/" + id + "/export?format=edl&reel=3", Api.PRODUCER).status());
        assertEquals(403, api.get("/api/cuts/" + id + "/export?format=edl", Api.BUREAU).status(), "not shared");

        // the conform package: each asset's original trimmed to the span its entries use plus 3 frames of handle
        var zip = api.getBytes("/api/cuts/" + id + "/conform?media=original&handles=3&root=/Volumes/EDIT/rough", Api.PRODUCER, null);
        assertEquals(200, zip.statusCode(), new String(zip.body(), StandardCharsets.UTF_8));
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry ze; (ze = in.getNextEntry()) != null; ) {
                files.put(ze.getName(), in.readAllBytes());
            }
        }
        assertTrue(files.containsKey("media/01_clip-25ndf_10-00-00-02.mov"), files.keySet().toString());
        assertTrue(files.containsKey("media/02_clip-2997df_01-00-59-10.mov"), files.keySet().toString());
        String manifest = new String(files.get("manifest-sha256.txt"), StandardCharsets.UTF_8);
        assertEquals(files.size() - 1, manifest.lines().count(), manifest);
        for (String line : manifest.lines().toList()) {
            String[] parts = line.split("  ", 2);
            assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(files.get(parts[1]))), parts[0], parts[1]);
        }
        String packedEdl = new String(files.get("援藏二十年 粗剪.edl"), StandardCharsets.UTF_8);
        assertTrue(packedEdl.contains("* SOURCE FILE: 01_clip-25ndf_10-00-00-02.mov"), packedEdl);
        String packedXml = new String(files.get("援藏二十年 粗剪.xml"), StandardCharsets.UTF_8);
        assertTrue(packedXml.contains("file://localhost/Volumes/EDIT/rough/media/01_clip-25ndf_10-00-00-02.mov"), packedXml);
        assertEquals(400, api.get("/api/cuts/" + id + "/conform?media=tape", Api.PRODUCER).status());
        assertEquals(400, api.get("/api/cuts/" + id + "/conform?root=relative/path", Api.PRODUCER).status());
        assertEquals(400, api.get("/api/cuts/" + id + "/conform?media=proxy", Api.PRODUCER).status(), "no proxies made here");

        // each comes back as a cut with the same entries
        List<String> ins = entryField(now, "in");
        List<String> outs = entryField(now, "out");
        for (String[] f : new String[][] {{"edl", edl}, {"edl", longReels}, {"xmeml", xmeml}, {"xmeml", xmeml5}, {"otio", otio}}) {
            Api.Response back = api.postRaw("/api/cuts/import?format=" + f[0], Api.PRODUCER, "application/octet-stream",
                    f[1].getBytes(StandardCharsets.UTF_8));
            assertEquals(201, back.status(), f[0] + ": " + back.body());
            JsonNode c = back.json().get("cut");
            assertEquals(0, back.json().get("unmatched").size(), f[0] + ": " + back.body());
            assertEquals(ins, entryField(c, "in"), f[0]);
            assertEquals(outs, entryField(c, "out"), f[0]);
            assertEquals(List.of(pal, df, df, df), entryField(c, "asset"), f[0]);
        }

        // a foreign EDL: matched by file name and tape name; an unknown reel is reported with its line
        String foreign = "TITLE: FROM RESOLVE\nFCM: NON-DROP FRAME\n\n"
                + "001  AX       V     C        10:00:00:10 10:00:01:10 00:00:00:00 00:00:01:00\n"
                + "* FROM CLIP NAME: clip-25ndf.mp4\n"
                + "002  TAPE99   V     C        10:00:00:00 10:00:01:00 00:00:01:00 00:00:02:00\n";
        Api.Response fr = api.postRaw("/api/cuts/import", Api.PRODUCER, "text/plain", foreign.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, fr.status(), fr.body());
        assertEquals(1, fr.json().get("matched").asInt());
        assertEquals(6, fr.json().get("unmatched").get(0).get("line").asInt(), fr.body());
        assertEquals(List.of("10:00:00:10"), entryField(fr.json().get("cut"), "in"));
        Api.Response nothing = api.postRaw("/api/cuts/import", Api.PRODUCER, "text/plain", "TITLE: X\n".getBytes());
        assertEquals(400, nothing.status(), nothing.body());

        // a copy, then the 25 fps asset deleted: it leaves the cut's view and every export, and comes back restored
        Api.Response copy = api.post("/api/cuts/" + id + "/duplicate", Api.PRODUCER, "");
        assertEquals(201, copy.status(), copy.body());
        assertEquals(4, copy.json().get("entries").size());
        assertEquals(204, api.delete("/api/assets/" + pal + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.ADMIN).status());
        JsonNode without = api.get("/api/cuts/" + id, Api.PRODUCER).json();
        assertEquals(3, without.get("entries").size());
        assertEquals(1, without.get("hidden").asInt());
        assertFalse(export(id, "format=edl").contains("10:00:00:05"));
        assertFalse(export(id, "format=otio").contains(pal));
        // a change made meanwhile keeps the hidden entry where it was
        JsonNode w = without.get("entries");
        Api.Response kept = api.put("/api/cuts/" + id, Api.PRODUCER, "{\"version\":" + without.get("version").asLong()
                + ",\"entries\":[" + entry(w.get(1), null, null) + "," + entry(w.get(0), null, null) + "," + entry(w.get(2), null, null) + "]}");
        assertEquals(200, kept.status(), kept.body());
        assertEquals(200, api.post("/api/assets/" + pal + "/restore", Api.ADMIN, "").status());
        JsonNode back = api.get("/api/cuts/" + id, Api.PRODUCER).json();
        assertEquals(List.of("10:00:00:05", "01:00:59;10", "01:00:59;25", "01:01:00;12"), entryField(back, "in"));

        // deleted cuts leave the list; their owner restores them
        int listed = api.get("/api/cuts", Api.PRODUCER).json().size();
        assertEquals(8, listed, "the cut, six imported and the copy");
        assertEquals(204, api.delete("/api/cuts/" + id, Api.PRODUCER).status());
        assertEquals(listed - 1, api.get("/api/cuts", Api.PRODUCER).json().size());
        assertEquals(200, api.post("/api/cuts/" + id + "/restore", Api.PRODUCER, "").status());
        assertEquals(listed, api.get("/api/cuts", Api.PRODUCER).json().size());
    }

    @Test
    void twoPeopleEditingOneCutNeverLoseAChange() {
        String pal = upload("clip-25ndf.mp4");
        Api.Response made = api.post("/api/cuts", Api.PRODUCER, "{\"title\":\"合编\",\"editors\":[\"editor\"],\"entries\":["
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:00:00\",\"out\":\"10:00:01:00\"}]}");
        assertEquals(201, made.status(), made.body());
        String id = made.json().get("id").asString();
        long v = made.json().get("version").asLong();
        assertEquals("25/1", made.json().get("rate").asString());
        assertEquals("01:00:00:00", made.json().get("start").asString());
        Api.Response mine = api.post("/api/cuts/" + id + "/entries", Api.PRODUCER, "{\"version\":" + v + ",\"entries\":["
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:01:00\",\"out\":\"10:00:01:10\"}]}");
        assertEquals(200, mine.status(), mine.body());
        Api.Response theirs = api.post("/api/cuts/" + id + "/entries", Api.EDITOR, "{\"version\":" + v + ",\"entries\":["
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:01:10\",\"out\":\"10:00:01:20\"}]}");
        assertEquals(409, theirs.status(), theirs.body());
        JsonNode current = theirs.json().get("current");
        Api.Response again = api.post("/api/cuts/" + id + "/entries", Api.EDITOR, "{\"version\":"
                + current.get("version").asLong() + ",\"entries\":["
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:01:10\",\"out\":\"10:00:01:20\"}]}");
        assertEquals(200, again.status(), again.body());
        assertEquals(List.of("10:00:00:00", "10:00:01:00", "10:00:01:10"), entryField(again.json(), "in"));
        assertEquals(403, api.put("/api/cuts/" + id, Api.EDITOR, "{\"version\":" + again.json().get("version").asLong()
                + ",\"shared\":true}").status(), "sharing is the owner's");
        assertEquals(403, api.delete("/api/cuts/" + id, Api.EDITOR).status());
        assertEquals(403, api.post("/api/cuts", Api.BUREAU, "{\"title\":\"x\"}").status(), "contributors do not assemble");
    }

    private static String entry(JsonNode e, String in, String out) {
        return "{\"id\":\"" + e.get("id").asString() + "\",\"asset\":\"" + e.get("asset").asString() + "\",\"in\":\""
                + (in == null ? e.get("in").asString() : in) + "\",\"out\":\"" + (out == null ? e.get("out").asString() : out)
                + "\"" + (e.hasNonNull("note") ? ",\"note\":\"" + e.get("note").asString() + "\"" : "") + "}";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
