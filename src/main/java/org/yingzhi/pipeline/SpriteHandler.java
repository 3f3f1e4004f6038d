package org.yingzhi.pipeline;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetRepository;
import org.yingzhi.job.JobOutcome;
import org.yingzhi.job.JobType;
import org.yingzhi.media.Images;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.SpriteSpec;
import org.yingzhi.storage.MediaStore;

/** Filmstrip sprite of N frames and the WebVTT thumbnails track that points into it. */
@Component
class SpriteHandler extends AssetJobHandler {

    private final SpriteSpec spec;

    SpriteHandler(AssetRepository assets, MediaStore store, MediaToolkit toolkit, SpriteSpec spec) {
        super(JobType.SPRITE, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected JobOutcome process(String id, Document asset, Path original) throws Exception {
        long duration = durationMicros(asset);
        List<BufferedImage> frames = toolkit.framesAt(original, spec.tileTimes(duration), spec.tileWidth());
        int tileHeight = frames.get(0).getHeight();
        BufferedImage sprite = new BufferedImage(spec.columns() * spec.tileWidth(), spec.rows() * tileHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sprite.createGraphics();
        try {
            for (int i = 0; i < frames.size(); i++) {
                g.drawImage(frames.get(i), (i % spec.columns()) * spec.tileWidth(), (i / spec.columns()) * tileHeight,
                        spec.tileWidth(), tileHeight, null);
            }
        } finally {
            g.dispose();
        }
        store.writeDerivative(id, Derivatives.SPRITE, temp -> Images.writeJpeg(sprite, temp, spec.jpegQuality()));
        // relative to /api/assets/{id}/thumbnails.vtt, "sprite" is /api/assets/{id}/sprite
        String vtt = spec.webVtt("sprite", duration, tileHeight);
        store.writeDerivative(id, Derivatives.THUMBNAILS_VTT, temp -> Files.writeString(temp, vtt, StandardCharsets.UTF_8));
        return JobOutcome.done(new Document("derivatives.sprite", new Document("tiles", spec.tiles())
                .append("columns", spec.columns()).append("rows", spec.rows()).append("tileWidth", spec.tileWidth())
                .append("tileHeight", tileHeight)));
    }
}
