package org.yingzhi.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.Step;
import org.yingzhi.asset.StepResult;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.WaveformSpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** Min/max peaks per window as JSON, for audio and for video with sound. */
@Component
class WaveformHandler extends AssetJobHandler {

    private final WaveformSpec spec;

    WaveformHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, WaveformSpec spec) {
        super(Step.WAVEFORM, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
        MediaToolkit.Waveform w = toolkit.waveform(original, spec);
        requireLength("waveform", (long) w.max().length * w.windowMillis() * 1000, sourceMicros(asset, "audio"), 0);
        String json = toJson(w);
        store.writeDerivative(asset.id(), Derivative.WAVEFORM, temp -> Files.writeString(temp, json, StandardCharsets.UTF_8));
        return StepResult.of(new Derivatives.Waveform(w.windowMillis(), w.max().length, w.sampleRate(), w.channels()));
    }

    /** {"windowMillis":100,"sampleRate":48000,"channels":2,"length":N,"min":[...],"max":[...]}, 4 decimals. */
    static String toJson(MediaToolkit.Waveform w) {
        StringBuilder sb = new StringBuilder(32 + w.max().length * 16);
        sb.append("{\"windowMillis\":").append(w.windowMillis()).append(",\"sampleRate\":").append(w.sampleRate())
                .append(",\"channels\":").append(w.channels()).append(",\"length\":").append(w.max().length);
        append(sb.append(",\"min\":"), w.min());
        append(sb.append(",\"max\":"), w.max());
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, float[] v) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            float x = Math.max(-1f, Math.min(1f, v[i]));
            sb.append(Math.round(x * 10000) / 10000.0);
        }
        sb.append(']');
    }
}
