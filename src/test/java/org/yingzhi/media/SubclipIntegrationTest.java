package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.support.Samples;
import org.yingzhi.support.TestMedia;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * A lossless subclip of the 29.97 drop-frame sample (H.264 High with B-frames, keyframes every 30 frames), cut
 * between keyframes: no re-encode (the same codec, profile, size and the packets' bytes), every frame shown is one
 * of the source's frames in order (ffmpeg framemd5 of each decoded picture), exactly the range's frames (the edit
 * list starts at the in-point and, after the box work, ends at the out-point), and its timecode track reads the
 * in-point, not the source's start.
 */
class SubclipIntegrationTest {

    private final MediaToolkit toolkit = new FfmpegMediaToolkit();

    private static List<String> frameHashes(Path file, Path dir, String name) throws Exception {
        Path out = dir.resolve(name + ".framemd5");
        TestMedia.ffmpeg("-i", file.toString(), "-map", "0:v:0", "-f", "framemd5", out.toString());
        return Files.readAllLines(out).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(l.lastIndexOf(',') + 1).strip()).toList();
    }

    @Test
    void aSubclipIsTheSourcesOwnFramesFromTheInPointWithItsOwnTimecode(@TempDir Path dir) throws Exception {
        Path in = Samples.get("clip-2997df.mov"); // 60 frames from 01:00:59;10
        FrameRate rate = FrameRate.FPS_29_97_DF;
        int from = 23;
        int frames = 15;
        long fromMicros = Timecode.microsForFrames(from, rate);
        long toMicros = Timecode.microsForFrames(from + frames, rate);
        String tc = Timecode.parse("01:00:59;10", rate).plusFrames(from).toString();
        assertEquals("01:01:00;05", tc, "the in-point's label: ;00 and ;01 of minute 1 are dropped");
        Path out = dir.resolve("sub.mov");

        MediaToolkit.SubclipResult r = toolkit.subclip(in, out, new MediaToolkit.SubclipSpec(fromMicros, toMicros, tc,
                Map.of("comment", "yingzhi asset 64b0c0ffee0000000000df01", "copyright", "© 援藏工作队")));
        assertEquals(0, r.keyframeMicros(), "the keyframe before frame 23 is frame 0");
        assertTrue(Mp4Edits.trimTo(out, toMicros - fromMicros), "the edit lists end at the out-point");

        List<String> source = frameHashes(in, dir, "source");
        assertEquals(60, source.size());
        List<String> sub = frameHashes(out, dir, "sub");
        assertEquals(source.subList(from, from + frames), sub,
                "the subclip shows the source's frames " + from + " to " + (from + frames - 1) + ", decoded cleanly");

        String probe = TestMedia.ffprobe("-v", "error", "-show_entries",
                "stream=codec_type,codec_name,profile,width,height,pix_fmt,has_b_frames:stream_tags=timecode:format_tags=comment,copyright",
                "-of", "compact", out.toString());
        String sourceProbe = TestMedia.ffprobe("-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_type,codec_name,profile,width,height,pix_fmt,has_b_frames", "-of", "compact", in.toString());
        assertTrue(probe.contains(sourceProbe.strip().replace("stream|", "stream|")), probe + "\nvs\n" + sourceProbe);
        assertTrue(probe.contains("timecode=01:01:00;05"), probe);
        assertTrue(!probe.contains("timecode=01:00:59;10"), "not the source's start: " + probe);
        assertTrue(probe.contains("copyright=© 援藏工作队"), probe);

        List<Mp4Edits.Track> tracks = Mp4Edits.read(out);
        Mp4Edits.Track video = tracks.stream().filter(t -> t.handler().equals("vide")).findFirst().orElseThrow();
        double[] edit = video.edits().get(video.edits().size() - 1);
        assertEquals(fromMicros / 1e6, edit[0], 0.07, "the edit starts at the in-point (plus the B-frame delay)");
        assertEquals(frames / rate.fps(), edit[1], 0.0011, "and lasts the range");
    }
}
