package org.yingzhi.media;

import java.util.ArrayList;
import java.util.List;
import org.yingzhi.media.spec.SceneSpec;

/**
 * Finds shot boundaries in a sequence of small luma pictures: a mean absolute difference to the previous
 * picture above the spec's threshold starts a new shot, unless the current shot is shorter than the minimum.
 * Pure Java, fed by the toolkit's decoder and tested on synthetic frames.
 */
public final class ShotDetector {

    private final SceneSpec spec;
    private final List<Long> cuts = new ArrayList<>();
    private byte[] previous;
    private long shotStart;

    public ShotDetector(SceneSpec spec) {
        this.spec = spec;
    }

    /** The next picture (8-bit luma, every picture the same size) at its media time in microseconds. */
    public void accept(byte[] luma, long micros) {
        if (previous != null) {
            if (previous.length != luma.length) {
                throw new IllegalArgumentException("pictures change size: " + previous.length + " then " + luma.length);
            }
            long sum = 0;
            for (int i = 0; i < luma.length; i++) {
                sum += Math.abs((luma[i] & 0xFF) - (previous[i] & 0xFF));
            }
            double diff = sum / (255.0 * luma.length);
            if (diff > spec.threshold() && micros - shotStart >= spec.minShotMillis() * 1000L) {
                cuts.add(micros);
                shotStart = micros;
            }
        } else {
            previous = new byte[luma.length];
        }
        System.arraycopy(luma, 0, previous, 0, luma.length);
    }

    /** Media times where a new shot starts, excluding the start of the clip. */
    public List<Long> cuts() {
        return List.copyOf(cuts);
    }
}
