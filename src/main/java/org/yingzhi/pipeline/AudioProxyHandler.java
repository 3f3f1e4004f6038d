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
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** AAC (.m4a) copy of an audio asset that every browser plays. */
@Component
class AudioProxyHandler extends AssetJobHandler {

    private final AudioProxySpec spec;

    AudioProxyHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, AudioProxySpec spec) {
        super(Step.AUDIO_PROXY, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
        Path out = store.writeDerivative(asset.id(), Derivative.AUDIO, temp -> requireLength("audioProxy",
                toolkit.transcodeAudio(original, temp, spec), sourceMicros(asset, "audio"), Files.size(temp)));
        return StepResult.of(new Derivatives.Audio("aac", spec.bitrate(), spec.sampleRate(), Files.size(out)));
    }
}
