package org.yingzhi.pipeline;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.Images;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.ThumbnailSpec;
import org.yingzhi.storage.MediaStore;

/** Poster frame in several widths, from one decoded frame. */
@Component
class ThumbnailHandler extends AssetJobHandler {

    private final ThumbnailSpec spec;

    ThumbnailHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, ThumbnailSpec spec) {
        super(JobType.THUMBNAIL, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        long at = spec.posterMicros(durationMicros(asset));
        int widest = spec.widths().stream().max(Integer::compare).orElseThrow();
        BufferedImage frame = toolkit.framesAt(original, List.of(at), widest).get(0);
        List<Document> sizes = new ArrayList<>();
        for (int w : spec.widths()) {
            int h = Images.heightFor(w, frame.getWidth(), frame.getHeight());
            BufferedImage img = w == frame.getWidth() ? frame : Images.scale(frame, w, h);
            store.writeDerivative(id, Derivatives.thumbnail(w), temp -> Images.writeJpeg(img, temp, spec.jpegQuality()));
            sizes.add(new Document("width", img.getWidth()).append("height", img.getHeight()));
        }
        return JobOutcome.done(new Document("derivatives.thumbnail", new Document("atMicros", at).append("sizes", sizes)));
    }
}
