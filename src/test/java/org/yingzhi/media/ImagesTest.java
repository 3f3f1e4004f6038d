package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagesTest {

    /** A 3x2 picture with a red top-left pixel; stored rotated by each EXIF orientation, it must come back upright. */
    @Test
    void everyExifOrientationComesBackUpright() {
        int[][] upright = {{0xFF0000, 0x00FF00, 0x0000FF}, {0xFFFFFF, 0x000000, 0x808080}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage stored = stored(upright, o);
            BufferedImage back = Images.upright(stored, o);
            assertEquals(3, back.getWidth(), "orientation " + o);
            assertEquals(2, back.getHeight(), "orientation " + o);
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    assertEquals(upright[y][x], back.getRGB(x, y) & 0xFFFFFF, "orientation " + o + " at " + x + "," + y);
                }
            }
        }
    }

    /** How a camera stores an upright picture under EXIF orientation o (the inverse of what a viewer applies). */
    private static BufferedImage stored(int[][] px, int o) {
        int h = px.length;
        int w = px[0].length;
        boolean swap = o >= 5;
        BufferedImage img = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx;
                int sy;
                switch (o) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = w - 1 - x; }
                    case 7 -> { sx = h - 1 - y; sy = w - 1 - x; }
                    case 8 -> { sx = h - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                img.setRGB(sx, sy, px[y][x]);
            }
        }
        return img;
    }

    @Test
    void scalingKeepsTheRequestedSize() {
        BufferedImage big = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        BufferedImage small = Images.scale(big, 160, 90);
        assertEquals(160, small.getWidth());
        assertEquals(90, small.getHeight());
        assertEquals(90, org.yingzhi.media.spec.FrameGeometry.evenHeight(160, 1920, 1080));
        assertEquals(120, org.yingzhi.media.spec.FrameGeometry.evenHeight(160, 640, 480));
    }
}
