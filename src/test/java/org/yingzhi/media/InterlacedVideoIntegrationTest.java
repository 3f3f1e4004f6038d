package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.support.TestMedia;

/**
 * Interlaced tape-era video (576i MPEG-2 and DV, both field orders) gets progressive derivatives: a white bar
 * moving fast across black is recorded as real interlaced video (two fields from two instants, woven into one
 * frame, so a naive scale shows the "comb" of alternating lines on its edges). The proxy, thumbnails and sprite
 * tiles must show no comb; a plain scale of the same frame, made with the ffmpeg executable, must show it, so the
 * measure is known to see combing.
 */
class InterlacedVideoIntegrationTest {

    @TempDir
    static Path dir;
    static Path tff;
    static Path bff;
    static Path wideDv;
    static Path avchd;
    static Path elementary;
    static Path hdv;

    private final MediaToolkit toolkit = new FfmpegMediaToolkit();

    /** A 50 fields/s source with a bar moving 600 px/s, woven into 25 interlaced frames/s. */
    static Path interlaced(String name, String weave, String setfield, String... codec) throws Exception {
        return interlaced(name, 720, 576, 2, weave, setfield, codec);
    }

    static Path interlaced(String name, int w, int h, int seconds, String weave, String setfield, String... codec)
            throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("-y", "-f", "lavfi", "-i",
                "color=c=black:s=" + w + "x" + h + ":r=50:d=" + seconds + "[bg];color=c=white:s=80x" + h + ":r=50:d="
                        + seconds + "[bar];[bg][bar]overlay=x='mod(t*" + 600 * w / 720 + "," + (w - 80) + ")':y=0,tinterlace=mode=" + weave
                        + ",setfield=" + setfield));
        args.addAll(List.of(codec));
        args.add(out.toString());
        TestMedia.ffmpeg(args.toArray(String[]::new));
        return out;
    }

    @BeforeAll
    static void make() throws Exception {
        tff = interlaced("tff.mpg", "interleave_top", "tff", "-c:v", "mpeg2video", "-flags", "+ildct+ilme", "-top", "1",
                "-b:v", "8M", "-pix_fmt", "yuv420p");
        bff = interlaced("bff.dv", "interleave_bottom", "bff", "-c:v", "dvvideo", "-pix_fmt", "yuv420p", "-f", "dv");
        // 1080i50 as camcorders record it: H.264 field-coded (x264 MBAFF, top field first) in M2TS, the same
        // stream bare (whose VUI counts 50 ticks a second), and HDV-style MPEG-2 1080i in a transport stream
        avchd = interlaced("avchd.m2ts", 1920, 1080, 1, "interleave_top", "tff", "-c:v", "libx264", "-flags",
                "+ildct+ilme", "-x264opts", "tff=1", "-pix_fmt", "yuv420p", "-f", "mpegts", "-mpegts_m2ts_mode", "1");
        elementary = dir.resolve("avchd.h264");
        TestMedia.ffmpeg("-y", "-i", avchd.toString(), "-c", "copy", "-f", "h264", elementary.toString());
        hdv = interlaced("hdv.m2t", 1440, 1080, 1, "interleave_top", "tff", "-c:v", "mpeg2video", "-flags",
                "+ildct+ilme", "-top", "1", "-aspect", "16:9", "-b:v", "20M", "-f", "mpegts");
        wideDv = dir.resolve("wide.dv");
        TestMedia.ffmpeg("-y", "-f", "lavfi", "-i", "testsrc=s=720x576:r=25:d=1", "-aspect", "16:9", "-pix_fmt",
                "yuv420p", "-c:v", "dvvideo", "-f", "dv", wideDv.toString());
    }

    /**
     * Share of pixels (of luma) that differ by more than 40 from both lines above and below in the same direction
     * while those two agree: the signature of woven fields.
     */
    static double comb(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int combed = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 0; x < w; x++) {
                int a = luma(img.getRGB(x, y - 1));
                int b = luma(img.getRGB(x, y));
                int c = luma(img.getRGB(x, y + 1));
                if ((b - a) * (b - c) > 1600 && Math.abs(a - c) < 40) {
                    combed++;
                }
            }
        }
        return combed / (double) (w * (h - 2));
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
    }

    private static BufferedImage ffmpegFrame(Path in, String filter) throws Exception {
        Path png = Files.createTempFile(dir, "ref", ".png");
        TestMedia.ffmpeg("-y", "-i", in.toString(), "-ss", "0.52", "-frames:v", "1", "-vf", filter, "-update", "1",
                png.toString());
        return ImageIO.read(png.toFile());
    }

    @Test
    void theFieldOrderIsReadAndStandardDefinitionDvIsInterlaced() {
        MediaInfo mpeg = ProbeMapper.map(toolkit.probe(tff));
        assertEquals("tt", mpeg.streams().get(0).fieldOrder());
        assertEquals(Boolean.TRUE, mpeg.streams().get(0).interlaced());
        MediaInfo dv = ProbeMapper.map(toolkit.probe(bff));
        assertEquals(Boolean.TRUE, dv.streams().get(0).interlaced(), "DV: " + dv.streams().get(0));
        MediaInfo wide = ProbeMapper.map(toolkit.probe(wideDv));
        assertEquals("64:45", wide.streams().get(0).sampleAspectRatio());
        assertEquals("16:9", wide.streams().get(0).displayAspectRatio());
        // the display aspect comes from the pixel aspect: 720x576 anamorphic is 16:9 on screen
        BufferedImage thumb = toolkit.framesAt(wideDv, List.of(200_000L), 320).get(0);
        assertEquals(180, thumb.getHeight());
    }

    /**
     * 1080i50 is 25 interlaced frames a second, top field first, whatever rate the container or the H.264 timing
     * ticks give; its timecode counts 25 frames.
     */
    @Test
    void fieldCodedHdIsTwentyFiveInterlacedFramesTopFieldFirst() throws Exception {
        for (Path src : List.of(avchd, elementary, hdv)) {
            MediaInfo info = ProbeMapper.map(toolkit.probe(src));
            MediaInfo.MediaStream v = info.streams().stream().filter(s -> s.kind().equals("video")).findFirst().orElseThrow();
            assertEquals("25/1", v.frameRate(), src.getFileName() + ": " + v);
            assertEquals(Boolean.TRUE, v.interlaced(), src.getFileName() + ": " + v);
            assertEquals("tt", v.fieldOrder(), src.getFileName() + ": " + v);
            // the reference tools agree
            // mediainfo agrees on the scan (it gives no rate for the transport streams and guesses one for the bare
            // stream from its bit rate, so the rate is not compared)
            String mediainfo = TestMedia.run("mediainfo", "--Inform=Video;%ScanType% %ScanOrder%", src.toString()).trim();
            assertTrue(mediainfo.matches("(Interlaced|MBAFF) TFF"), src.getFileName() + ": mediainfo says " + mediainfo);
        }
        // the bare stream's VUI ticks 50 a second: ffprobe's base rate is the field rate
        String ffprobe = TestMedia.ffprobe("-v", "error", "-show_entries", "stream=r_frame_rate,avg_frame_rate",
                "-of", "csv=p=0", elementary.toString()).trim();
        assertEquals("50/1,25/1", ffprobe);
    }

    @Test
    void theProxyOfAnInterlacedClipShowsNoComb() throws Exception {
        for (Path src : List.of(tff, bff)) {
            int h = ProxySpec.DEFAULT.heightFor(720, 576, 1.0);
            double naive = comb(ffmpegFrame(src, "scale=640:" + h));
            double reference = comb(ffmpegFrame(src, "bwdif=deint=all,scale=640:" + h));
            assertTrue(naive > 0.005, src.getFileName() + ": the measure must see the comb of a plain scale: " + naive);
            assertTrue(reference < naive / 10, src.getFileName() + ": ffmpeg's own deinterlace leaves " + reference);

            Path proxy = dir.resolve(src.getFileName() + ".proxy.mp4");
            MediaToolkit.ProxyResult r = toolkit.transcodeProxy(src, proxy, ProxySpec.DEFAULT, null);
            assertEquals(50, r.videoFrames(), "one progressive frame per interlaced frame");
            double ours = comb(ffmpegFrame(proxy, "null"));
            assertTrue(ours < naive / 10, src.getFileName() + ": the proxy is combed (" + ours + " vs plain scale " + naive + ")");

            BufferedImage still = toolkit.framesAt(src, List.of(520_000L), 640).get(0);
            double stillComb = comb(still);
            assertTrue(stillComb < naive / 10, src.getFileName() + ": a thumbnail is combed: " + stillComb + " vs " + naive);
        }
    }

    /**
     * A 1080i proxy has one progressive frame per interlaced frame (25 a second, not 50). Scaled from 1080 to 360
     * lines the comb of woven fields averages out, so the comb measure cannot judge HD; that the transcoder
     * deinterlaces what the probe calls interlaced is what the SD case shows.
     */
    @Test
    void anHdInterlacedProxyHasOneFramePerInterlacedFrame() throws Exception {
        for (Path src : List.of(avchd, hdv)) {
            Path proxy = dir.resolve(src.getFileName() + ".proxy.mp4");
            MediaToolkit.ProxyResult r = toolkit.transcodeProxy(src, proxy, ProxySpec.DEFAULT, null);
            assertEquals(25, r.videoFrames(), src.getFileName() + ": " + r);
            String rate = TestMedia.ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries",
                    "stream=avg_frame_rate,field_order", "-of", "csv=p=0", proxy.toString()).trim();
            assertEquals("progressive,25/1", rate, src.getFileName().toString());
        }
    }
}
