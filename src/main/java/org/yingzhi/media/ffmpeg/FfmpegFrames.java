package org.yingzhi.media.ffmpeg;

import java.awt.image.BufferedImage;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Frame to image copies: the converter reuses its buffer, so every image handed out is a fresh copy. */
final class FfmpegFrames {

    private FfmpegFrames() {
    }

    static BufferedImage copy(Java2DFrameConverter conv, Frame f) {
        BufferedImage shared = conv.convert(f);
        if (shared == null) {
            return null;
        }
        BufferedImage out = new BufferedImage(shared.getWidth(), shared.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(shared, 0, 0, null);
        out.getGraphics().dispose();
        return out;
    }
}
