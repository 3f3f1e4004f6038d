package org.yingzhi.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yingzhi.cut.CutFixtures.DF_ID;
import static org.yingzhi.cut.CutFixtures.PAL_ID;
import static org.yingzhi.cut.CutFixtures.cut;
import static org.yingzhi.cut.CutFixtures.entry;
import static org.yingzhi.cut.CutFixtures.sheet;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.yingzhi.timecode.FrameRate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OTIO, xmeml and FCPXML written from cuts, read as data, and read back into the same entries. */
class ExchangeFormatsTest {

    /** A 29.97 DF cut: the DF sample whole, then a dissolve into a second of the 25 fps sample. */
    static Cut mixed() {
        return cut(FrameRate.FPS_29_97_DF, "01:00:00;00",
                entry("e1", DF_ID, "01:00:59;10", "01:01:01;12", 0, true, List.of(1, 2), "开场"),
                entry("e2", PAL_ID, "10:00:00:10", "10:00:01:10", 10, true, List.of(1), null),
                entry("e3", DF_ID, "01:00:59;20", "01:01:00;10", 0, true, List.of(), null));
    }

    @Test
    void otioHoldsTheTimelineAndItsDurationsAddUpToTheRecordTimeline() {
        CutSheet s = sheet(mixed());
        assertEquals(60 + 30 + 18, s.totalFrames(), "60 + 1 s of 25 fps (29.97 -> 30) + 18 (01:01:00;00 and ;01 do not exist)");
        JsonNode root = JsonMapper.builder().build().readTree(OtioFormat.write(s));
        assertEquals("Timeline.1", root.path("OTIO_SCHEMA").asString());
        assertEquals("Stack.1", root.path("tracks").path("OTIO_SCHEMA").asString());
        JsonNode tracks = root.path("tracks").path("children");
        assertEquals(List.of("V", "A1", "A2"), names(tracks));
        for (JsonNode t : tracks) {
            assertEquals("Track.1", t.path("OTIO_SCHEMA").asString());
            double seconds = 0;
            for (JsonNode c : t.path("children")) {
                if (!c.path("OTIO_SCHEMA").asString().startsWith("Transition")) {
                    JsonNode d = c.path("source_range").path("duration");
                    seconds += d.path("value").asDouble() / d.path("rate").asDouble();
                }
            }
            assertEquals(s.totalFrames() * 1001 / 30000.0, seconds, 1e-9, t.path("name").asString());
        }
        JsonNode v = tracks.get(0).path("children");
        assertEquals(List.of("Clip.2", "Transition.1", "Clip.2", "Clip.2"), schemas(v));
        JsonNode first = v.get(0);
        JsonNode ref = first.path("media_references").path("DEFAULT_MEDIA");
        assertEquals("ExternalReference.1", ref.path("OTIO_SCHEMA").asString());
        assertEquals("file:///srv/yingzhi/media/ab/cd/abcd2997.mov", ref.path("target_url").asString());
        // 01:00:59;10 DF = 107,892 + 59 s x 30 + 10 = 109,672 frames; the clip's available range is the whole source
        assertEquals(109_672, ref.path("available_range").path("start_time").path("value").asLong());
        assertEquals(60, ref.path("available_range").path("duration").path("value").asLong());
        assertEquals(109_672, first.path("source_range").path("start_time").path("value").asLong());
        JsonNode meta = first.path("metadata").path("yingzhi");
        assertEquals(DF_ID, meta.path("asset").asString());
        assertEquals("ab".repeat(32), meta.path("sha256").asString());
        assertEquals("Marker.2", first.path("markers").get(0).path("OTIO_SCHEMA").asString());
        JsonNode transition = v.get(1);
        assertEquals(0, transition.path("in_offset").path("value").asLong());
        assertEquals(10, transition.path("out_offset").path("value").asLong());
        // the 25 fps entry: starts at its own timecode at 25, lasts 30 frames at 29.97
        JsonNode pal = v.get(2).path("source_range");
        assertEquals(25.0, pal.path("start_time").path("rate").asDouble());
        assertEquals(900_010, pal.path("start_time").path("value").asLong());
        assertEquals(30, pal.path("duration").path("value").asLong());
        assertEquals(CutSheet.RATE_RULE, root.path("metadata").path("yingzhi").path("rate_rule").asString());
    }

