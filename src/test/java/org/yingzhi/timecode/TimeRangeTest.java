package org.yingzhi.timecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final FrameRate DF = FrameRate.FPS_29_97_DF;
    private static final FrameRate DF60 = FrameRate.FPS_59_94_DF;
    private static final FrameRate PAL = FrameRate.FPS_25;

    @Test
    void dropFrameRangeAcrossAMinuteBoundaryCountsTheSkippedLabels() {
        // 00:00:59;28 .. 00:01:00;02: labels ;00 and ;01 of minute 1 do not exist, so two frames, not four
        TimeRange r = TimeRange.parse("00:00:59;28-00:01:00;02", DF);
        assertEquals(2, r.durationFrames());
        assertEquals("00:00:59;28-00:01:00;02", r.toString());
        assertTrue(r.contains(Timecode.parse("00:00:59;29", DF)));
        assertFalse(r.contains(Timecode.parse("00:01:00;02", DF)), "out is exclusive");
        // a whole drop-frame minute holds 1798 frames, a tenth minute 1800
        assertEquals(1798, TimeRange.parse("00:01:00;02-00:02:00;02", DF).durationFrames());
        assertEquals(1800, TimeRange.parse("00:09:00;02-00:10:00;02", DF).durationFrames());
        // ten minutes of drop-frame timecode are 17982 frames = 599.9994 s of media
        TimeRange ten = TimeRange.parse("01:00:00;00-01:10:00;00", DF);
        assertEquals(17_982, ten.durationFrames());
        assertEquals(599.9994, ten.durationSeconds(), 1e-9);
        assertEquals(599_999_400, ten.durationMicros());
        // 59.94 DF skips four labels
        assertEquals(6, TimeRange.parse("00:00:59;56-00:01:00;06", DF60).durationFrames(), "not 10: ;00-;03 are skipped");
    }

    @Test
    void rangesAtTheTwentyFourHourWrap() {
        Timecode origin = Timecode.parse("23:59:50:00", PAL);
        TimeRange r = TimeRange.parse("23:59:55:00-00:00:05:00", origin);
        assertEquals(250, r.durationFrames());
        assertEquals("23:59:55:00-00:00:05:00", r.toString());
        assertEquals(125, r.inFramesFrom(origin));
        assertEquals(5.0, r.inSecondsFrom(origin), 1e-9);
        assertTrue(r.contains(Timecode.parse("23:59:59:24", PAL)));
        assertTrue(r.contains(Timecode.parse("00:00:00:00", PAL)));
        assertFalse(r.contains(Timecode.parse("00:00:05:00", PAL)));
        assertFalse(r.contains(Timecode.parse("23:59:54:24", PAL)));
        assertTrue(r.overlaps(TimeRange.parse("00:00:04:24-00:00:09:00", PAL)));
        assertFalse(r.overlaps(TimeRange.parse("00:00:05:00-00:00:09:00", PAL)));
        assertTrue(r.overlaps(TimeRange.ofFrames(Timecode.parse("23:59:50:00", PAL), 126)));
        assertFalse(r.overlaps(TimeRange.ofFrames(Timecode.parse("23:59:50:00", PAL), 125)));
        // in drop-frame, the last frame of the day is 23:59:59;29 and the next is 00:00:00;00
        Timecode late = Timecode.parse("23:59:59;28", DF);
        TimeRange wrap = TimeRange.ofFrames(late, 4);
        assertEquals("23:59:59;28-00:00:00;02", wrap.toString());
        assertEquals(wrap, TimeRange.parse("23:59:59;28-00:00:00;02", late));
        // without a clip start, the same labels are backwards
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("23:59:55:00-00:00:05:00", PAL));
    }

    @Test
    void emptyBackwardsAndMixedRatesAreRefused() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> TimeRange.parse("01:00:00:00-01:00:00:00", PAL));
        assertTrue(empty.getMessage().contains("out must come after in"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("01:00:10:00-01:00:00:00", PAL));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> TimeRange.parse("01:00:00:00-01:00:10;00", FrameRate.FPS_29_97_NDF));
        assertTrue(mixed.getMessage().contains("different rates"), mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeRange.of(Timecode.parse("01:00:00:00", PAL),
                Timecode.parse("01:00:10:00", FrameRate.FPS_24)));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.ofFrames(Timecode.zero(PAL), 0));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.ofFrames(Timecode.zero(PAL), PAL.framesPerDay()));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("01:00:00:00", PAL));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("01:00:00:00-", PAL));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse(null, PAL));
        // a drop-frame label that does not exist
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("00:00:59;00-00:01:00;00", DF));
        // 25 fps has no drop-frame
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parse("00:00:00;00-00:00:01;00", PAL));
    }

    @Test
    void containsOverlapsAndConversions() {
        TimeRange a = TimeRange.parse("10:00:00:00-10:00:10:00", PAL);
        TimeRange b = TimeRange.parse("10:00:09:24 - 10:00:20:00", PAL);
        TimeRange c = TimeRange.parse("10:00:10:00-10:00:20:00", PAL);
        assertTrue(a.overlaps(b));
        assertTrue(b.overlaps(a));
        assertFalse(a.overlaps(c), "touching ranges do not overlap: out is exclusive");
        assertTrue(a.contains(TimeRange.parse("10:00:02:00-10:00:10:00", PAL)));
        assertFalse(a.contains(b));
        assertEquals(250, a.durationFrames());
        assertEquals(10.0, a.durationSeconds(), 1e-12);
        assertEquals(10_000_000, a.durationMicros());
        Timecode start = Timecode.parse("09:59:00:00", PAL);
        assertEquals(1500, a.inFramesFrom(start));
        assertEquals(60.0, a.inSecondsFrom(start), 1e-12);
        assertEquals(TimeRange.parse("10:00:00:00-10:00:10:00", PAL), a);
        assertEquals(a.hashCode(), TimeRange.parse("10:00:00:00-10:00:10:00", PAL).hashCode());
    }

    @Test
    void mediaTimeBecomesSourceTimecode() {
        Timecode start = Timecode.parse("01:00:59;10", DF);
        // one second of media from the start of a 29.97 DF clip: 30 frames (29.97 rounded), crossing minute 1:01
        TimeRange r = TimeRange.ofMicros(start, 0, 1_001_000);
        assertEquals("01:00:59;10-01:01:00;12", r.toString());
        assertEquals(30, r.durationFrames());
        assertThrows(IllegalArgumentException.class, () -> TimeRange.ofMicros(start, 1_000, 1_000));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.ofMicros(start, -1, 1_000));
    }
}
