package org.yingzhi.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yingzhi.cut.CutFixtures.DF_ID;
import static org.yingzhi.cut.CutFixtures.PAL_ID;
import static org.yingzhi.cut.CutFixtures.cut;
import static org.yingzhi.cut.CutFixtures.entry;
import static org.yingzhi.cut.CutFixtures.sheet;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.timecode.FrameRate;

/** The EDL writer and reader against hand-checked CMX3600 text. */
class EdlFormatTest {

    @Test
    void aTwentyFiveFrameCut() {
        Cut c = cut(FrameRate.FPS_25, "01:00:00:00",
                entry("e1", PAL_ID, "10:00:00:10", "10:00:01:10", 0, true, List.of(), null),
                entry("e2", PAL_ID, "10:00:00:00", "10:00:00:20", 0, true, List.of(1), "开场 用同期声"));
        String expected = """
                TITLE: 援藏二十年 粗剪
                FCM: NON-DROP FRAME

                001  TAPE_017 V     C        10:00:00:10 10:00:01:10 01:00:00:00 01:00:01:00
                * FROM CLIP NAME: 喀什 援疆项目
                * SOURCE FILE: clip 25ndf.mp4
                * YINGZHI ASSET: 64b0c0ffee000000000025a2
                * YINGZHI REVIEW: DRAFT - NOT APPROVED

                002  TAPE_017 B     C        10:00:00:00 10:00:00:20 01:00:01:00 01:00:01:20
                * FROM CLIP NAME: 喀什 援疆项目
                * SOURCE FILE: clip 25ndf.mp4
                * YINGZHI ASSET: 64b0c0ffee000000000025a2
                * YINGZHI REVIEW: DRAFT - NOT APPROVED
                * COMMENT: 开场 用同期声
                """;
        assertEquals(expected, EdlFormat.write(sheet(c), 8));
    }

    @Test
    void aDropFrameCutWhoseRecordTimelineCrossesADroppedMinute() {
        // record 00:00:59;00 + 60 frames: ;00-;29 of second 59, then minute 1 starts at ;02 -> ends 00:01:01;02
        Cut c = cut(FrameRate.FPS_29_97_DF, "00:00:59;00",
                entry("e1", DF_ID, "01:00:59;10", "01:01:01;12", 0, true, List.of(1, 2), null),
                entry("e2", DF_ID, "01:00:59;10", "01:00:59;25", 10, true, List.of(1, 2, 3, 4), null));
        String expected = """
                TITLE: 援藏二十年 粗剪
                FCM: DROP FRAME

                001  CLIP_299 AA/V  C        01:00:59;10 01:01:01;12 00:00:59;00 00:01:01;02
                * FROM CLIP NAME: 拉萨市人民医院门诊楼 落成
                * SOURCE FILE: clip-2997df.mov
                * YINGZHI ASSET: 64b0c0ffee0000000000df01
                * YINGZHI REVIEW: DRAFT - NOT APPROVED

                002  CLIP_299 AA/V  C        01:01:01;12 01:01:01;12 00:01:01;02 00:01:01;02
                002  CLIP_299 AA/V  D 010    01:00:59;10 01:00:59;25 00:01:01;02 00:01:01;17
                AUD  3    4
                * FROM CLIP NAME: 拉萨市人民医院门诊楼 落成
                * TO CLIP NAME: 拉萨市人民医院门诊楼 落成
                * SOURCE FILE: clip-2997df.mov
                * YINGZHI ASSET: 64b0c0ffee0000000000df01
                * YINGZHI REVIEW: DRAFT - NOT APPROVED
                """;
        assertEquals(expected, EdlFormat.write(sheet(c), 8));
    }

    @Test
    void aNonDropCutKeepsTheDropFrameSourceInItsOwnNotation() {
        // 29.97 NDF record, the same rate as the source: frame for frame, the source labels stay drop-frame
        Cut c = cut(FrameRate.FPS_29_97_NDF, "01:00:00:00",
                entry("e1", DF_ID, "01:00:59;28", "01:01:00;04", 0, true, List.of(), null));
        String expected = """
                TITLE: 援藏二十年 粗剪
                FCM: NON-DROP FRAME

                001  CLIP_299 V     C        01:00:59;28 01:01:00;04 01:00:00:00 01:00:00:04
                * FROM CLIP NAME: 拉萨市人民医院门诊楼 落成
                * SOURCE FILE: clip-2997df.mov
                * YINGZHI ASSET: 64b0c0ffee0000000000df01
                * YINGZHI REVIEW: DRAFT - NOT APPROVED
                * SOURCE RANGE: 01:00:59;28 01:01:00;04 30000/1001 DF
                """;
        assertEquals(expected, EdlFormat.write(sheet(c), 8));
    }