    @Test
    void otioReadBackGivesTheSameEntries() {
        Cut c = mixed();
        OtioFormat.Read r = OtioFormat.read(OtioFormat.write(sheet(c)));
        assertEquals(FrameRate.FPS_29_97_DF, r.rate());
        assertEquals("01:00:00;00", r.startTimecode());
        assertEquals(List.of(), r.warnings());
        assertEquals(EdlFormatTest.strip(c.entries()), EdlFormatTest.entries(r.clips()));
    }

    @Test
    void otioFromAnotherToolWithACentredTransitionStartsTheEntryWhereTheDissolveDoes() {
        // OTIO's own sample: clip A 3 frames, a dissolve 2 before / 1 after the cut, then a gap
        String json = """
                {"OTIO_SCHEMA": "Timeline.1", "name": "t", "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
                 {"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": [
                  {"OTIO_SCHEMA": "Clip.2", "name": "A", "source_range": {"OTIO_SCHEMA": "TimeRange.1",
                    "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 10},
                    "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 30}},
                   "media_references": {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "ExternalReference.1", "target_url": "file:///m/a%20b.mov"}},
                   "active_media_reference_key": "DEFAULT_MEDIA"},
                  {"OTIO_SCHEMA": "Transition.1", "transition_type": "SMPTE_Dissolve",
                   "in_offset": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 4},
                   "out_offset": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 6}},
                  {"OTIO_SCHEMA": "Clip.2", "name": "B", "source_range": {"OTIO_SCHEMA": "TimeRange.1",
                    "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 100},
                    "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 48}}}
                 ]}]}}
                """;
        OtioFormat.Read r = OtioFormat.read(json);
        assertEquals(2, r.clips().size());
        ImportedClip a = r.clips().get(0);
        ImportedClip b = r.clips().get(1);
        assertEquals("a b.mov", a.fileName());
        assertEquals(26, a.recordFrames(), "A ends where the dissolve starts, 4 frames before the cut");
        assertEquals("00:00:04:00", b.sourceIn(), "B starts 4 frames earlier, under the dissolve");
        assertEquals(52, b.recordFrames());
        assertEquals(10, b.dissolve());
    }

