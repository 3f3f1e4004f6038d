package org.yingzhi.media;

/**
 * How a video stream's pictures are scanned, and so whether and how its derivatives must be deinterlaced. Read
 * from the stream's own field order (ffprobe's {@code field_order}); a stream that does not say is taken as
 * progressive, except standard-definition DV, which is interlaced bottom field first by its specification
 * (IEC 61834) and whose decoder marks only the frames, not the stream.
 */
public enum FieldOrder {
    PROGRESSIVE(null),
    TOP_FIRST("tff"),
    BOTTOM_FIRST("bff");

    private final String parity;

    FieldOrder(String parity) {
        this.parity = parity;
    }

    /** The parity argument of FFmpeg's deinterlacing filters, or null when there is nothing to deinterlace. */
    public String parity() {
        return parity;
    }

    public boolean interlaced() {
        return parity != null;
    }

    /**
     * From ffprobe's {@code field_order} (tt, bb, tb, bt, progressive or null), the codec name and the coded
     * height. tb and bt are coded in one order and displayed in the other; the display order is what counts.
     */
    public static FieldOrder of(String fieldOrder, String codec, int height) {
        if (fieldOrder != null) {
            switch (fieldOrder) {
                case "tt", "bt":
                    return TOP_FIRST;
                case "bb", "tb":
                    return BOTTOM_FIRST;
                case "progressive":
                    return PROGRESSIVE;
                default:
                    break;
            }
        }
        if ("dvvideo".equals(codec) && (height == 480 || height == 576)) {
            return BOTTOM_FIRST;
        }
        return PROGRESSIVE;
    }
}
