package org.yingzhi.timecode;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMPTE timecode: a frame count since 00:00:00:00 at a {@link FrameRate}, drop-frame aware.
 *
 * <p>The frame count is the truth; the HH:MM:SS:FF label is derived from it. Drop-frame labels skip frame
 * numbers 0 and 1 (0-3 at 59.94) at the start of every minute except each tenth, so that the label stays within
 * a few frames of wall-clock time. Timecode wraps at 24 hours like a tape deck.
 */
public final class Timecode implements Comparable<Timecode> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2})[:;.](\\d{2})[:;.](\\d{2})([:;.,])(\\d{2,3})");

    private final long frames;
    private final FrameRate rate;

    private Timecode(long frames, FrameRate rate) {
        this.rate = Objects.requireNonNull(rate, "rate");
        long day = rate.framesPerDay();
        this.frames = ((frames % day) + day) % day;
    }

    public static Timecode ofFrames(long frames, FrameRate rate) {
        return new Timecode(frames, rate);
    }

    public static Timecode zero(FrameRate rate) {
        return new Timecode(0, rate);
    }

    /** Builds from a label; rejects labels that do not exist at this rate (such as 00:01:00;00 in drop-frame). */
    public static Timecode of(int hours, int minutes, int seconds, int frame, FrameRate rate) {
        int base = rate.timecodeBase();
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59
                || frame < 0 || frame >= base) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("tc.outOfRange",
                    String.format("%02d:%02d:%02d:%02d", hours, minutes, seconds, frame), String.valueOf(rate));
        }
        int drop = rate.droppedPerMinute();
        if (drop > 0 && seconds == 0 && minutes % 10 != 0 && frame < drop) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("tc.dropMissing",
                    String.format("%02d:%02d:%02d;%02d", hours, minutes, seconds, frame), String.valueOf(drop - 1),
                    String.valueOf(minutes));
        }
        long totalMinutes = 60L * hours + minutes;
        long count = (3600L * hours + 60L * minutes + seconds) * base + frame
                - drop * (totalMinutes - totalMinutes / 10);
        return new Timecode(count, rate);
    }

    /**
     * Parses "HH:MM:SS:FF". A ';' (or ',') before the frames marks drop-frame: it selects the drop-frame variant
     * of a 29.97/59.94 rate and is an error at any other rate.
     */
    public static Timecode parse(String text, FrameRate rate) {
        Objects.requireNonNull(rate, "rate");
        if (text == null) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("tc.missing");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("tc.notTimecode", text);
        }
        boolean dfMark = m.group(4).equals(";") || m.group(4).equals(",");
        FrameRate r = rate;
        if (dfMark && !rate.dropFrame()) {
            if (!rate.supportsDropFrame()) {
                throw new org.yingzhi.shared.i18n.CodedArgumentException("tc.noDropFrame", text, String.valueOf(rate));
            }
            r = rate.withDropFrame(true);
        }
        return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(5)), r);
    }

    /** True when the text carries the drop-frame separator ';' (or ','). */
    public static boolean looksDropFrame(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        return m.matches() && (m.group(4).equals(";") || m.group(4).equals(","));
    }

    /** The timecode nearest to a media time in microseconds, counted from this rate's 00:00:00:00. */
    public static Timecode ofMicros(long micros, FrameRate rate) {
        return new Timecode(framesForMicros(micros, rate), rate);
    }

    /** Frames (rounded to nearest) that a duration in microseconds spans at a rate. */
    public static long framesForMicros(long micros, FrameRate rate) {
        // frames = micros * num / (den * 1e6), computed exactly and rounded half up
        java.math.BigInteger n = java.math.BigInteger.valueOf(micros).multiply(java.math.BigInteger.valueOf(rate.numerator()));
        java.math.BigInteger d = java.math.BigInteger.valueOf(rate.denominator()).multiply(java.math.BigInteger.valueOf(1_000_000));
        return n.multiply(java.math.BigInteger.TWO).add(d).divide(d.multiply(java.math.BigInteger.TWO)).longValueExact();
    }

    /** Microseconds that a number of frames lasts at a rate (rounded to nearest). */
    public static long microsForFrames(long frames, FrameRate rate) {
        java.math.BigInteger n = java.math.BigInteger.valueOf(frames).multiply(java.math.BigInteger.valueOf(rate.denominator()))
                .multiply(java.math.BigInteger.valueOf(1_000_000));
        java.math.BigInteger d = java.math.BigInteger.valueOf(rate.numerator());
        return n.multiply(java.math.BigInteger.TWO).add(d).divide(d.multiply(java.math.BigInteger.TWO)).longValueExact();
    }

    public long frames() {
        return frames;
    }

    public FrameRate rate() {
        return rate;
    }

    /** Media time of this timecode since 00:00:00:00 in microseconds. */
    public long toMicros() {
        return microsForFrames(frames, rate);
    }

    public double toSeconds() {
        return frames * (double) rate.denominator() / rate.numerator();
    }

    public Timecode plusFrames(long n) {
        return new Timecode(frames + n, rate);
    }

    public Timecode minusFrames(long n) {
        return new Timecode(frames - n, rate);
    }

    public Timecode plus(Timecode other) {
        requireSameRate(other);
        return plusFrames(other.frames);
    }

    public Timecode minus(Timecode other) {
        requireSameRate(other);
        return minusFrames(other.frames);
    }

    /** Frames from this timecode forward to another, without wrapping (negative when the other is earlier). */
    public long framesUntil(Timecode other) {
        requireSameRate(other);
        return other.frames - frames;
    }

    public boolean isBefore(Timecode other) {
        return compareTo(other) < 0;
    }

    public boolean isAfter(Timecode other) {
        return compareTo(other) > 0;
    }

    public int hours() {
        return fields()[0];
    }

    public int minutes() {
        return fields()[1];
    }

    public int seconds() {
        return fields()[2];
    }

    public int frame() {
        return fields()[3];
    }

    private int[] fields() {
        int base = rate.timecodeBase();
        int drop = rate.droppedPerMinute();
        long n = frames;
        if (drop > 0) {
            long per10 = base * 600L - drop * 9L;
            long perMin = base * 60L - drop;
            long tens = n / per10;
            long rem = n % per10;
            n += drop * 9L * tens;
            if (rem >= drop) {
                n += drop * ((rem - drop) / perMin);
            }
        }
        int f = (int) (n % base);
        long totalSeconds = n / base;
        return new int[] {(int) (totalSeconds / 3600), (int) (totalSeconds / 60 % 60), (int) (totalSeconds % 60), f};
    }

    private void requireSameRate(Timecode other) {
        if (!rate.equals(other.rate)) {
            throw new IllegalArgumentException("timecodes at different rates: " + rate + " and " + other.rate);
        }
    }

    @Override
    public int compareTo(Timecode o) {
        requireSameRate(o);
        return Long.compare(frames, o.frames);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timecode t && t.frames == frames && t.rate.equals(rate);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(frames) * 31 + rate.hashCode();
    }

    /** "01:00:00:00", or "01:00:00;00" in drop-frame. Frames take three digits above 99 fps. */
    @Override
    public String toString() {
        int[] f = fields();
        StringBuilder sb = new StringBuilder(12);
        two(sb, f[0]).append(':');
        two(sb, f[1]).append(':');
        two(sb, f[2]).append(rate.dropFrame() ? ';' : ':');
        if (rate.timecodeBase() > 100 && f[3] < 100) {
            sb.append('0');
        }
        return two(sb, f[3]).toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return (v < 10 ? sb.append('0') : sb).append(v);
    }
}