    @Test
    void xmemlPutsEveryClipOnTheSequenceGridAndDescribesEachFileOnce() {
        for (int version : new int[] {4, 5}) {
            String xml = XmemlFormat.write(sheet(mixed()), version);
            org.w3c.dom.Document doc = Xml.parse(xml);
            assertEquals(String.valueOf(version), doc.getDocumentElement().getAttribute("version"));
            Element seq = Xml.child(doc.getDocumentElement(), "sequence");
            assertEquals("30", Xml.text(Xml.child(seq, "rate"), "timebase"));
            assertEquals("TRUE", Xml.text(Xml.child(seq, "rate"), "ntsc"));
            assertEquals("DF", Xml.text(Xml.child(seq, "timecode"), "displayformat"));
            assertEquals("107892", Xml.text(Xml.child(seq, "timecode"), "frame"), "01:00:00;00");
            Element videoTrack = Xml.child(Xml.child(Xml.child(seq, "media"), "video"), "track");
            List<Element> items = Xml.children(videoTrack, null).stream()
                    .filter(e -> e.getTagName().endsWith("item")).toList();
            assertEquals(List.of("clipitem", "transitionitem", "clipitem", "clipitem"),
                    items.stream().map(Element::getTagName).toList());
            // [start, end, in, out]: the DF clip runs on 10 frames under the dissolve (end -1, out 70)
            assertEquals(List.of(0L, -1L, 0L, 70L), times(items.get(0)));
            assertEquals(60L, Xml.number(items.get(1), "start", 0));
            assertEquals(70L, Xml.number(items.get(1), "end", 0));
            assertEquals("start", Xml.text(items.get(1), "alignment"));
            // 25 fps: 10 frames in = 0.4 s = 11.99 -> 12 on the 29.97 grid; 1 s = 29.97 -> 30 frames
            assertEquals(List.of(-1L, 90L, 12L, 42L), times(items.get(2)));
            assertEquals(60L, Xml.number(items.get(2), "duration", 0), "50 frames at 25 = 59.94 -> 60 on the grid");
            // 01:00:59;20 is 10 frames into the DF clip; to 01:01:00;10 is 18 frames
            assertEquals(List.of(90L, 108L, 10L, 28L), times(items.get(3)));
            List<Element> described = new ArrayList<>();
            List<Element> files = new ArrayList<>();
            var nl = doc.getElementsByTagName("file");
            for (int i = 0; i < nl.getLength(); i++) {
                Element f = (Element) nl.item(i);
                files.add(f);
                if (f.hasChildNodes()) {
                    described.add(f);
                }
            }
            assertEquals(2, described.size(), "each file described once");
            assertTrue(files.size() > 2, "then referenced by id");
            Element pal = described.stream().filter(f -> Xml.text(f, "name").startsWith("clip 25")).findFirst().orElseThrow();
            assertEquals("file://localhost/srv/yingzhi/media/12/34/1234pal.mp4", Xml.text(pal, "pathurl"));
            assertEquals("10:00:00:00", Xml.text(Xml.child(pal, "timecode"), "string"));
            assertEquals("NDF", Xml.text(Xml.child(pal, "timecode"), "displayformat"));
            assertEquals("25", Xml.text(Xml.child(pal, "rate"), "timebase"));
            assertEquals("FALSE", Xml.text(Xml.child(pal, "rate"), "ntsc"));
        }
    }

    @Test
    void xmemlReadBackGivesTheSameEntries() {
        Cut c = mixed();
        for (int version : new int[] {4, 5}) {
            XmemlFormat.Read r = XmemlFormat.read(XmemlFormat.write(sheet(c), version));
            assertEquals(FrameRate.FPS_29_97_DF, r.rate());
            assertEquals("01:00:00;00", r.startTimecode());
            assertEquals(EdlFormatTest.strip(c.entries()), EdlFormatTest.entries(r.clips()));
        }
        // without our comments, from the grid alone: the same-rate entries exactly
        String bare = XmemlFormat.write(sheet(c), 5).replaceAll("<mastercomment1>[^<]*</mastercomment1>", "");
        List<ImportedClip> clips = XmemlFormat.read(bare).clips();
        CutEntry back = clips.get(2).toEntry("x", CutFixtures.DF);
        assertEquals("01:00:59;20", back.in());
        assertEquals("01:01:00;10", back.out());
        CutEntry pal = clips.get(1).toEntry("x", CutFixtures.PAL);
        assertEquals("10:00:00:10", pal.in());
        assertEquals("10:00:01:10", pal.out());
    }

    @Test
    void xmemlPathsArePercentEncoded() {
        CutSource zh = new CutSource("64b0c0ffee0000000000cccc", "丙", "拉萨 采访#1.mov", "/srv/媒体/拉萨 采访#1.mov",
                null, null, null, "VIDEO", CutFixtures.DF.start(), 60, true, true, 320, 180, 0, 0, null, List.of());
        Cut c = cut(FrameRate.FPS_29_97_DF, "01:00:00;00",
                entry("e1", zh.asset(), "01:00:59;10", "01:01:00;10", 0, true, List.of(), null));
        String xml = XmemlFormat.write(CutSheet.of(c, java.util.Map.of(zh.asset(), zh)), 5);
        assertTrue(xml.contains("<pathurl>file://localhost/srv/%E5%AA%92%E4%BD%93/%E6%8B%89%E8%90%A8%20%E9%87%87%E8%AE%BF%231.mov</pathurl>"), xml);
        assertEquals("拉萨 采访#1.mov", FileUrls.fileName("file://localhost/srv/%E5%AA%92%E4%BD%93/%E6%8B%89%E8%90%A8%20%E9%87%87%E8%AE%BF%231.mov"));
    }

