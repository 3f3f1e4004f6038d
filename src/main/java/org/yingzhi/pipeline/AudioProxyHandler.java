package org.yingzhi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.storage.MediaStore;

/** AAC (.m4a) copy of an audio asset that every browser plays. */
@Component
class AudioProxyHandler extends AssetJobHandler {

    private final AudioProxySpec spec;

    AudioProxyHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, AudioProxySpec spec) {
        super(JobType.AUDIO_PROXY, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        Path out = store.writeDerivative(id, Derivatives.AUDIO, temp -> toolkit.transcodeAudio(original, temp, spec));
        return JobOutcome.done(new Document("derivatives.audio", new Document("codec", "aac")
                .append("bitrate", spec.bitrate()).append("sampleRate", spec.sampleRate()).append("size", Files.size(out))));
    }
}
