package org.yingzhi.media.spec;

/**
 * The FFmpeg filters that turn interlaced pictures into progressive ones for derivatives. Moving pictures (the
 * proxy) use {@code bwdif}, which looks at the fields before and after; single stills (thumbnails, sprite tiles)
 * use {@code estdif}, which works inside one frame and so needs no neighbours after a seek. {@code %s} takes the
 * field parity (tff or bff). Every frame is processed: frame-level interlace flags do not survive JavaCV's frame
 * copy, and the stream's field order has already said the source is interlaced.
 */
public record DeinterlaceSpec(String motionFilter, String stillFilter) {

    public static final DeinterlaceSpec DEFAULT = new DeinterlaceSpec(
            "bwdif=mode=send_frame:parity=%s:deint=all", "estdif=mode=frame:parity=%s:deint=all");

    public DeinterlaceSpec {
        if (!motionFilter.contains("%s") || !stillFilter.contains("%s")) {
            throw new IllegalArgumentException("deinterlace filters must take the parity as %s");
        }
    }

    /** The filter chain for a moving picture: deinterlace, scale, then {@code pixelFormat} (an FFmpeg name). */
    public String motion(String parity, int width, int height, String pixelFormat) {
        return motionFilter.formatted(parity) + ",scale=" + width + ":" + height + ",format=" + pixelFormat;
    }

    /** The filter chain for one still. */
    public String still(String parity, int width, int height, String pixelFormat) {
        return stillFilter.formatted(parity) + ",scale=" + width + ":" + height + ",format=" + pixelFormat;
    }
}
