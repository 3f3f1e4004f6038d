package org.yingzhi.media.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.support.TestMedia;

/** The scan read from decoded pictures, for streams whose parser does not say (H.264 field pictures). */
class FieldScanIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void decodedPicturesTellInterlacedTopFirstFromProgressive() throws Exception {
        Path tff = dir.resolve("tff.m2ts");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=1920x1080:r=25:d=1", "-vf", "setfield=tff", "-c:v", "libx264",
                "-flags", "+ildct+ilme", "-x264opts", "tff=1", "-pix_fmt", "yuv420p", "-f", "mpegts", tff.toString());
        Path bff = dir.resolve("bff.mpg");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=720x576:r=25:d=1", "-vf", "setfield=bff", "-c:v", "mpeg2video",
                "-flags", "+ildct+ilme", "-top", "0", "-f", "mpeg", bff.toString());
        Path progressive = dir.resolve("p.mp4");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:r=25:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                progressive.toString());
        assertEquals("tt", FieldScan.ofFile(tff.toString()));
        assertEquals("bb", FieldScan.ofFile(bff.toString()));
        assertEquals("progressive", FieldScan.ofFile(progressive.toString()));
        assertTrue(FieldScan.undecided(null, "h264"));
        assertFalse(FieldScan.undecided("progressive", "h264"));
        assertFalse(FieldScan.undecided(null, "png"));
    }
}