    @Test
    void fcpxmlTimesAreRationalAndOnTheirGrids() {
        CutSheet s = sheet(mixed());
        String xml = FcpxmlFormat.write(s);
        org.w3c.dom.Document doc = Xml.parse(xml);
        assertEquals("fcpxml", doc.getDocumentElement().getTagName());
        assertTrue(doc.getDocumentElement().getAttribute("version").compareTo("1.8") >= 0);
        Element seq = (Element) doc.getElementsByTagName("sequence").item(0);
        // 01:00:00;00 DF = 107,892 frames = 107892*1001/30000 s
        assertEquals("8999991/2500s", seq.getAttribute("tcStart"));
        assertEquals("DF", seq.getAttribute("tcFormat"));
        var clips = doc.getElementsByTagName("asset-clip");
        assertEquals(3, clips.getLength());
        BigInteger[] seqFrame = {BigInteger.valueOf(1001), BigInteger.valueOf(30000)};
        long[] expectedOffsets = {107_892, 107_952, 107_982};
        long[] expectedDurations = {60, 30, 18};
        for (int i = 0; i < 3; i++) {
            Element c = (Element) clips.item(i);
            assertEquals(expectedOffsets[i], frames(c.getAttribute("offset"), seqFrame), "offset of " + i);
            assertEquals(expectedDurations[i], frames(c.getAttribute("duration"), seqFrame), "duration of " + i);
        }
        // start is the source timecode on the source's own grid: 10:00:00:10 at 25 = 900,010 frames = 90001/2.5 s
        Element pal = (Element) clips.item(1);
        assertEquals(900_010, frames(pal.getAttribute("start"), new BigInteger[] {BigInteger.ONE, BigInteger.valueOf(25)}));
        assertEquals("180002/5s", pal.getAttribute("start"));
        Element dfClip = (Element) clips.item(0);
        assertEquals(109_672, frames(dfClip.getAttribute("start"), seqFrame));
        var transitions = doc.getElementsByTagName("transition");
        assertEquals(1, transitions.getLength());
        assertEquals(107_952, frames(((Element) transitions.item(0)).getAttribute("offset"), seqFrame));
        assertEquals(10, frames(((Element) transitions.item(0)).getAttribute("duration"), seqFrame));
        // every asset-clip refers to a resource that exists, once per asset
        var assets = doc.getElementsByTagName("asset");
        assertEquals(2, assets.getLength());
        assertEquals("ab".repeat(32).toUpperCase(), ((Element) assets.item(0)).getAttribute("uid"));
    }

    /**
     * Material that has not passed both checks is never silently mixed into an export: with the DF clip approved and
     * the PAL clip not, every format marks the PAL event (and only it) as a draft, and our own readers do not take
     * the mark for the editor's note.
     */
    @Test
    void everyExportMarksTheEventsOfUnapprovedMaterialAsDrafts() {
        CutSource d = CutFixtures.DF;
        CutSource approvedDf = new CutSource(d.asset(), d.title(), d.fileName(), d.path(), d.sha256(), d.unit(), d.rights(),
                d.kind(), d.start(), d.durationFrames(), d.sourceTimecode(), d.hasVideo(), d.width(), d.height(),
                d.audioChannels(), d.sampleRate(), d.tapeName(), d.linked(), true);
        java.util.Map<String, CutSource> sources = new java.util.LinkedHashMap<>(CutFixtures.sources());
        sources.put(DF_ID, approvedDf);
        CutSheet s = CutSheet.of(mixed(), sources);

        String edl = EdlFormat.write(s, 8);
        assertEquals(1, edl.split("\\* YINGZHI REVIEW: DRAFT - NOT APPROVED", -1).length - 1, edl);
        assertTrue(edl.indexOf("* YINGZHI REVIEW: DRAFT") > edl.indexOf("* YINGZHI ASSET: " + PAL_ID), edl);
        String xmeml = XmemlFormat.write(s, 5);
        assertTrue(xmeml.contains("<clipcommentb>" + ShotListFormat.DRAFT + "</clipcommentb>"), xmeml);
        assertEquals(2, xmeml.split(ShotListFormat.DRAFT, -1).length - 1, "the PAL entry's video and audio clipitems only");
        String fcpxml = FcpxmlFormat.write(s);
        assertTrue(fcpxml.contains("<note>" + ShotListFormat.DRAFT + "</note>"), fcpxml);
        assertTrue(fcpxml.contains("<note>开场</note>"), "the approved clip keeps its note alone");
        JsonNode otio = JsonMapper.builder().build().readTree(OtioFormat.write(s));
        List<String> reviews = new ArrayList<>();
        otio.findValues("review").forEach(n -> reviews.add(n.asString()));
        assertTrue(reviews.containsAll(List.of("approved", "draft")), reviews.toString());
        List<String> rows = ShotListFormat.rows(s).stream().map(r -> r.get(15)).toList();
        assertEquals(List.of(ShotListFormat.APPROVED, ShotListFormat.DRAFT, ShotListFormat.APPROVED), rows);
        // read back: the draft mark is not the entry's note
        var read = OtioFormat.read(OtioFormat.write(s));
        assertTrue(read.clips().stream().noneMatch(c -> ShotListFormat.DRAFT.equals(c.note())), read.clips().toString());
    }

