package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.RoughCutSpec;
import org.yingzhi.support.BurnIn;
import org.yingzhi.support.Samples;
import org.yingzhi.support.TestMedia;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * A rough cut of two proxy ranges on a 29.97 drop-frame record grid, one of them a 25 fps clip: it lasts the cut's
 * record frames exactly (ffprobe counts them), and the timecode burnt into a chosen record frame is the source
 * timecode of the frame shown there, as the same drawtext settings draw it by themselves (the nearest of the
 * neighbouring labels, compared where the text is).
 */
class RoughCutIntegrationTest {

    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private final MediaToolkit toolkit = new FfmpegMediaToolkit();

    @Test
    void theRenderLastsTheCutAndShowsEachFramesSourceTimecode(@TempDir Path dir) throws Exception {
        Path dfProxy = dir.resolve("df.mp4");
        Path palProxy = dir.resolve("pal.mp4");
        toolkit.transcodeProxy(Samples.get("clip-2997df.mov"), dfProxy, ProxySpec.DEFAULT, "01:00:59;10");
        toolkit.transcodeProxy(Samples.get("clip-25ndf.mp4"), palProxy, ProxySpec.DEFAULT, "10:00:00:00");
        Path title1 = Files.writeString(dir.resolve("t1.txt"), "拉萨市人民医院门诊楼 落成");
        Path title2 = Files.writeString(dir.resolve("t2.txt"), "喀什 援疆项目");
        FrameRate df = FrameRate.FPS_29_97_DF;
        FrameRate pal = FrameRate.FPS_25;
        // entry 1: 23 frames from 01:00:59;25 (frame 15); entry 2: 25 frames (1 s) from 10:00:00:05 -> 30 record frames
        List<RoughCutSpec.Segment> segments = List.of(
                new RoughCutSpec.Segment(dfProxy, null, Timecode.microsForFrames(15, df), df, "01:00:59;25", 23, 23, title1),
                new RoughCutSpec.Segment(palProxy, null, Timecode.microsForFrames(5, pal), pal, "10:00:00:05", 25, 30, title2));
        RoughCutSpec spec = RoughCutSpec.of(df, FONT, segments);
        Path out = dir.resolve("rough.mp4");
        List<Long> progress = new ArrayList<>();
        MediaToolkit.RenderResult r = toolkit.renderRoughCut(spec, out, progress::add);
        assertEquals(53, r.frames());
        assertTrue(!progress.isEmpty() && progress.get(progress.size() - 1) == 53, progress.toString());

        String probe = TestMedia.ffprobe("-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames,r_frame_rate,width,height", "-of", "compact", out.toString());
        assertTrue(probe.contains("nb_read_frames=53") && probe.contains("r_frame_rate=30000/1001")
                && probe.contains("width=640") && probe.contains("height=360"), probe);
        double seconds = Double.parseDouble(TestMedia.ffprobe("-v", "error", "-show_entries", "format=duration",
                "-of", "default=nw=1:nk=1", out.toString()).strip());
        assertEquals(53 / df.fps(), seconds, 1 / df.fps(), "the render lasts the cut within one frame");

        // record frame 40 is entry 2's 18th record frame: the source frame on screen then is 10:00:00:05 + 14
        BufferedImage rendered = BurnIn.frame(out, 40, dir);
        String expected = "10:00:00:19";
        double same = BurnIn.difference(rendered, BurnIn.reference(spec, expected, pal, dir));
        for (String neighbour : List.of("10:00:00:18", "10:00:00:20")) {
            double other = BurnIn.difference(rendered, BurnIn.reference(spec, neighbour, pal, dir));
            assertTrue(same < other, "the burnt-in timecode is " + expected + " (difference " + same + "), not "
                    + neighbour + " (" + other + ")");
        }
        assertTrue(same < 12, "and looks as drawtext draws it: mean difference " + same);
    }

}
