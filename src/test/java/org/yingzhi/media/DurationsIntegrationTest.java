package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.support.TestMedia;

/**
 * Which duration is trusted, for MOV/MP4, M4A and AVI alike: a file cut short keeps what can be played, with a
 * warning that names its header's length (the one exiftool and mediainfo report); an AVI whose stream headers and
 * index say nothing is as long as its main header says (as exiftool reads it); a whole file has no warning.
 */
class DurationsIntegrationTest {

    @TempDir
    Path dir;
    private final MediaToolkit toolkit = new FfmpegMediaToolkit();

    private static double exiftoolDuration(Path f) throws Exception {
        return Double.parseDouble(TestMedia.run("exiftool", "-n", "-s3", "-Duration", f.toString()).trim());
    }

    private Path cut(Path whole, String name, double keep) throws Exception {
        byte[] b = Files.readAllBytes(whole);
        return Files.write(dir.resolve(name), Arrays.copyOf(b, (int) (b.length * keep)));
    }

    @Test
    void aFileCutShortKeepsWhatCanBePlayedAndSaysTheHeadersLength() throws Exception {
        Path mov = dir.resolve("whole.mov");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:r=30:d=5", "-f", "lavfi", "-i", "sine=d=5", "-c:v",
                "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", mov.toString());
        Path m4a = dir.resolve("whole.m4a");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "sine=d=5", "-c:a", "aac", "-movflags", "+faststart", m4a.toString());
        for (Path whole : new Path[] {mov, m4a}) {
            MediaInfo w = ProbeMapper.map(toolkit.probe(whole));
            assertEquals(5.0, w.durationSeconds(), 0.05, whole.getFileName().toString());
            assertTrue(w.warnings().isEmpty(), whole.getFileName() + ": " + w.warnings());

            Path cut = cut(whole, "cut-" + whole.getFileName(), 0.4);
            MediaInfo c = ProbeMapper.map(toolkit.probe(cut));
            double header = exiftoolDuration(cut);
            assertEquals(5.0, header, 0.05, "exiftool reads the header's length");
            assertTrue(c.durationSeconds() != null && c.durationSeconds() > 0.05 && c.durationSeconds() < 4.0, cut.getFileName() + ": " + c.durationSeconds());
            String warning = String.join("; ", c.warnings());
            assertTrue(warning.contains("the file is cut short: its header says " + String.format(java.util.Locale.ROOT, "%.3f", header)),
                    cut.getFileName() + ": " + warning);
            // the proxy of what is there lasts what the catalog says (so its step is not failed as short)
            if (whole == mov) {
                MediaToolkit.ProxyResult p = toolkit.transcodeProxy(cut, dir.resolve("cut-proxy.mp4"),
                        org.yingzhi.media.spec.ProxySpec.DEFAULT, null);
                assertEquals(c.durationSeconds(), p.durationMicros() / 1e6, 0.1, "proxy of the cut file");
            }
        }
    }

    /** An MJPEG camera AVI whose stream length and index are missing: 25 s by its main header. */
    @Test
    void anAviWithoutStreamLengthsTakesItsMainHeader() throws Exception {
        Path avi = dir.resolve("cam.avi");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:r=25:d=25", "-c:v", "mjpeg", "-q:v", "10", "-an",
                avi.toString());
        byte[] b = Files.readAllBytes(avi);
        int strh = indexOf(b, "strh");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(strh + 8 + 32, 0); // dwLength
        int idx1 = indexOf(b, "idx1");
        if (idx1 > 0) {
            System.arraycopy("JUNK".getBytes(), 0, b, idx1, 4);
        }
        Path bare = Files.write(dir.resolve("cam-bare.avi"), b);
        assertTrue(TestMedia.ffprobe("-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", bare.toString())
                .contains("N/A"), "ffprobe finds no duration");
        MediaInfo m = ProbeMapper.map(toolkit.probe(bare));
        assertEquals(exiftoolDuration(bare), m.durationSeconds(), 0.001);
        assertEquals(25.0, m.durationSeconds(), 0.001);
        assertTrue(String.join("; ", m.warnings()).contains("taken from the AVI main header (25.000 s)"), m.warnings().toString());
        MediaInfo whole = ProbeMapper.map(toolkit.probe(avi));
        assertEquals(25.0, whole.durationSeconds(), 0.05);
    }

    private static int indexOf(byte[] b, String s) {
        byte[] w = s.getBytes();
        outer:
        for (int i = 0; i + w.length <= b.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (b[i + j] != w[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
