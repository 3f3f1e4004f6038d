package org.yingzhi.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.storage.MediaStore;

/** H.264/AAC browser proxy that keeps the source start timecode. */
@Component
class ProxyHandler extends AssetJobHandler {

    private final ProxySpec spec;

    ProxyHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, ProxySpec spec) {
        super(JobType.PROXY, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        String tc = null;
        Document media = asset.get(AssetRepository.F.MEDIA, Document.class);
        if (media != null && media.get("timecode", Document.class) != null) {
            tc = media.get("timecode", Document.class).getString("start");
        }
        String timecode = tc;
        MediaToolkit.ProxyResult[] result = new MediaToolkit.ProxyResult[1];
        Path out = store.writeDerivative(id, Derivatives.PROXY,
                temp -> result[0] = toolkit.transcodeProxy(original, temp, spec, timecode));
        MediaToolkit.ProxyResult r = result[0];
        Document proxy = new Document("videoCodec", r.videoCodec()).append("width", r.width()).append("height", r.height())
                .append("frames", r.videoFrames()).append("size", Files.size(out));
        if (r.audioCodec() != null) {
            proxy.append("audioCodec", r.audioCodec());
        }
        if (timecode != null) {
            proxy.append("timecode", timecode);
        }
        return JobOutcome.done(new Document("derivatives.proxy", proxy));
    }
}
