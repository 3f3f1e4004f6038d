package org.yingzhi.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.yingzhi.media.spec.RoughCutSpec;
import org.yingzhi.timecode.FrameRate;

/** Reads a burnt-in timecode back: a frame of a render, the same drawtext over black, and how far apart they are. */
public final class BurnIn {

    private BurnIn() {
    }

    public static BufferedImage frame(Path video, int n, Path dir) throws Exception {
        Path png = dir.resolve("frame-" + n + ".png");
        TestMedia.ffmpeg("-i", video.toString(), "-vf", "select=eq(n\\," + n + ")", "-frames:v", "1", png.toString());
        return ImageIO.read(png.toFile());
    }

    /** The same burn-in over black, drawn by ffmpeg itself. */
    public static BufferedImage reference(RoughCutSpec spec, String label, FrameRate rate, Path dir) throws Exception {
        Path png = dir.resolve("ref-" + label.replace(':', '-') + ".png");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "color=black:s=" + spec.width() + "x" + spec.height() + ":r=" + rate.rational(),
                "-vf", spec.burnIn(label, rate, null), "-frames:v", "1", png.toString());
        return ImageIO.read(png.toFile());
    }

    /** Mean difference of the luma where the reference has text (the timecode, at the foot of the picture). */
    public static double difference(BufferedImage a, BufferedImage ref) {
        int x0 = ref.getWidth();
        int y0 = ref.getHeight();
        int x1 = 0;
        int y1 = 0;
        for (int y = ref.getHeight() / 2; y < ref.getHeight(); y++) {
            for (int x = 0; x < ref.getWidth(); x++) {
                if (luma(ref.getRGB(x, y)) > 128) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        assertTrue(x1 > x0 && y1 > y0, "the reference shows text");
        double sum = 0;
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                sum += Math.abs(luma(a.getRGB(x, y)) - luma(ref.getRGB(x, y)));
                n++;
            }
        }
        return sum / n;
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 255) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
    }
}
