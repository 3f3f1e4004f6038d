package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FieldOrderTest {

    @Test
    void theDisplayedFieldOrderDecidesTheParity() {
        assertEquals("tff", FieldOrder.of("tt", "mpeg2video", 576).parity());
        assertEquals("bff", FieldOrder.of("bb", "h264", 1080).parity());
        assertEquals("bff", FieldOrder.of("tb", "mpeg2video", 480).parity(), "top coded first, bottom shown first");
        assertEquals("tff", FieldOrder.of("bt", "mpeg2video", 480).parity());
        assertEquals(FieldOrder.PROGRESSIVE, FieldOrder.of("progressive", "dvvideo", 576));
    }

    @Test
    void unmarkedStandardDefinitionDvIsBottomFieldFirstAndOtherUnmarkedVideoProgressive() {
        assertEquals(FieldOrder.BOTTOM_FIRST, FieldOrder.of(null, "dvvideo", 576));
        assertEquals(FieldOrder.BOTTOM_FIRST, FieldOrder.of(null, "dvvideo", 480));
        assertEquals(FieldOrder.PROGRESSIVE, FieldOrder.of(null, "dvvideo", 1080));
        assertEquals(FieldOrder.PROGRESSIVE, FieldOrder.of(null, "h264", 576));
    }
}
