package org.yingzhi.timecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimecodeTest {

    /** Every frame of a day: frames -> label -> frames is the identity, and labels never repeat or skip. */
    private static void roundTripWholeDay(FrameRate rate) {
        long day = rate.framesPerDay();
        Timecode prev = null;
        for (long f = 0; f < day; f++) {
            Timecode tc = Timecode.ofFrames(f, rate);
            String label = tc.toString();
            Timecode parsed = Timecode.parse(label, rate);
            if (parsed.frames() != f) {
                throw new AssertionError("frame " + f + " -> " + label + " -> " + parsed.frames());
            }
            if (prev != null && !(prev.isBefore(tc))) {
                throw new AssertionError("order broken at " + label);
            }
            prev = tc;
        }
        assertEquals("23:59:59" + (rate.dropFrame() ? ";" : ":") + (rate.timecodeBase() - 1),
                Timecode.ofFrames(day - 1, rate).toString());
    }

    @Test
    void wholeDayAt2997DropFrame() {
        assertEquals(2_589_408, FrameRate.FPS_29_97_DF.framesPerDay());
        roundTripWholeDay(FrameRate.FPS_29_97_DF);
    }

    @Test
    void wholeDayAt5994DropFrame() {
        assertEquals(5_178_816, FrameRate.FPS_59_94_DF.framesPerDay());
        roundTripWholeDay(FrameRate.FPS_59_94_DF);
    }

    @Test
    void wholeDayAtNonDropRates() {
        for (FrameRate r : new FrameRate[] {FrameRate.FPS_23_976, FrameRate.FPS_25, FrameRate.FPS_29_97_NDF,
                FrameRate.FPS_50}) {
            roundTripWholeDay(r);
        }
    }

    @ParameterizedTest
    @CsvSource({
            // label, rate, frames since midnight (SMPTE 12M drop-frame counting)
            "00:00:59;29, 29.97DF, 1799",
            "00:01:00;02, 29.97DF, 1800",
            "00:02:00;02, 29.97DF, 3598",
            "00:10:00;00, 29.97DF, 17982",
            "00:11:00;02, 29.97DF, 19782",
            "01:00:00;00, 29.97DF, 107892",
            "01:00:59;10, 29.97DF, 109672",
            "23:59:59;29, 29.97DF, 2589407",
            "00:01:00;04, 59.94DF, 3600",
            "00:10:00;00, 59.94DF, 35964",
            "01:00:00;00, 59.94DF, 215784",
            "01:00:00:00, 29.97, 108000",
            "10:00:00:00, 25, 900000",
            "01:00:00:00, 23.976, 86400",
            "00:00:01:00, 24, 24",
            "00:00:01:00, 30, 30",
            "00:00:01:49, 50, 99",
            "00:00:01:59, 60, 119",
            "00:00:01:59, 59.94, 119",
    })
    void knownLabels(String label, String rate, long frames) {
        FrameRate r = FrameRate.parse(rate);
        Timecode tc = Timecode.parse(label, r);
        assertEquals(frames, tc.frames());
        assertEquals(label, tc.toString());
        assertEquals(label, Timecode.ofFrames(frames, r).toString());
    }

    @Test
    void dropFrameSkipsLabelsAtMinuteStarts() {
        Timecode last = Timecode.parse("00:00:59;29", FrameRate.FPS_29_97_DF);
        assertEquals("00:01:00;02", last.plusFrames(1).toString());
        assertEquals("00:09:59;29", Timecode.parse("00:10:00;00", FrameRate.FPS_29_97_DF).minusFrames(1).toString());
        assertEquals("00:10:00;01", Timecode.parse("00:10:00;00", FrameRate.FPS_29_97_DF).plusFrames(1).toString());
        assertEquals("00:01:00;04", Timecode.parse("00:00:59;59", FrameRate.FPS_59_94_DF).plusFrames(1).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timecode.parse("00:01:00;00", FrameRate.FPS_29_97_DF));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals("timecode 00:01:00;00 does not exist in drop-frame (frames 0-1 are skipped at minute 1)", e.getMessage());
        org.yingzhi.shared.i18n.CodedArgumentException coded = (org.yingzhi.shared.i18n.CodedArgumentException) e;
        assertEquals("tc.dropMissing", coded.code(), "pages say it in the reader's language");
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:01:00;03", FrameRate.FPS_59_94_DF));
    }

    @Test
    void semicolonSelectsDropFrameWhereItExists() {
        Timecode tc = Timecode.parse("01:00:00;00", FrameRate.FPS_29_97_NDF);
        assertTrue(tc.rate().dropFrame());
        assertEquals(107_892, tc.frames());
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("01:00:00;00", FrameRate.FPS_25));
    }

    @Test
    void rejectsMalformedAndOutOfRange() {
        for (String bad : new String[] {"", "1:00:00", "01:00:00:25x", "24:00:00:00", "00:60:00:00", "00:00:60:00",
                "aa:bb:cc:dd"}) {
            assertThrows(IllegalArgumentException.class, () -> Timecode.parse(bad, FrameRate.FPS_25), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse("00:00:00:25", FrameRate.FPS_25));
        assertThrows(IllegalArgumentException.class, () -> Timecode.parse(null, FrameRate.FPS_25));
    }

    @Test
    void arithmeticAndComparison() {
        FrameRate r = FrameRate.FPS_29_97_DF;
        Timecode a = Timecode.parse("01:00:59;10", r);
        Timecode b = a.plusFrames(60);
        assertEquals("01:01:01;12", b.toString());
        assertEquals(60, a.framesUntil(b));
        assertEquals(-60, b.framesUntil(a));
        assertEquals(a, b.minusFrames(60));
        assertTrue(a.compareTo(b) < 0 && b.isAfter(a));
        assertEquals("01:01:01;12", a.plus(Timecode.ofFrames(60, r)).toString());
        assertEquals(a, b.minus(Timecode.ofFrames(60, r)));
        // wraps like a deck at midnight
        assertEquals("00:00:00;00", Timecode.parse("23:59:59;29", r).plusFrames(1).toString());
        assertEquals("23:59:59;29", Timecode.zero(r).minusFrames(1).toString());
        assertThrows(IllegalArgumentException.class, () -> a.compareTo(Timecode.zero(FrameRate.FPS_25)));
    }

    @Test
    void mediaTimeConversions() {
        // one hour of 29.97 DF is 107892 frames = 3599.9964 s: drop-frame tracks the wall clock within 3.6 ms
        Timecode hour = Timecode.parse("01:00:00;00", FrameRate.FPS_29_97_DF);
        assertEquals(3_599_996_400L, hour.toMicros());
        assertEquals(107_892, Timecode.framesForMicros(3_599_996_400L, FrameRate.FPS_29_97_DF));
        assertEquals(2_002_000, Timecode.microsForFrames(60, FrameRate.FPS_29_97_NDF));
        assertEquals(60, Timecode.framesForMicros(2_002_000, FrameRate.FPS_29_97_NDF));
        assertEquals(Timecode.parse("00:00:02:00", FrameRate.FPS_25), Timecode.ofMicros(2_000_000, FrameRate.FPS_25));
        assertEquals(3600.0, Timecode.parse("01:00:00:00", FrameRate.FPS_25).toSeconds(), 1e-9);
    }

    @Test
    void fieldAccessors() {
        Timecode tc = Timecode.parse("12:34:56;07", FrameRate.FPS_29_97_DF);
        assertEquals(12, tc.hours());
        assertEquals(34, tc.minutes());
        assertEquals(56, tc.seconds());
        assertEquals(7, tc.frame());
        assertEquals(tc, Timecode.of(12, 34, 56, 7, FrameRate.FPS_29_97_DF));
    }
}
