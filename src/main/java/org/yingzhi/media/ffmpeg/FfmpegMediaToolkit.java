package org.yingzhi.media.ffmpeg;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.WaveformSpec;

/**
 * The only {@link MediaToolkit}: every JavaCV/avformat call of Yingzhi lives in this package, in three parts behind
 * this door: {@link FfmpegProbe} (reading what a file is), {@link FfmpegTranscoder} (encoding proxies),
 * {@link FfmpegPacketCopy} (the stream copy of a range, for subclips) and {@link FfmpegAnalysis} (frames,
 * waveforms, shots, stills).
 */
@Component
public class FfmpegMediaToolkit implements MediaToolkit {

    private final FfmpegProbe probe;
    private final FfmpegTranscoder transcoder = new FfmpegTranscoder();
    private final FfmpegAnalysis analysis = new FfmpegAnalysis();
    private final FfmpegPacketCopy copy = new FfmpegPacketCopy();

    public FfmpegMediaToolkit() {
        this(Duration.ofSeconds(30));
    }

    /** {@code probeTimeout}: a probe still reading after this long is given up (malformed files can loop for minutes). */
    @Autowired
    public FfmpegMediaToolkit(@Value("${yingzhi.media.probe-timeout:30s}") Duration probeTimeout) {
        FfmpegNatives.load();
        this.probe = new FfmpegProbe(probeTimeout.toMillis());
    }

    @Override
    public RawProbe probe(Path file) {
        return probe.probe(file);
    }

    @Override
    public boolean decodesFirstFrame(Path file) {
        return probe.decodesFirstFrame(file);
    }

    @Override
    public ProxyResult transcodeProxy(Path in, Path out, ProxySpec spec, String timecode) {
        return transcoder.transcodeProxy(in, out, spec, timecode);
    }

    @Override
    public List<BufferedImage> framesAt(Path in, List<Long> micros, int width) {
        return analysis.framesAt(in, micros, width);
    }

    @Override
    public Waveform waveform(Path in, WaveformSpec spec) {
        return analysis.waveform(in, spec);
    }

    @Override
    public CopyResult copyRange(Path in, Path out, long fromMicros, long toMicros) {
        return copy.copyRange(in, out, fromMicros, toMicros);
    }

    @Override
    public RenderResult renderRoughCut(org.yingzhi.media.spec.RoughCutSpec spec, Path out,
            java.util.function.LongConsumer progress) {
        return new FfmpegRoughCut().render(spec, out, progress);
    }

    @Override
    public SubclipResult subclip(Path in, Path out, SubclipSpec spec) {
        return copy.subclip(in, out, spec);
    }

    @Override
    public long transcodeAudio(Path in, Path out, AudioProxySpec spec) {
        return transcoder.transcodeAudio(in, out, spec);
    }

    @Override
    public List<Long> sceneCuts(Path in, SceneSpec spec) {
        return analysis.sceneCuts(in, spec);
    }

    @Override
    public BufferedImage decodeImage(Path in) {
        return analysis.decodeImage(in);
    }

    @Override
    public List<Silence> silences(Path in, double noiseDb, long minMicros) {
        return FfmpegSilence.detect(in, noiseDb, minMicros);
    }
}
