package org.yingzhi.media.spec;

import java.util.List;

/** Poster frames: taken at {@code atFraction} of the duration (capped at {@code maxAtSeconds}), one JPEG per width. */
public record ThumbnailSpec(List<Integer> widths, double atFraction, double maxAtSeconds, float jpegQuality) {

    public static final ThumbnailSpec DEFAULT = new ThumbnailSpec(List.of(160, 320, 640), 0.1, 10.0, 0.85f);

    public ThumbnailSpec {
        widths = List.copyOf(widths);
        if (widths.isEmpty() || widths.stream().anyMatch(w -> w < 16)) {
            throw new IllegalArgumentException("thumbnail widths must be at least 16: " + widths);
        }
        if (atFraction < 0 || atFraction >= 1) {
            throw new IllegalArgumentException("atFraction must be in [0, 1)");
        }
    }

    /** Where the poster frame is taken for a clip of this length. */
    public long posterMicros(long durationMicros) {
        return Math.max(0, Math.min((long) (durationMicros * atFraction), (long) (maxAtSeconds * 1_000_000)));
    }

    /** The stored width closest to a requested one (the API's ?size=). */
    public int nearest(int requested) {
        return Sizes.nearest(widths, requested);
    }
}
