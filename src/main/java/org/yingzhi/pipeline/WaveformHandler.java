package org.yingzhi.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.WaveformSpec;
import org.yingzhi.storage.MediaStore;

/** Min/max peaks per window as JSON, for audio and for video with sound. */
@Component
class WaveformHandler extends AssetJobHandler {

    private final WaveformSpec spec;

    WaveformHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, WaveformSpec spec) {
        super(JobType.WAVEFORM, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        MediaToolkit.Waveform w = toolkit.waveform(original, spec);
        String json = toJson(w);
        store.writeDerivative(id, Derivatives.WAVEFORM, temp -> Files.writeString(temp, json, StandardCharsets.UTF_8));
        return JobOutcome.done(new Document("derivatives.waveform", new Document("windowMillis", w.windowMillis())
                .append("length", w.max().length).append("sampleRate", w.sampleRate()).append("channels", w.channels())));
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
