package org.yingzhi.media.ffmpeg;

import java.awt.image.BufferedImage;
import org.bytedeco.javacv.Frame;

/** Frame to image copies: the grabber reuses its buffers, so every image handed out is a fresh copy. */
final class FfmpegFrames {

    private FfmpegFrames() {
    }

    /**
     * A BGR24 frame (the grabber converted it) copied row by row into a {@code TYPE_3BYTE_BGR} image, whatever
     * its width and line padding: Java2DFrameConverter asserts on padded lines of tiny pictures.
     */
    static BufferedImage bgr24(Frame f) {
        // imageChannels is derived from the line size and is wrong for padded lines; the grabber was asked for BGR24
        if (f.image == null || f.imageDepth != Frame.DEPTH_UBYTE || f.imageStride < f.imageWidth * 3) {
            throw new org.yingzhi.media.MediaException("the picture did not decode to 8-bit colour (depth "
                    + f.imageDepth + ", line " + f.imageStride + " bytes for " + f.imageWidth + " pixels)");
        }
        java.nio.ByteBuffer buf = ((java.nio.ByteBuffer) f.image[0]).duplicate();
        int w = f.imageWidth;
        int h = f.imageHeight;
        int stride = f.imageStride;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            buf.position(y * stride);
            buf.get(dst, y * w * 3, w * 3);
        }
        return out;
    }
}