    @Test
    void aTwentyFiveFrameEntryInADropFrameCutConformsByRealTime() {
        // 10:00:00:00 at 25 = 36000 s = 1078921.08 frames at 29.97 -> 1078921 = 10:00:00;01; 25 frames -> 29.97 -> 30
        Cut c = cut(FrameRate.FPS_29_97_DF, "01:00:00;00",
                entry("e1", PAL_ID, "10:00:00:00", "10:00:01:00", 0, true, List.of(), null));
        String text = EdlFormat.write(sheet(c), 32);
        assertTrue(text.contains("001  TAPE_017 V     C        10:00:00;01 10:00:01;01 01:00:00;00 01:00:01;00\n"), text);
        assertTrue(text.contains("* SOURCE RANGE: 10:00:00:00 10:00:01:00 25/1 NDF\n"), text);
        assertTrue(text.contains("* RATE RULE: " + CutSheet.RATE_RULE), text);
    }

    @Test
    void reelsAreShortUniqueAndLongerWhenAsked() {
        CutSource a = new CutSource("64b0c0ffee0000000000aaaa", "甲", "Interview Lhasa 2003-08.MOV", null, null, null,
                null, "VIDEO", CutFixtures.DF.start(), 60, true, true, 0, 0, 0, 0, null, List.of());
        CutSource b = new CutSource("64b0c0ffee0000000000bbbb", "乙", "interview_lhasa_2003-09.mov", null, null, null,
                null, "VIDEO", CutFixtures.DF.start(), 60, true, true, 0, 0, 0, 0, null, List.of());
        CutSource zh = new CutSource("64b0c0ffee0000000000cccc", "丙", "拉萨采访.mov", null, null, null,
                null, "VIDEO", CutFixtures.DF.start(), 60, true, true, 0, 0, 0, 0, null, List.of());
        var eight = Reels.of(List.of(a, b, zh), 8);
        assertEquals("INTERVIE", eight.get(a.asset()));
        assertEquals("INTERVI1", eight.get(b.asset()), "the second gets a number, still 8 characters");
        assertEquals("YZ64B0C0", eight.get(zh.asset()));
        var longer = Reels.of(List.of(a, b), 32);
        assertEquals("INTERVIEW_LHASA_2003_08", longer.get(a.asset()));
        assertEquals("INTERVIEW_LHASA_2003_09", longer.get(b.asset()));
    }

    @Test
    void writtenThenReadGivesTheSameEntries() {
        List<Cut> cuts = List.of(
                cut(FrameRate.FPS_25, "01:00:00:00",
                        entry("e1", PAL_ID, "10:00:00:10", "10:00:01:10", 0, true, List.of(), null),
                        entry("e2", PAL_ID, "10:00:00:00", "10:00:00:20", 5, true, List.of(1), "开场")),
                cut(FrameRate.FPS_29_97_DF, "00:00:59;00",
                        entry("e1", DF_ID, "01:00:59;10", "01:01:01;12", 0, true, List.of(1, 2), null),
                        entry("e2", DF_ID, "01:00:59;10", "01:00:59;25", 10, true, List.of(1, 2, 3, 4), null),
                        entry("e3", PAL_ID, "10:00:00:03", "10:00:01:20", 0, false, List.of(1), "混合帧率")),
                cut(FrameRate.FPS_29_97_NDF, "01:00:00:00",
                        entry("e1", DF_ID, "01:00:59;28", "01:01:00;04", 0, true, List.of(2), null)));
        for (Cut c : cuts) {
            String text = EdlFormat.write(sheet(c), 8);
            EdlFormat.Read read = EdlFormat.read(text);
            assertEquals(List.of(), read.warnings());
            assertEquals(c.title(), read.title());
            List<CutEntry> back = entries(ImportedClip.fromEdl(read, c.rate()));
            assertEquals(strip(c.entries()), back, text);
        }
    }

