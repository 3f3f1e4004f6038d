package org.yingzhi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.Step;
import org.yingzhi.asset.StepResult;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** H.264/AAC browser proxy that keeps the source start timecode. */
@Component
class ProxyHandler extends AssetJobHandler {

    private final ProxySpec spec;

    ProxyHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, ProxySpec spec) {
        super(Step.PROXY, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
        // only timecode the file itself carries: a proxy of a clip without any starts at zero anyway
        String timecode = asset.media() != null && asset.media().timecode() != null
                ? asset.media().timecode().start() : null;
        MediaToolkit.ProxyResult[] result = new MediaToolkit.ProxyResult[1];
        Path out = store.writeDerivative(asset.id(), Derivative.PROXY, temp -> {
            result[0] = toolkit.transcodeProxy(original, temp, spec, timecode);
            requireLength("proxy", result[0].durationMicros(), sourceMicros(asset, "video"), Files.size(temp));
        });
        MediaToolkit.ProxyResult r = result[0];
        return StepResult.of(new Derivatives.Proxy(r.videoCodec(), r.audioCodec(), r.width(), r.height(),
                r.videoFrames(), Files.size(out), timecode));
    }
}
