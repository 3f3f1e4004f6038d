package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.PreviewSpec;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.SpriteSpec;
import org.yingzhi.media.spec.ThumbnailSpec;
import org.yingzhi.media.spec.WaveformSpec;

/** FFmpeg settings are data: checked here without running FFmpeg. */
class SpecsTest {

    @Test
    void proxyKeepsAspectAndKeyframeInterval() {
        ProxySpec p = ProxySpec.DEFAULT;
        assertEquals(360, p.heightFor(1920, 1080, 1.0));
        assertEquals(480, p.heightFor(320, 240, 1.0));
        assertEquals(360, p.heightFor(720, 576, 64.0 / 45.0), "PAL 16:9 anamorphic");
        assertEquals(480, p.heightFor(720, 576, 16.0 / 15.0), "PAL 4:3");
        assertEquals(360, p.heightFor(1440, 1080, 4.0 / 3.0), "HDV");
        assertEquals(50, p.gopFrames(25));
        assertEquals(60, p.gopFrames(30000 / 1001.0));
        assertEquals(120, p.gopFrames(60));
        assertEquals(Map.of("crf", "28", "preset", "veryfast", "threads", "2"), p.videoOptions());
        assertEquals("+faststart", p.muxerOptions().get("movflags"));
        assertThrows(IllegalArgumentException.class, () -> new ProxySpec(641, 28, "veryfast", 2, 2, 96_000, 2));
        assertThrows(IllegalArgumentException.class, () -> new ProxySpec(640, 60, "veryfast", 2, 2, 96_000, 2));
    }

    @Test
    void proxyAsFfmpegArgumentsIsTheSameEncode() {
        List<String> a = ProxySpec.DEFAULT.ffmpegArgs("in.mov", "out.mp4", 360, 25, 6, "10:00:00:00");
        String s = String.join(" ", a);
        assertTrue(s.contains("-vf scale=640:360"), s);
        assertTrue(s.contains("-c:v libx264 -crf 28 -preset veryfast -g 50"), s);
        assertTrue(s.contains("-c:a aac -b:a 96000 -ac 2"), "at most two channels: " + s);
        assertTrue(s.contains("-movflags +faststart"), s);
        assertTrue(s.contains("-timecode 10:00:00:00"), s);
        assertEquals("out.mp4", a.get(a.size() - 1));
    }

    @Test
    void spriteTilesAndWebVtt() {
        SpriteSpec s = new SpriteSpec(4, 2, 160, 0.8f);
        assertEquals(2, s.rows());
        assertEquals(List.of(500_000L, 1_500_000L, 2_500_000L, 3_500_000L), s.tileTimes(4_000_000));
        String vtt = s.webVtt("sprite", 4_000_000, 90);
        assertTrue(vtt.startsWith("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nsprite#xywh=0,0,160,90\n"), vtt);
        assertTrue(vtt.contains("4\n00:00:03.000 --> 00:00:04.000\nsprite#xywh=160,90,160,90\n"), vtt);
        assertEquals(4, vtt.split("-->").length - 1);
        assertEquals(4, SpriteSpec.DEFAULT.rows());
    }

    @Test
    void waveformWindows() {
        WaveformSpec w = WaveformSpec.DEFAULT;
        assertEquals(4800, w.samplesPerWindow(48_000));
        assertEquals(4410, w.samplesPerWindow(44_100));
        assertEquals(21, w.windowsFor(2_002_000));
        assertEquals(30, w.windowsFor(3_000_000));
    }

    @Test
    void thumbnailsPreviewsAudioAndScenes() {
        ThumbnailSpec t = ThumbnailSpec.DEFAULT;
        assertEquals(200_000, t.posterMicros(2_000_000));
        assertEquals(10_000_000, t.posterMicros(3_600_000_000L), "never further in than 10 s");
        assertEquals(320, t.nearest(300));
        assertEquals(640, t.nearest(5000));
        assertArrayEquals(new int[] {512, 384}, PreviewSpec.fit(640, 480, 512));
        assertArrayEquals(new int[] {384, 512}, PreviewSpec.fit(480, 640, 512));
        assertArrayEquals(new int[] {640, 480}, PreviewSpec.fit(640, 480, 2048), "never enlarged");
        assertEquals(2048, PreviewSpec.DEFAULT.nearest(4000));
        assertEquals(2, AudioProxySpec.DEFAULT.channelsFor(6));
        assertEquals(1, AudioProxySpec.DEFAULT.channelsFor(1));
        assertThrows(IllegalArgumentException.class, () -> new SceneSpec(64, 1.5, 400));
    }
}
