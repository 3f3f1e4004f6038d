package org.yingzhi.media.spec;

/** Picture sizes for derivatives: heights that keep the display aspect ratio, even for video encoders. */
public final class FrameGeometry {

    private FrameGeometry() {
    }

    /** Even height for a target width, keeping the aspect ratio of a square-pixel picture. */
    public static int evenHeight(int width, int srcWidth, int srcHeight) {
        return evenHeight(width, srcWidth, srcHeight, 1.0);
    }

    /**
     * Even height for a target width that keeps the display aspect ratio of a picture stored with non-square
     * pixels ({@code sampleAspectRatio}, 1 or unknown for square).
     */
    public static int evenHeight(int width, int srcWidth, int srcHeight, double sampleAspectRatio) {
        double sar = sampleAspectRatio > 0 ? sampleAspectRatio : 1.0;
        return Math.max(2, (int) Math.round(width * srcHeight / (srcWidth * sar) / 2.0) * 2);
    }
}
