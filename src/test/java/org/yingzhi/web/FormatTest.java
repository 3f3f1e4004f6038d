package org.yingzhi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the tech panel says, as a broadcaster would: rates, bit rates, plain codec and container names. */
class FormatTest {

    private final Format fmt = new Format();

    @Test
    void frameRatesAreSaidAsBroadcastersSayThem() {
        assertEquals("25", fmt.frameRate("25/1"));
        assertEquals("29.97", fmt.frameRate("30000/1001"));
        assertEquals("59.94", fmt.frameRate("60000/1001"));
        assertEquals("23.976", fmt.frameRate("24000/1001"));
        assertEquals("50", fmt.frameRate("50/1"));
        assertEquals("12.5", fmt.frameRate("25/2"));
    }

    @Test
    void bitRatesAndNames() {
        assertEquals("1,536 kb/s", fmt.bitRate(1_536_000L));
        assertEquals("28.8 Mb/s", fmt.bitRate(28_800_000L));
        assertEquals("", fmt.bitRate(null));
        assertEquals("H.264 / AVC", fmt.codec("h264"));
        assertEquals("DV", fmt.codec("dvvideo"));
        assertEquals("some_codec", fmt.codec("some_codec"));
        assertEquals("QuickTime / MOV", fmt.container("mov,mp4,m4a,3gp,3g2,mj2", "QuickTime / MOV"));
        assertEquals("mov", fmt.container("mov,mp4,m4a,3gp,3g2,mj2", null));
    }
}
