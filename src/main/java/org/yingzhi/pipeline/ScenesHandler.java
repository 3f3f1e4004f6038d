package org.yingzhi.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/** Shot boundaries, stored on the asset as suggested subclips with source timecode. */
@Component
class ScenesHandler extends AssetJobHandler {

    private final SceneSpec spec;

    ScenesHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, SceneSpec spec) {
        super(JobType.SCENES, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        long duration = durationMicros(asset);
        List<Long> cuts = toolkit.sceneCuts(original, spec);
        return JobOutcome.done(new Document(AssetRepository.F.SCENES, subclips(asset, cuts, duration))
                .append("derivatives.scenes", new Document("count", cuts.size() + 1).append("threshold", spec.threshold())));
    }

    /**
     * Shots [0, cut1), [cut1, cut2) ... [cutN, end) with in/out timecodes counted from the source start timecode
     * (or from 00:00:00:00 at the video rate when the source has none).
     */
    static List<Document> subclips(Document asset, List<Long> cuts, long duration) {
        Document media = asset.get(AssetRepository.F.MEDIA, Document.class);
        Document tc = media.get("timecode", Document.class);
        Timecode start = null;
        if (tc != null) {
            FrameRate rate = FrameRate.parse(tc.getString("rate") + (tc.getBoolean("dropFrame", false) ? " DF" : ""));
            start = Timecode.ofFrames(tc.get("startFrames", Number.class).longValue(), rate);
        } else {
            String rational = media.getList("streams", Document.class, List.of()).stream()
                    .filter(s -> "video".equals(s.getString("kind")) && s.getString("frameRate") != null)
                    .map(s -> s.getString("frameRate")).findFirst().orElse(null);
            if (rational != null) {
                start = Timecode.zero(FrameRate.parse(rational));
            }
        }
        List<Long> bounds = new ArrayList<>();
        bounds.add(0L);
        bounds.addAll(cuts);
        bounds.add(duration);
        List<Document> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            long in = bounds.get(i);
            long outMicros = bounds.get(i + 1);
            if (outMicros <= in) {
                continue;
            }
            Document d = new Document("index", out.size()).append("inMicros", in).append("outMicros", outMicros);
            if (start != null) {
                d.append("in", start.plusFrames(Timecode.framesForMicros(in, start.rate())).toString())
                        .append("out", start.plusFrames(Timecode.framesForMicros(outMicros, start.rate())).toString());
            }
            out.add(d);
        }
        return out;
    }
}
