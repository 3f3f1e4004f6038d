package org.yingzhi.media.spec;

/** Waveform peaks: the minimum and maximum sample of all channels in every window of {@code windowMillis}. */
public record WaveformSpec(int windowMillis) {

    public static final WaveformSpec DEFAULT = new WaveformSpec(100);

    public WaveformSpec {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
    }

    /** Samples per window at a sample rate. */
    public long samplesPerWindow(int sampleRate) {
        return Math.max(1, (long) sampleRate * windowMillis / 1000);
    }

    /** Windows that cover a duration (the last one may be partial). */
    public int windowsFor(long durationMicros) {
        long w = windowMillis * 1000L;
        return (int) ((durationMicros + w - 1) / w);
    }
}
