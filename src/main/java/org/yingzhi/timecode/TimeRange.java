package org.yingzhi.timecode;

import java.util.Objects;

/**
 * A span of source timecode: {@code in} inclusive, {@code out} exclusive, both at one {@link FrameRate}.
 *
 * <p>The length in frames is the truth, so a range may cross midnight (a time-of-day recording that starts at
 * 23:59:50:00 and ends at 00:00:10:00 is 20 seconds long). Where no clip start is known, a range whose out
 * label is not after its in label is refused; {@link #parse(String, Timecode)} measures both ends from a clip's
 * start timecode, so after-midnight labels in a clip that started before midnight count as later.
 */
public final class TimeRange {

    private final Timecode in;
    private final long frames;

    private TimeRange(Timecode in, long frames) {
        this.in = in;
        this.frames = frames;
    }

    /** [in, out) where out must come after in on the same day's timecode and at the same rate. */
    public static TimeRange of(Timecode in, Timecode out) {
        requireSameRate(in, out);
        if (out.frames() <= in.frames()) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("range.backwards", String.valueOf(in), String.valueOf(out));
        }
        return new TimeRange(in, out.frames() - in.frames());
    }

    /**
     * [in, out) inside a clip that starts at {@code origin}: positions are counted from the origin, so a range
     * may cross the 24-hour wrap when the clip does. Both ends must lie at or after the origin (within a day).
     */
    public static TimeRange of(Timecode in, Timecode out, Timecode origin) {
        requireSameRate(in, out);
        requireSameRate(in, origin);
        long a = offset(origin, in);
        long b = offset(origin, out);
        if (b <= a) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("range.backwardsInClip", String.valueOf(in), String.valueOf(out),
                    String.valueOf(origin));
        }
        return new TimeRange(in, b - a);
    }

    /** {@code frames} frames starting at {@code in}; at least one, less than a day. */
    public static TimeRange ofFrames(Timecode in, long frames) {
        Objects.requireNonNull(in, "in");
        if (frames <= 0) {
            throw new IllegalArgumentException("a range needs at least one frame, not " + frames);
        }
        if (frames >= in.rate().framesPerDay()) {
            throw new IllegalArgumentException("a range must be shorter than 24 hours");
        }
        return new TimeRange(in, frames);
    }

    /**
     * The range of media time [inMicros, outMicros) inside a clip whose first frame carries {@code start}: the
     * way players and shot detection measure, turned into source timecode (rounded to the nearest frame).
     */
    public static TimeRange ofMicros(Timecode start, long inMicros, long outMicros) {
        if (inMicros < 0 || outMicros <= inMicros) {
            throw new IllegalArgumentException("media times " + inMicros + "-" + outMicros + " us are empty or backwards");
        }
        long a = Timecode.framesForMicros(inMicros, start.rate());
        long b = Timecode.framesForMicros(outMicros, start.rate());
        return ofFrames(start.plusFrames(a), Math.max(1, b - a));
    }

    /**
     * Parses "HH:MM:SS:FF-HH:MM:SS:FF" (";" before the frames for drop-frame, on both ends). Ends at different
     * rates (one drop-frame, one not) and ends not in order are refused.
     */
    public static TimeRange parse(String text, FrameRate rate) {
        String[] p = split(text);
        return of(Timecode.parse(p[0], rate), Timecode.parse(p[1], rate));
    }

    /** Parses a range inside a clip that starts at {@code origin} (see {@link #of(Timecode, Timecode, Timecode)}). */
    public static TimeRange parse(String text, Timecode origin) {
        String[] p = split(text);
        return of(Timecode.parse(p[0], origin.rate()), Timecode.parse(p[1], origin.rate()), origin);
    }

    private static String[] split(String text) {
        if (text == null) {
            throw new IllegalArgumentException("time range is missing");
        }
        String[] p = text.strip().split("\\s*-\\s*");
        if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty()) {
            throw new IllegalArgumentException("not a time range: '" + text + "' (expected HH:MM:SS:FF-HH:MM:SS:FF)");
        }
        return p;
    }

    public Timecode in() {
        return in;
    }

    /** The first frame after the range (wraps past midnight like the timecode itself). */
    public Timecode out() {
        return in.plusFrames(frames);
    }

    public FrameRate rate() {
        return in.rate();
    }

    public long durationFrames() {
        return frames;
    }

    public double durationSeconds() {
        return frames * (double) rate().denominator() / rate().numerator();
    }

    public long durationMicros() {
        return Timecode.microsForFrames(frames, rate());
    }

    /** Frames from a clip's start timecode to this range's in point (the clip's media time, in frames). */
    public long inFramesFrom(Timecode origin) {
        requireSameRate(in, origin);
        return offset(origin, in);
    }

    /** Media time of the in point inside a clip that starts at {@code origin}, in seconds. */
    public double inSecondsFrom(Timecode origin) {
        return inFramesFrom(origin) * (double) rate().denominator() / rate().numerator();
    }

    /** True when the frame at {@code t} lies in [in, out). */
    public boolean contains(Timecode t) {
        requireSameRate(in, t);
        return offset(in, t) < frames;
    }

    /** True when this range holds all of another. */
    public boolean contains(TimeRange other) {
        requireSameRate(in, other.in);
        long start = offset(in, other.in);
        return start < frames && start + other.frames <= frames;
    }

    /** True when the two ranges share at least one frame. */
    public boolean overlaps(TimeRange other) {
        requireSameRate(in, other.in);
        return offset(in, other.in) < frames || offset(other.in, in) < other.frames;
    }

    /** Frames from {@code from} forward to {@code to}, wrapping at 24 hours. */
    private static long offset(Timecode from, Timecode to) {
        long day = from.rate().framesPerDay();
        return ((to.frames() - from.frames()) % day + day) % day;
    }

    private static void requireSameRate(Timecode a, Timecode b) {
        Objects.requireNonNull(a, "in");
        Objects.requireNonNull(b, "out");
        if (!a.rate().equals(b.rate())) {
            throw new IllegalArgumentException("range ends at different rates: " + a + " at " + a.rate() + " and " + b
                    + " at " + b.rate());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeRange r && r.in.equals(in) && r.frames == frames;
    }

    @Override
    public int hashCode() {
        return in.hashCode() * 31 + Long.hashCode(frames);
    }

    /** "01:00:00;00-01:00:10;00". */
    @Override
    public String toString() {
        return in + "-" + out();
    }
}
