package org.yingzhi.pipeline;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.Step;
import org.yingzhi.asset.StepResult;
import org.yingzhi.media.Images;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.FrameGeometry;
import org.yingzhi.media.spec.ThumbnailSpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** Poster frame in several widths, from one decoded frame. */
@Component
class ThumbnailHandler extends AssetJobHandler {

    private final ThumbnailSpec spec;

    ThumbnailHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, ThumbnailSpec spec) {
        super(Step.THUMBNAIL, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
        long at = spec.posterMicros(durationMicros(asset));
        int widest = spec.widths().stream().max(Integer::compare).orElseThrow();
        BufferedImage frame = toolkit.framesAt(original, List.of(at), widest).get(0);
        List<Derivatives.Size> sizes = new ArrayList<>();
        for (int w : spec.widths()) {
            int h = FrameGeometry.evenHeight(w, frame.getWidth(), frame.getHeight());
            BufferedImage img = w == frame.getWidth() ? frame : Images.scale(frame, w, h);
            store.writeDerivative(asset.id(), Derivative.THUMBNAIL, w, temp -> Images.writeJpeg(img, temp, spec.jpegQuality()));
            sizes.add(new Derivatives.Size(img.getWidth(), img.getHeight()));
        }
        return StepResult.of(new Derivatives.Thumbnail(at, sizes));
    }
}
