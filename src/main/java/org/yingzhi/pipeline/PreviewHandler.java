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
import org.yingzhi.media.spec.PreviewSpec;
import org.yingzhi.storage.MediaStore;

/** Photo previews by long edge, turned upright according to EXIF orientation. */
@Component
class PreviewHandler extends AssetJobHandler {

    private final PreviewSpec spec;

    PreviewHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, PreviewSpec spec) {
        super(JobType.PREVIEW, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        Integer orientation = null;
        Document photo = asset.get(AssetRepository.F.PHOTO, Document.class);
        if (photo != null && photo.get("exif", Document.class) != null) {
            orientation = photo.get("exif", Document.class).getInteger("orientation");
        }
        BufferedImage upright = Images.upright(toolkit.decodeImage(original), orientation);
        List<Document> sizes = new ArrayList<>();
        for (int edge : spec.longEdges()) {
            int[] wh = PreviewSpec.fit(upright.getWidth(), upright.getHeight(), edge);
            BufferedImage img = wh[0] == upright.getWidth() ? upright : Images.scale(upright, wh[0], wh[1]);
            store.writeDerivative(id, Derivatives.preview(edge), temp -> Images.writeJpeg(img, temp, spec.jpegQuality()));
            sizes.add(new Document("edge", edge).append("width", img.getWidth()).append("height", img.getHeight()));
        }
        return JobOutcome.done(new Document("derivatives.preview", new Document("sizes", sizes)
                .append("orientationApplied", orientation == null ? 1 : orientation)));
    }
}
