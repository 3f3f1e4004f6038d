package org.yingzhi.media;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Min/max peaks of all channels per window, fed decoded float samples in stream order. Pure Java, so it is
 * tested on synthetic buffers; the toolkit feeds it what the decoder produces. Windows no sample reached stay 0
 * (silence).
 */
public final class WaveformPeaks {

    private final long samplesPerWindow;
    private final int channels;
    private float[] min = new float[1024];
    private float[] max = new float[1024];
    private int windows;
    private long position;

    /** {@code samplesPerWindow}: frames (one sample per channel) per window. */
    public WaveformPeaks(long samplesPerWindow, int channels) {
        if (samplesPerWindow < 1 || channels < 1) {
            throw new IllegalArgumentException("samples per window and channels must be at least 1");
        }
        this.samplesPerWindow = samplesPerWindow;
        this.channels = channels;
    }

    /** Interleaved samples (L R L R ...), from the buffer's position to its limit. */
    public void addInterleaved(FloatBuffer b) {
        int n = b.remaining();
        int base = b.position();
        for (int k = 0; k < n; k++) {
            put((int) ((position + k / channels) / samplesPerWindow), b.get(base + k));
        }
        position += n / channels;
    }

    /** One buffer per channel (planar), all the same length. */
    public void addPlanar(FloatBuffer[] planes) {
        int n = planes[0].remaining();
        for (FloatBuffer b : planes) {
            int base = b.position();
            for (int k = 0; k < n; k++) {
                put((int) ((position + k) / samplesPerWindow), b.get(base + k));
            }
        }
        position += n;
    }

    private void put(int w, float v) {
        if (w >= min.length) {
            int size = Math.max(min.length * 2, w + 1);
            min = Arrays.copyOf(min, size);
            max = Arrays.copyOf(max, size);
        }
        windows = Math.max(windows, w + 1);
        if (v < min[w]) {
            min[w] = v;
        }
        if (v > max[w]) {
            max[w] = v;
        }
    }

    /** Frames seen so far. */
    public long frames() {
        return position;
    }

    public float[] min() {
        return Arrays.copyOf(min, windows);
    }

    public float[] max() {
        return Arrays.copyOf(max, windows);
    }
}