    @Test
    void theShotListNamesWhatIsLinkedToEachRange() throws Exception {
        CutSheet s = sheet(mixed());
        List<List<String>> rows = ShotListFormat.rows(s);
        assertEquals("张晓明", rows.get(0).get(8), "張 is linked to frames 10-30 of the DF clip, inside entry 1");
        assertEquals("拉萨", rows.get(0).get(9));
        assertEquals("张晓明", rows.get(2).get(8), "entry 3 covers frames 10-30 too");
        assertEquals("", rows.get(1).get(8));
        assertEquals("00:00:01;00", rows.get(1).get(5), "30 frames");
        assertEquals(ShotListFormat.DRAFT, rows.get(0).get(15), "not reviewed: a draft");
        String csv = new String(ShotListFormat.csv(s), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF序号,素材,单位,源入点"), csv);
        assertTrue(csv.contains("\r\n2,喀什 援疆项目,省广播电视局,10:00:00:10,10:00:01:10,00:00:01;00,"), csv);
        byte[] jpeg = java.util.Base64.getDecoder().decode(
                "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=");
        byte[] xlsx = ShotListFormat.xlsx(s, java.util.Map.of("e1", jpeg));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("镜头表", wb.getSheetName(0));
            assertEquals(1, wb.getAllPictures().size());
            assertEquals("喀什 援疆项目", wb.getSheetAt(0).getRow(2).getCell(2).getStringCellValue());
        }
    }

    private static long frames(String rational, BigInteger[] frameDuration) {
        Matcher m = Pattern.compile("(\\d+)(?:/(\\d+))?s").matcher(rational);
        assertTrue(m.matches(), rational);
        BigInteger n = new BigInteger(m.group(1));
        BigInteger d = m.group(2) == null ? BigInteger.ONE : new BigInteger(m.group(2));
        // seconds / frameDuration must be a whole number of frames
        BigInteger num = n.multiply(frameDuration[1]);
        BigInteger den = d.multiply(frameDuration[0]);
        assertEquals(BigInteger.ZERO, num.mod(den), rational + " is not on the grid");
        return num.divide(den).longValueExact();
    }

    private static List<Long> times(Element clip) {
        return List.of(Xml.number(clip, "start", 0), Xml.number(clip, "end", 0), Xml.number(clip, "in", 0),
                Xml.number(clip, "out", 0));
    }

    private static List<String> names(JsonNode tracks) {
        List<String> out = new ArrayList<>();
        tracks.forEach(t -> out.add(t.path("name").asString()));
        return out;
    }

    private static List<String> schemas(JsonNode children) {
        List<String> out = new ArrayList<>();
        children.forEach(t -> out.add(t.path("OTIO_SCHEMA").asString()));
        return out;
    }
}
