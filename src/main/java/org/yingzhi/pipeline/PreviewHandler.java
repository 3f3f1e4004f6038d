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
import org.yingzhi.media.PhotoDecoder;
import org.yingzhi.media.spec.PreviewSpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** Photo previews by long edge, turned upright according to EXIF orientation. */
@Component
class PreviewHandler extends AssetJobHandler {

    private final PreviewSpec spec;

    PreviewHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, PreviewSpec spec) {
        super(Step.PREVIEW, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
        Integer orientation = asset.photo() != null && asset.photo().exif() != null
                ? asset.photo().exif().orientation() : null;
        BufferedImage upright = Images.upright(PhotoDecoder.decode(original, toolkit).image(), orientation);
        List<Derivatives.PreviewSize> sizes = new ArrayList<>();
        for (int edge : spec.longEdges()) {
            int[] wh = PreviewSpec.fit(upright.getWidth(), upright.getHeight(), edge);
            BufferedImage img = wh[0] == upright.getWidth() ? upright : Images.scale(upright, wh[0], wh[1]);
            store.writeDerivative(asset.id(), Derivative.PREVIEW, edge,
                    temp -> Images.writeJpeg(img, temp, spec.jpegQuality()));
            sizes.add(new Derivatives.PreviewSize(edge, img.getWidth(), img.getHeight()));
        }
        return StepResult.of(new Derivatives.Preview(sizes, orientation == null ? 1 : orientation));
    }
}
