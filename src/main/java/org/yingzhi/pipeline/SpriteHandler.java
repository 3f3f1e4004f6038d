package org.yingzhi.pipeline;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Derivatives;
import org.yingzhi.asset.Step;
import org.yingzhi.asset.StepResult;
import org.yingzhi.media.Images;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.SpriteSpec;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** Filmstrip sprite of N frames and the WebVTT thumbnails track that points into it. */
@Component
class SpriteHandler extends AssetJobHandler {

    private final SpriteSpec spec;

    SpriteHandler(AssetReader assets, MediaStore store, MediaToolkit toolkit, SpriteSpec spec) {
        super(Step.SPRITE, assets, store, toolkit);
        this.spec = spec;
    }

    @Override
    protected StepResult process(Asset asset, Path original) throws Exception {
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
        store.writeDerivative(asset.id(), Derivative.SPRITE, temp -> Images.writeJpeg(sprite, temp, spec.jpegQuality()));
        // relative to /api/assets/{id}/thumbnails.vtt, "sprite" is /api/assets/{id}/sprite
        String vtt = spec.webVtt("sprite", duration, tileHeight);
        store.writeDerivative(asset.id(), Derivative.THUMBNAILS_VTT, temp -> Files.writeString(temp, vtt, StandardCharsets.UTF_8));
        return StepResult.of(new Derivatives.Sprite(spec.tiles(), spec.columns(), spec.rows(), spec.tileWidth(),
                tileHeight));
    }
}
