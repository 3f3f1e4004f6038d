package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.support.Samples;

/** The real FFmpeg natives on the real samples. */
class FfmpegMediaToolkitIntegrationTest {

    private final MediaToolkit toolkit = new FfmpegMediaToolkit();

    @Test
    void readsTheTimecodeTrackOfAQuickTimeFile() {
        RawProbe p = toolkit.probe(Samples.get("clip-2997df.mov"));
        assertEquals(3, p.streams().size());
        RawProbe.Tmcd t = p.tmcd();
        assertEquals(2, t.streamIndex());
        assertEquals(1, t.flags() & 1, "drop-frame flag");
        assertEquals(30000, t.timescale());
        assertEquals(1001, t.frameDuration());
        assertEquals(30, t.framesPerSecond());
        assertEquals(109_672L, t.counter());
        assertEquals("01:00:59;10", p.streams().get(0).tags().get("timecode"));
        assertEquals(57_985, p.fileSize());
    }

    @Test
    void readsTmcdWrittenIntoMp4() {
        RawProbe p = toolkit.probe(Samples.get("clip-25ndf.mp4"));
        assertEquals(0, p.tmcd().flags() & 1);
        assertEquals(900_000L, p.tmcd().counter());
        assertEquals("Nyingchi aid project opening", p.tags().get("title"));
    }

    @Test
    void filesThatAreNotMediaFailWithTheReason() {
        MediaException e = assertThrows(MediaException.class, () -> toolkit.probe(Samples.get("corrupt-truncated.mp4")));
        assertTrue(e.getMessage().startsWith("cannot open as media"), e.getMessage());
        assertThrows(MediaException.class, () -> toolkit.probe(Samples.get("not-a-video.mp4")));
        assertThrows(MediaException.class, () -> toolkit.probe(Samples.DIR.resolve("does-not-exist.mov")));
    }

    /** A WAV header followed by 300 MB of zeros makes FFmpeg walk empty chunks for a long time: the deadline stops it. */
    @Test
    void aProbeThatRunsTooLongIsGivenUp(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = dir.resolve("endless.wav");
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(Samples.get("tone.wav")), 12);
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(bad.toFile(), "rw")) {
            f.write(head);
            f.setLength(300L * 1024 * 1024);
        }
        MediaToolkit quick = new FfmpegMediaToolkit(java.time.Duration.ofMillis(300));
        long t0 = System.nanoTime();
        MediaException e = assertThrows(MediaException.class, () -> quick.probe(bad));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(e.getMessage().contains("took longer than 0.3 s"), e.getMessage());
        assertTrue(ms < 5_000, "gave up after " + ms + " ms");
        assertEquals(3, quick.probe(Samples.get("clip-2997df.mov")).streams().size(), "normal files are unaffected");
    }

    @Test
    void picturesOfEveryPixelFormatDecode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // gray JPEG, a 16x16 JPEG, a 32x24 PNG, 16-bit TIFF, JPEG 2000 and DPX, made by the bundled ffmpeg
        String[][] made = {{"gray.jpg", "-pix_fmt", "gray"}, {"tiny.jpg", "-s", "16x16"}, {"tiny.png", "-s", "32x24"},
            {"deep.tif", "-pix_fmt", "rgb48le"}, {"master.jp2", "-c:v", "jpeg2000"}, {"film.dpx", "-c:v", "dpx"}};
        for (String[] m : made) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-y", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=1:duration=1", "-frames:v", "1"));
            args.addAll(java.util.Arrays.asList(m).subList(1, m.length));
            args.add(dir.resolve(m[0]).toString());
            org.yingzhi.support.TestMedia.ffmpeg(args.toArray(String[]::new));
            java.awt.image.BufferedImage img = toolkit.decodeImage(dir.resolve(m[0]));
            org.junit.jupiter.api.Assertions.assertTrue(img.getWidth() > 0 && img.getHeight() > 0, m[0]);
            org.yingzhi.media.PhotoDecoder.Decoded d = org.yingzhi.media.PhotoDecoder.decode(dir.resolve(m[0]), toolkit);
            org.junit.jupiter.api.Assertions.assertEquals(img.getWidth(), d.image().getWidth(), m[0] + " via " + d.via());
            if (d.via().startsWith("imageio")) {
                // the same pixels both ways: FFmpeg's padded lines were copied right
                long diff = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int p = img.getRGB(x, y);
                        int q = d.image().getRGB(x, y);
                        diff += Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
                                + Math.abs((p & 255) - (q & 255));
                    }
                }
                double mean = diff / (3.0 * img.getWidth() * img.getHeight());
                org.junit.jupiter.api.Assertions.assertTrue(mean < 6, m[0] + ": mean difference " + mean);
            }
        }
    }

    /**
     * A range copied packet for packet: the same codecs and picture size, no re-encoding (every packet of the range
     * is there), starting at a keyframe at or before the in-point, readable by ffprobe and by our own probe, with
     * the length of the range.
     */
    @Test
    void aRangeIsCopiedPacketForPacket(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path in = Samples.get("clip-25ndf.mp4"); // 2 s at 25 fps with AAC audio
        java.nio.file.Path out = dir.resolve("sub.mp4");
        MediaToolkit.CopyResult r = toolkit.copyRange(in, out, 500_000, 1_500_000);
        assertTrue(r.startMicros() <= 500_000 && r.startMicros() >= 0, "starts at a keyframe at or before the in-point: " + r);
        assertTrue(r.endMicros() >= 1_400_000 && r.endMicros() <= 1_600_000, r.toString());
        org.yingzhi.media.RawProbe source = toolkit.probe(in);
        org.yingzhi.media.RawProbe copy = toolkit.probe(out);
        java.util.function.Function<org.yingzhi.media.RawProbe, List<String>> av = p -> p.streams().stream()
                .filter(st -> st.type().equals("video") || st.type().equals("audio")).map(st -> st.codec()).toList();
        assertEquals(List.of("h264", "aac"), av.apply(source));
        assertEquals(av.apply(source), av.apply(copy), "the same codecs (the timecode track is the subclip's own job)");
        var sv = source.streams().stream().filter(st -> st.type().equals("video")).findFirst().orElseThrow();
        var cv = copy.streams().stream().filter(st -> st.type().equals("video")).findFirst().orElseThrow();
        assertEquals(List.of(sv.width(), sv.height()), List.of(cv.width(), cv.height()));
        double seconds = Double.parseDouble(org.yingzhi.support.TestMedia.ffprobe("-v", "error", "-show_entries",
                "format=duration", "-of", "default=nw=1:nk=1", out.toString()).strip());
        double expected = (1_500_000 - r.startMicros()) / 1e6;
        assertTrue(Math.abs(seconds - expected) < 0.15, "ffprobe: " + seconds + " s, range from the keyframe " + expected + " s");
        assertThrows(MediaException.class, () -> toolkit.copyRange(in, dir.resolve("x.mp4"), 1_000_000, 1_000_000));
    }
}