    @Test
    void sameRateEntriesComeBackFromTheTimecodeAloneWithoutOurComments() {
        Cut c = cut(FrameRate.FPS_29_97_DF, "00:00:59;00",
                entry("e1", DF_ID, "01:00:59;10", "01:01:01;12", 0, true, List.of(1, 2), null),
                entry("e2", DF_ID, "01:00:59;10", "01:00:59;25", 10, true, List.of(1, 2), null));
        String text = EdlFormat.write(sheet(c), 8).replaceAll("(?m)^\\* (YINGZHI ASSET|SOURCE RANGE):.*\\n", "");
        List<ImportedClip> clips = ImportedClip.fromEdl(EdlFormat.read(text), FrameRate.FPS_29_97_DF);
        assertEquals(java.util.Arrays.asList(null, null), clips.stream().map(ImportedClip::asset).toList());
        assertEquals(strip(c.entries()), entries(clips));
    }

    @Test
    void readsWhatEditorsFilesReallyHold() {
        String text = """
                TITLE:   EP01 LOCK v3   \r
                FCM: NON-DROP FRAME\r
                \r
                0001  A001C003_150731_R1ZK    V     C        00:00:10:00 00:00:12:00 01:00:00:00 01:00:02:00   \r
                *FROM CLIP NAME:  A001C003_150731_R1ZK.mov\r
                * LOC: 01:00:01:00 RED     check flag\r
                *LOC: 01:00:01:10 GREEN\r
                * ASC_SOP (1.0 1.0 1.0)(0.0 0.0 0.0)(1.0 1.0 1.0)\r
                * COM.APPLE.FINALCUTSTUDIO.MEDIA.FORMAT: 1080P\r
                FCM: DROP FRAME\r
                002  TAPE2 AA/V  C        00:01:00;02 00:01:02;02 01:00:02;00 01:00:04;00\r
                M2   TAPE2       050.0                00:01:00;02\r
                * FROM CLIP NAME : interview 2.mov\r
                003  TAPE3 NONE  C        00:00:00:00 00:00:01:00 01:00:04:00 01:00:05:00\r
                AUD  3    4\r
                this line is nonsense\r
                004  BAD   V     C        00:00:00:00 00:00:01:00 01:00:05:00\r
                """;
        EdlFormat.Read r = EdlFormat.read(text);
        assertEquals("EP01 LOCK v3", r.title());
        assertEquals(3, r.events().size());
        EdlFormat.Event first = r.events().get(0);
        assertEquals(4, first.line());
        assertEquals("A001C003_150731_R1ZK", first.reel(), "a long reel name");
        assertEquals("1", first.number(), "four digits");
        assertEquals("A001C003_150731_R1ZK.mov", first.clipName());
        assertEquals(List.of("check flag"), first.notes());
        assertEquals(2, first.comments().size(), "colour decision and Apple comments kept");
        assertTrue(!first.dropFrame());
        EdlFormat.Event second = r.events().get(1);
        assertTrue(second.dropFrame(), "FCM changed between events");
        assertEquals("interview 2.mov", second.clipName(), "FROM CLIP NAME spelled with a space before the colon");
        assertEquals(50.0, second.speed());
        assertEquals(List.of(1, 2), second.audio());
        EdlFormat.Event third = r.events().get(2);
        assertEquals(List.of(3, 4), third.audio());
        assertTrue(!third.video());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("line 16:"), r.warnings().toString());
        assertTrue(r.warnings().get(1).startsWith("line 17:"), r.warnings().toString());
    }

    /** Clips back as entries, each matched to the asset its comment or reel names. */
    static List<CutEntry> entries(List<ImportedClip> clips) {
        List<CutEntry> out = new ArrayList<>();
        for (ImportedClip c : clips) {
            String asset = c.asset() != null ? c.asset()
                    : c.reel() != null && c.reel().startsWith("TAPE") ? PAL_ID : DF_ID;
            out.add(c.toEntry("x", CutFixtures.sources().get(asset)));
        }
        return out;
    }

    static List<CutEntry> strip(List<CutEntry> entries) {
        return entries.stream().map(e -> e.withId("x")).toList();
    }
}
