package org.yingzhi.media.spec;

import java.util.List;

/** Photo previews by long edge (never enlarged), upright according to EXIF orientation. */
public record PreviewSpec(List<Integer> longEdges, float jpegQuality) {

    public static final PreviewSpec DEFAULT = new PreviewSpec(List.of(2048, 512), 0.85f);

    public PreviewSpec {
        longEdges = List.copyOf(longEdges);
    }

    /** Target size for an upright picture: the long edge scaled to {@code edge}, never above the original. */
    public static int[] fit(int width, int height, int edge) {
        int longEdge = Math.max(width, height);
        if (longEdge <= edge) {
            return new int[] {width, height};
        }
        double s = (double) edge / longEdge;
        return new int[] {Math.max(1, (int) Math.round(width * s)), Math.max(1, (int) Math.round(height * s))};
    }

    public int nearest(int requested) {
        return Sizes.nearest(longEdges, requested);
    }
}
