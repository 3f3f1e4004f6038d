package org.yingzhi.timecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameRateTest {

    @Test
    void parsesDecimalAndRationalForms() {
        assertEquals(FrameRate.FPS_29_97_NDF, FrameRate.parse("29.97"));
        assertEquals(FrameRate.FPS_29_97_DF, FrameRate.parse("29.97 DF"));
        assertEquals(FrameRate.FPS_29_97_DF, FrameRate.parse("30000/1001;DF"));
        assertEquals(FrameRate.FPS_29_97_NDF, FrameRate.parse("29.97NDF"));
        assertEquals(FrameRate.FPS_23_976, FrameRate.parse("23.976"));
        assertEquals(FrameRate.FPS_23_976, FrameRate.parse("23.98"));
        assertEquals(FrameRate.FPS_59_94_DF, FrameRate.parse("59.94DF"));
        assertEquals(FrameRate.FPS_25, FrameRate.parse("25"));
        assertEquals(FrameRate.FPS_25, FrameRate.parse("12800/512"));
        assertEquals(FrameRate.of(15, 1), FrameRate.parse("15"));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse("0"));
    }

    @Test
    void dropFrameOnlyAtNtscRates() {
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(25, 1, true));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse("24000/1001 DF"));
        assertTrue(FrameRate.FPS_59_94_NDF.supportsDropFrame());
        assertFalse(FrameRate.FPS_30.supportsDropFrame());
    }

    @Test
    void countingBaseAndLabels() {
        assertEquals(30, FrameRate.FPS_29_97_DF.timecodeBase());
        assertEquals(24, FrameRate.FPS_23_976.timecodeBase());
        assertEquals(60, FrameRate.FPS_59_94_DF.timecodeBase());
        assertEquals(2, FrameRate.FPS_29_97_DF.droppedPerMinute());
        assertEquals(4, FrameRate.FPS_59_94_DF.droppedPerMinute());
        assertEquals("29.97 DF", FrameRate.FPS_29_97_DF.toString());
        assertEquals("23.976", FrameRate.FPS_23_976.toString());
        assertEquals("25", FrameRate.FPS_25.toString());
        assertEquals("30000/1001", FrameRate.FPS_29_97_DF.rational());
        assertEquals(FrameRate.FPS_29_97_NDF, FrameRate.fromDouble(29.97002997, false));
        assertTrue(FrameRate.FPS_24.compareTo(FrameRate.FPS_25) < 0);
    }
}
