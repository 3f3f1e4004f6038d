package org.yingzhi.timecode;

import java.util.List;
import java.util.Objects;

/**
 * A video frame rate as an exact rational, with the SMPTE drop-frame flag.
 *
 * <p>Drop-frame counting is only defined for the NTSC rates 30000/1001 and 60000/1001; constructing a
 * drop-frame rate for anything else is an error, so every {@link Timecode} carries a rate that it can count in.
 */
public record FrameRate(int numerator, int denominator, boolean dropFrame) implements Comparable<FrameRate> {

    public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001, false);
    public static final FrameRate FPS_24 = new FrameRate(24, 1, false);
    public static final FrameRate FPS_25 = new FrameRate(25, 1, false);
    public static final FrameRate FPS_29_97_NDF = new FrameRate(30000, 1001, false);
    public static final FrameRate FPS_29_97_DF = new FrameRate(30000, 1001, true);
    public static final FrameRate FPS_30 = new FrameRate(30, 1, false);
    public static final FrameRate FPS_50 = new FrameRate(50, 1, false);
    public static final FrameRate FPS_59_94_NDF = new FrameRate(60000, 1001, false);
    public static final FrameRate FPS_59_94_DF = new FrameRate(60000, 1001, true);
    public static final FrameRate FPS_60 = new FrameRate(60, 1, false);

    /** The rates a broadcast workflow meets; the UI and the schema list these. */
    public static final List<FrameRate> STANDARD = List.of(FPS_23_976, FPS_24, FPS_25, FPS_29_97_NDF, FPS_29_97_DF,
            FPS_30, FPS_50, FPS_59_94_NDF, FPS_59_94_DF, FPS_60);

    public FrameRate {
        if (numerator <= 0 || denominator <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + numerator + "/" + denominator);
        }
        int g = gcd(numerator, denominator);
        numerator /= g;
        denominator /= g;
        if (dropFrame && !(denominator == 1001 && (numerator == 30000 || numerator == 60000))) {
            throw new IllegalArgumentException("drop-frame timecode exists only at 29.97 and 59.94 fps, not "
                    + numerator + "/" + denominator);
        }
    }

    public static FrameRate of(int numerator, int denominator) {
        return new FrameRate(numerator, denominator, false);
    }

    /**
     * Parses "25", "29.97", "29.97DF", "59.94 DF", "30000/1001", "30000/1001;DF". Decimal NTSC rates
     * (23.976, 29.97, 59.94, 47.952, 119.88) are read as their exact x000/1001 rationals.
     */
    public static FrameRate parse(String text) {
        Objects.requireNonNull(text, "frame rate");
        String s = text.trim().toUpperCase().replace(" ", "");
        boolean df = false;
        for (String suffix : List.of(";NDF", "NDF", ";DF", "DF")) {
            if (s.endsWith(suffix)) {
                df = !suffix.contains("N");
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        try {
            if (s.contains("/")) {
                String[] p = s.split("/", 2);
                return new FrameRate(Integer.parseInt(p[0]), Integer.parseInt(p[1]), df);
            }
            double v = Double.parseDouble(s);
            long rounded = Math.round(v);
            if (Math.abs(v - rounded) < 1e-9) {
                return new FrameRate((int) rounded, 1, df);
            }
            long ntsc = Math.round(v * 1.001);
            if (Math.abs(v - ntsc * 1000.0 / 1001.0) < 0.006) {
                return new FrameRate((int) (ntsc * 1000), 1001, df);
            }
            return fromDouble(v, df);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a frame rate: '" + text + "'");
        }
    }

    /** Best rational for a measured rate: snaps to the NTSC x000/1001 family, else to thousandths. */
    public static FrameRate fromDouble(double fps, boolean dropFrame) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("not a frame rate: " + fps);
        }
        long rounded = Math.round(fps);
        if (Math.abs(fps - rounded) < 1e-6) {
            return new FrameRate((int) rounded, 1, dropFrame);
        }
        long ntsc = Math.round(fps * 1.001);
        if (Math.abs(fps - ntsc * 1000.0 / 1001.0) < 1e-3) {
            return new FrameRate((int) (ntsc * 1000), 1001, dropFrame);
        }
        return new FrameRate((int) Math.round(fps * 1000), 1000, dropFrame);
    }

    /** The whole number of frames counted per timecode second (30 for 29.97, 24 for 23.976). */
    public int timecodeBase() {
        return (int) ((numerator + denominator / 2) / denominator);
    }

    /** Frame numbers skipped at the start of each minute not divisible by ten (2 at 29.97 DF, 4 at 59.94 DF). */
    public int droppedPerMinute() {
        return dropFrame ? timecodeBase() / 15 : 0;
    }

    /** Frames in 24 hours of timecode, the point where timecode wraps. */
    public long framesPerDay() {
        long base = timecodeBase();
        return 24L * (3600 * base - droppedPerMinute() * 54L);
    }

    public double fps() {
        return (double) numerator / denominator;
    }

    public FrameRate withDropFrame(boolean df) {
        return df == dropFrame ? this : new FrameRate(numerator, denominator, df);
    }

    /** True for the rates where drop-frame counting is defined. */
    public boolean supportsDropFrame() {
        return denominator == 1001 && (numerator == 30000 || numerator == 60000);
    }

    /** "30000/1001", the exact form stored in documents. */
    public String rational() {
        return numerator + "/" + denominator;
    }

    @Override
    public int compareTo(FrameRate o) {
        int c = Long.compare((long) numerator * o.denominator, (long) o.numerator * denominator);
        return c != 0 ? c : Boolean.compare(dropFrame, o.dropFrame);
    }

    /** "25", "29.97 DF", "23.976". */
    @Override
    public String toString() {
        String v = denominator == 1 ? Integer.toString(numerator)
                : denominator == 1001 ? trim(String.format(java.util.Locale.ROOT, "%.3f", numerator / 1001.0))
                : trim(String.format(java.util.Locale.ROOT, "%.3f", fps()));
        if (supportsDropFrame()) {
            return v + (dropFrame ? " DF" : " NDF");
        }
        return v;
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
