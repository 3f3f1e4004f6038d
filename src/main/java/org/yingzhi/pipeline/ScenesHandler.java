package org.yingzhi.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.Step;
import org.yingzhi.asset.StepResult;
import org.yingzhi.asset.Subclip;
import org.yingzhi.asset.Timebase;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.timecode.TimeRange;

/** Shot boundaries, stored on the asset as suggested subclips with source timecode. */
@Component
class ScenesHandler extends AssetJobHandler {

    private final SceneSpec spec;

    ScenesHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, SceneSpec spec) {
        super(Step.SCENES, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
        long duration = durationMicros(asset);
        List<Long> cuts = toolkit.sceneCuts(original, spec);
        return StepResult.of(new Derivatives.Scenes(cuts.size() + 1, spec.threshold()),
                subclips(asset.timebase(), cuts, duration));
    }

    /**
     * Shots [0, cut1), [cut1, cut2) ... [cutN, end) with in/out timecodes counted from the clip's timebase (its
     * source timecode, or 00:00:00:00 at the video rate when it has none).
     */
    static List<Subclip> subclips(Optional<Timebase> timebase, List<Long> cuts, long duration) {
        List<Long> bounds = new ArrayList<>();
        bounds.add(0L);
        bounds.addAll(cuts);
        bounds.add(duration);
        List<Subclip> out = new ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i++) {
            long in = bounds.get(i);
            long outMicros = bounds.get(i + 1);
            if (outMicros <= in) {
                continue;
            }
            String inTc = null;
            String outTc = null;
            if (timebase.isPresent()) {
                TimeRange r = timebase.get().range(in, outMicros);
                inTc = r.in().toString();
                outTc = r.out().toString();
            }
            out.add(new Subclip(out.size(), in, outMicros, inTc, outTc));
        }
        return out;
    }
}
