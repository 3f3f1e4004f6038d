package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Samples;

class ContentSnifferTest {

    private static ContentSniffer.Detected sniff(String sample) throws Exception {
        return ContentSniffer.detect(Files.readAllBytes(Samples.get(sample))).orElseThrow();
    }

    @Test
    void recognisesTheSamplesByContent() throws Exception {
        assertEquals("mov", sniff("clip-2997df.mov").format());
        assertEquals(AssetType.VIDEO, sniff("clip-2997df.mov").type());
        assertEquals("mp4", sniff("clip-25ndf.mp4").format());
        assertEquals(AssetType.AUDIO, sniff("tone.wav").type());
        assertEquals("mp3", sniff("tone.mp3").format());
        assertEquals(AssetType.PHOTO, sniff("photo-lhasa.jpg").type());
        assertEquals("mp4", sniff("corrupt-truncated.mp4").format(), "a cut file still looks like MP4");
    }

    @Test
    void textIsNotMediaWhateverItsName() throws Exception {
        byte[] text = Files.readAllBytes(Samples.get("not-a-video.mp4"));
        assertTrue(ContentSniffer.detect(text).isEmpty());
        assertEquals("the content is text, not media", ContentSniffer.describe(text));
        assertEquals("the file is empty", ContentSniffer.describe(new byte[0]));
        assertTrue(ContentSniffer.describe(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8}).contains("00 01 02 03"));
    }

    @Test
    void broadcastContainersFromTheirMagic() {
        byte[] mxf = {0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0D, 0x01, 0x02, 0x01};
        assertEquals("mxf", ContentSniffer.detect(mxf).orElseThrow().format());
        byte[] ts = new byte[600];
        ts[0] = 0x47;
        ts[188] = 0x47;
        ts[376] = 0x47;
        assertEquals("mpegts", ContentSniffer.detect(ts).orElseThrow().format());
        byte[] mkv = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0};
        assertEquals(AssetType.VIDEO, ContentSniffer.detect(mkv).orElseThrow().type());
        byte[] heic = "\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(AssetType.PHOTO, ContentSniffer.detect(heic).orElseThrow().type());
        byte[] m4a = "\0\0\0\u0018ftypM4A ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(AssetType.AUDIO, ContentSniffer.detect(m4a).orElseThrow().type());
        byte[] qt = "\0\0\0\u0014ftypqt  ".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("mov", ContentSniffer.detect(qt).orElseThrow().format());
        byte[] bwf = "RIFF\0\0\0\0WAVEbext".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("wav", ContentSniffer.detect(bwf).orElseThrow().format());
        assertTrue(ContentSniffer.detect("RIFF\0\0\0\0XXXX".getBytes(StandardCharsets.ISO_8859_1)).isEmpty());
    }
}
