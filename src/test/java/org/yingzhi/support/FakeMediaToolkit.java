package org.yingzhi.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.FrameGeometry;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.WaveformSpec;

/**
 * A {@link MediaToolkit} without FFmpeg for unit tests of handlers and services: it answers from what the test
 * set up (a picture size, shot cuts, a probe) and records what it was asked, writing small placeholder files
 * where a real encoder would write media. {@link #failWith} makes every call fail as an undecodable file does.
 */
public final class FakeMediaToolkit implements MediaToolkit {

    public int sourceWidth = 1920;
    public int sourceHeight = 1080;
    public List<Long> cuts = List.of();
    public RawProbe probe;
    /** What the proxy, audio and waveform makers report: 50 frames at 25 fps, 2 s of sound, 20 peaks (2 s). */
    public long proxyFrames = 50;
    public long audioMicros = 2_000_000;
    public int peaks = 20;
    public String failWith;
    public final List<String> calls = new ArrayList<>();

    private void call(String what) {
        calls.add(what);
        if (failWith != null) {
            throw new MediaException(failWith);
        }
    }

    @Override
    public RawProbe probe(Path file) {
        call("probe " + file.getFileName());
        if (probe == null) {
            throw new MediaException("cannot open as media: no probe set up");
        }
        return probe;
    }

    @Override
    public boolean decodesFirstFrame(Path file) {
        calls.add("decodes " + file.getFileName());
        return failWith == null && probe != null;
    }

    @Override
    public ProxyResult transcodeProxy(Path in, Path out, ProxySpec spec, String timecode) {
        call("proxy " + timecode);
        write(out, "proxy");
        return new ProxyResult("h264", spec.width(), spec.heightFor(sourceWidth, sourceHeight, 1.0), "aac", proxyFrames,
                25);
    }

    @Override
    public List<BufferedImage> framesAt(Path in, List<Long> micros, int width) {
        call("frames " + micros + " @" + width);
        int h = FrameGeometry.evenHeight(width, sourceWidth, sourceHeight);
        List<BufferedImage> out = new ArrayList<>();
        for (long t : micros) {
            BufferedImage img = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color((int) (t / 1000) & 0xFFFFFF));
            g.fillRect(0, 0, width, h);
            g.dispose();
            out.add(img);
        }
        return out;
    }

    @Override
    public Waveform waveform(Path in, WaveformSpec spec) {
        call("waveform");
        float[] min = new float[peaks];
        float[] max = new float[peaks];
        for (int i = 0; i < peaks; i++) {
            max[i] = i % 2 == 0 ? 0.5f : 0.25f;
            min[i] = -max[i];
        }
        return new Waveform(spec.windowMillis(), 48_000, 2, min, max);
    }

    @Override
    public RenderResult renderRoughCut(org.yingzhi.media.spec.RoughCutSpec spec, Path out,
            java.util.function.LongConsumer progress) {
        throw new UnsupportedOperationException("renders need the real toolkit");
    }

    @Override
    public SubclipResult subclip(Path in, Path out, SubclipSpec spec) {
        throw new UnsupportedOperationException("subclips need the real toolkit");
    }

    @Override
    public CopyResult copyRange(Path in, Path out, long fromMicros, long toMicros) {
        call("copy");
        write(out, "copy");
        return new CopyResult(fromMicros, toMicros, 1);
    }

    @Override
    public long transcodeAudio(Path in, Path out, AudioProxySpec spec) {
        call("audio");
        write(out, "audio");
        return audioMicros;
    }

    @Override
    public List<Long> sceneCuts(Path in, SceneSpec spec) {
        call("scenes");
        return cuts;
    }

    @Override
    public List<Silence> silences(Path in, double noiseDb, long minMicros) {
        call("silences");
        return List.of();
    }

    @Override
    public BufferedImage decodeImage(Path in) {
        call("decode " + in.getFileName());
        return new BufferedImage(sourceWidth, sourceHeight, BufferedImage.TYPE_INT_RGB);
    }

    private static void write(Path out, String content) {
        try {
            Files.writeString(out, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
