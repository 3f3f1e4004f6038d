package org.yingzhi.media.spec;

import java.util.ArrayList;
import java.util.List;

/** A filmstrip: {@code tiles} frames in a grid of {@code columns}, each {@code tileWidth} wide, for scrubbing. */
public record SpriteSpec(int tiles, int columns, int tileWidth, float jpegQuality) {

    public static final SpriteSpec DEFAULT = new SpriteSpec(20, 5, 160, 0.8f);

    public SpriteSpec {
        if (tiles < 1 || columns < 1 || tileWidth < 16) {
            throw new IllegalArgumentException("sprite needs tiles >= 1, columns >= 1, tileWidth >= 16");
        }
    }

    public int rows() {
        return (tiles + columns - 1) / columns;
    }

    /** The frame shown by tile i: the middle of its share of the clip. */
    public long tileMicros(int i, long durationMicros) {
        return (long) (durationMicros * (i + 0.5) / tiles);
    }

    /** A WebVTT thumbnails track: tile i covers [i, i+1) of N equal shares, pointing into the sprite image. */
    public String webVtt(String spriteUrl, long durationMicros, int tileHeight) {
        StringBuilder sb = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < tiles; i++) {
            long from = durationMicros * i / tiles;
            long to = durationMicros * (i + 1) / tiles;
            int x = (i % columns) * tileWidth;
            int y = (i / columns) * tileHeight;
            sb.append(i + 1).append('\n').append(vttTime(from)).append(" --> ").append(vttTime(to)).append('\n')
                    .append(spriteUrl).append("#xywh=").append(x).append(',').append(y).append(',').append(tileWidth)
                    .append(',').append(tileHeight).append("\n\n");
        }
        return sb.toString();
    }

    public List<Long> tileTimes(long durationMicros) {
        List<Long> t = new ArrayList<>(tiles);
        for (int i = 0; i < tiles; i++) {
            t.add(tileMicros(i, durationMicros));
        }
        return t;
    }

    static String vttTime(long micros) {
        long ms = micros / 1000;
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
