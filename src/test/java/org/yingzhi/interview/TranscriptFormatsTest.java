package org.yingzhi.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.yingzhi.interview.TranscriptFormats.Format;
import org.yingzhi.shared.i18n.CodedArgumentException;

class TranscriptFormatsTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = TranscriptFormatsTest.class.getResourceAsStream("/transcripts/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<String> codes(ParsedTranscript t) {
        return t.warnings().stream().map(ParsedTranscript.Warning::code).toList();
    }

    @Test
    void ohmsVttFormWithVoicesBreaksIndexPointsGpsAndLinksAndACueEndingBeforeItStarts() throws IOException {
        byte[] b = resource("ohms-vtt.xml");
        assertEquals(Format.OHMS, TranscriptFormats.detect("x.xml", b));
        ParsedTranscript t = TranscriptFormats.read(b, Format.OHMS);
        assertEquals(4, t.cues().size());
        assertEquals(new Cue(3000, 18250, "李红", "您是哪一年进藏的？当时是怎么去的？"), t.cues().get(0));
        assertEquals(new Cue(18250, 95040, "张晓明", "一九九五年五月。我们从成都坐飞机到贡嘎机场，\n\n下了飞机就开始头疼。"), t.cues().get(1));
        assertEquals("拉萨市人民医院那时候只有一台X光机 & 两位医生。", t.cues().get(2).text());
        // the last cue ends "before" it starts, as OHMS writes it: kept, with no length, and said
        assertEquals(130500, t.cues().get(3).startMillis());
        assertEquals(130500, t.cues().get(3).endMillis());
        assertTrue(codes(t).contains("endBeforeStart"), t.warnings().toString());
        assertEquals("张晓明", t.record().interviewee());
        assertEquals("李红", t.record().interviewer());
        assertEquals("2026-10-12", t.record().date());
        assertEquals(2, t.points().size());
        IndexPoint p0 = t.points().get(0);
        assertEquals(0, p0.startMillis());
        assertEquals(95000L, p0.endMillis());
        assertEquals("进藏的路", p0.title());
        assertEquals(List.of("进藏", "成都", "第一批援藏干部"), p0.keywords());
        assertEquals(List.of("援藏工作"), p0.subjects());
        assertEquals(new IndexPoint.Gps(30.657, 104.065, 10, "成都"), p0.gps().get(0));
        assertEquals(new IndexPoint.Hyperlink("https://example.org/zhang", "张晓明小传"), p0.hyperlinks().get(0));
        IndexPoint p1 = t.points().get(1);
        assertEquals(200000L, p1.endMillis()); // the last point runs to the record's duration
        assertEquals(1, p1.gps().size()); // "not a place" is left out, and said
        assertTrue(codes(t).contains("pointGps"));
        assertTrue(p1.hyperlinks().isEmpty());
    }

    @Test
    void ohmsLegacyFormCutsAtTheSyncMarksWithGapsAndWritesTheSameSyncAgain() throws IOException {
        ParsedTranscript t = TranscriptFormats.read(resource("ohms-legacy.xml"), Format.OHMS);
        assertEquals(1, t.legacyInterval());
        List<Cue> c = t.cues();
        // 2(1): minute 1 begins at line 2, word 1; 2(3): minute 2 at its third word; minute 3 has no mark
        assertEquals(5, c.size());
        assertEquals("赵敏：请您先说说到日喀则的第一年。\n", c.get(0).text());
        assertEquals(0, c.get(0).startMillis());
        assertEquals(60000, c.get(1).startMillis());
        assertEquals("王建国：那年 我们 ", c.get(1).text());
        assertEquals(120000, c.get(2).startMillis());
        assertTrue(c.get(2).text().startsWith("一共 来了"));
        assertEquals(240000, c.get(3).startMillis()); // after the gap: the mark of minute 4
        assertEquals(180000 + 60000, c.get(2).endMillis());
        assertEquals(300000, c.get(4).startMillis());
        assertEquals(390000, c.get(4).endMillis()); // the record's duration
        assertEquals("赵敏：后来修路的事呢？\n王建国：修路是一九九六年开始的。 & 一直修到冬天。", c.get(4).text());
        // points: sorted, said to be out of order, each to the next
        assertEquals(List.of(0L, 120000L, 180000L), t.points().stream().map(IndexPoint::startMillis).toList());
        assertTrue(codes(t).contains("pointsOrder"));
        assertEquals(List.of("公路", "修路"), t.points().get(2).keywords());
        assertEquals("1996年夏", t.record().date());

        String again = TranscriptWriters.ohms(record(t), c);
        // "5(2)" points at an empty line, which has no second word: written again as the line's start
        assertTrue(again.contains("<sync>1:|2(1)|2(3)||5(1)|6(1)</sync>"), again);
        ParsedTranscript back = TranscriptFormats.read(again.getBytes(StandardCharsets.UTF_8), Format.OHMS);
        assertEquals(c, back.cues());
        assertEquals(t.points(), back.points());
    }

    static TranscriptWriters.OhmsRecord record(ParsedTranscript t) {
        long duration = t.cues().isEmpty() ? 0 : t.cues().get(t.cues().size() - 1).endMillis();
        return new TranscriptWriters.OhmsRecord("x", t.record().title(), t.record().date(),
                t.record().interviewee() == null ? List.of() : List.of(t.record().interviewee()),
                t.record().interviewer() == null ? List.of() : List.of(t.record().interviewer()), t.record().language(),
                null, duration, null, t.legacyInterval(), t.points());
    }

    @Test
    void anEmptyOhmsRecordReadsAsNoCuesAndSaysSo() throws IOException {
        ParsedTranscript t = TranscriptFormats.read(resource("ohms-empty.xml"), Format.OHMS);
        assertTrue(t.cues().isEmpty());
        assertTrue(t.points().isEmpty());
        assertEquals(List.of("emptyRecord"), codes(t));
        assertNull(t.record().title());
    }

    @Test
    void ohmsVttRoundTripKeepsTimesToTheMillisecondAndTextExactly() throws IOException {
        ParsedTranscript t = TranscriptFormats.read(resource("ohms-vtt.xml"), Format.OHMS);
        String out = TranscriptWriters.ohms(record(t), t.cues());
        ParsedTranscript back = TranscriptFormats.read(out.getBytes(StandardCharsets.UTF_8), Format.OHMS);
        assertEquals(t.cues(), back.cues());
        assertEquals(t.points().get(0), back.points().get(0));
        assertEquals(t.points().get(1).gps(), back.points().get(1).gps());
        assertEquals("张晓明", back.record().interviewee());
    }

    @Test
    void vttWithVoicesClassesMultiLineCuesTagsAndEscapes() throws IOException {
        byte[] b = resource("speakers.vtt");
        assertEquals(Format.VTT, TranscriptFormats.detect("a.txt", b));
        ParsedTranscript t = TranscriptFormats.read(b, Format.VTT);
        assertEquals(4, t.cues().size());
        assertEquals(new Cue(1000, 4500, "张晓明", "我们到拉萨的时候\n是一九九五年五月。"), t.cues().get(0));
        assertEquals(new Cue(4500, 9120, "李红", "医院当时是什么样子？"), t.cues().get(1));
        assertEquals(new Cue(9120, 62003, "张晓明", "只有一台X光机，\n两位医生，\n还有 <半个> 药房。"), t.cues().get(2));
        assertEquals(new Cue(62003, 65000, "问", "那您后来呢？"), t.cues().get(3));
        assertTrue(t.warnings().isEmpty(), t.warnings().toString());
        // round trip: VTT -> cues -> VTT -> the same cues
        ParsedTranscript back = TranscriptFormats.read(TranscriptWriters.vtt(t.cues()).getBytes(StandardCharsets.UTF_8), Format.VTT);
        assertEquals(t.cues(), back.cues());
    }

    @Test
    void srtWithAByteOrderMarkAndCrLfAndInGb18030() throws IOException {
        byte[] b = resource("bom.srt");
        assertEquals(Format.SRT, TranscriptFormats.detect("x.srt", b));
        ParsedTranscript t = TranscriptFormats.read(b, Format.SRT);
        assertEquals("UTF-8", t.charset());
        assertEquals(List.of(new Cue(1000, 3500, "问", "您是哪一年到喀什的？"),
                new Cue(3500, 8250, "答", "二〇一〇年，第七批援疆干部。\n第二行")), t.cues());
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        byte[] gb = text.getBytes(TranscriptText.GB18030);
        ParsedTranscript g = TranscriptFormats.read(gb, TranscriptFormats.detect("x.srt", gb));
        assertEquals("GB18030", g.charset());
        assertEquals(t.cues(), g.cues());
        ParsedTranscript back = TranscriptFormats.read(TranscriptWriters.srt(t.cues()).getBytes(StandardCharsets.UTF_8), Format.SRT);
        assertEquals(t.cues(), back.cues());
    }

    @Test
    void aDocxTranscriptWithStampsSpeakersAndLinesBetweenStamps() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument d = new XWPFDocument()) {
            d.createParagraph().createRun().setText("王建国访谈记录（整理稿）");
            d.createParagraph().createRun().setText("[00:12:03] 问：您第一次到日喀则是什么时候？");
            d.createParagraph().createRun().setText("答：一九九五年。那时候路还没修好。");
            d.createParagraph().createRun().setText("我们坐了三天的车。");
            d.createParagraph().createRun().setText("[00:12:30] 问：住在哪里？");
            d.createParagraph().createRun().setText("[00:13:02.5] 答：住在帐篷里。");
            d.write(out);
        }
        byte[] b = out.toByteArray();
        assertEquals(Format.DOCX, TranscriptFormats.detect("w.docx", b));
        ParsedTranscript t = TranscriptFormats.read(b, Format.DOCX);
        List<Cue> c = t.cues();
        assertEquals(5, c.size(), c.toString());
        assertEquals("王建国访谈记录（整理稿）", c.get(0).text()); // before the first stamp: at 0, and said
        assertTrue(codes(t).contains("beforeFirstStamp"));
        assertEquals(new Cue(723000, c.get(2).startMillis(), "问", "您第一次到日喀则是什么时候？"), c.get(1));
        // the answer has no stamp of its own: it shares the time up to the next stamp by length
        assertTrue(c.get(2).startMillis() > 723000 && c.get(2).startMillis() < 750000, c.toString());
        assertEquals("答", c.get(2).speaker());
        assertEquals("一九九五年。那时候路还没修好。\n我们坐了三天的车。", c.get(2).text());
        assertEquals(750000, c.get(3).startMillis());
        assertEquals(782500, c.get(4).startMillis());
        assertTrue(t.timed());
    }

    @Test
    void plainTextWithoutStampsIsUntimedAndBadFilesAreRefusedWithAReason() {
        ParsedTranscript t = TranscriptFormats.read("问：第一句。\n答：第二句。".getBytes(StandardCharsets.UTF_8), Format.TXT);
        assertFalse(t.timed());
        assertEquals(2, t.cues().size());
        CodedArgumentException e = assertThrows(CodedArgumentException.class,
                () -> TranscriptFormats.read("not vtt".getBytes(StandardCharsets.UTF_8), Format.VTT));
        assertEquals("transcript.notVtt", e.code());
        e = assertThrows(CodedArgumentException.class, () -> TranscriptFormats.read(
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ROOT><record>&x;</record></ROOT>"
                        .getBytes(StandardCharsets.UTF_8), Format.OHMS));
        assertEquals("transcript.notOhms", e.code());
        e = assertThrows(CodedArgumentException.class, () -> TranscriptFormats.read(
                "WEBVTT\n\n00:00:01.000 --> 00:61:00.000\nx\n".getBytes(StandardCharsets.UTF_8), Format.VTT));
        assertEquals("transcript.time", e.code());
        e = assertThrows(CodedArgumentException.class, () -> TranscriptFormats.read(new byte[] {(byte) 0x80, (byte) 0xFF, 0x30},
                Format.TXT));
        assertEquals("transcript.encoding", e.code());
        e = assertThrows(CodedArgumentException.class, () -> TranscriptFormats.read(
                "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx\u0000y\n".getBytes(StandardCharsets.UTF_8), Format.VTT));
        assertEquals("transcript.nul", e.code());
    }
}
