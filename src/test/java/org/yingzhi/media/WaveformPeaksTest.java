package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Peaks on synthetic sample buffers, the way a decoder hands them over (in chunks, interleaved or planar). */
class WaveformPeaksTest {

    @Test
    void interleavedStereoInUnevenChunks() {
        // 10 frames per window; left is a ramp 0..0.29, right its negative; 30 frames in chunks of 7 frames
        WaveformPeaks p = new WaveformPeaks(10, 2);
        float[] all = new float[60];
        for (int i = 0; i < 30; i++) {
            all[2 * i] = i / 100f;
            all[2 * i + 1] = -i / 100f;
        }
        for (int from = 0; from < 60; from += 14) {
            int n = Math.min(14, 60 - from);
            // a buffer whose position is not 0, as JavaCV's often are
            FloatBuffer b = FloatBuffer.allocate(n + 3);
            b.position(3);
            b.put(all, from, n);
            b.position(3);
            p.addInterleaved(b);
        }
        assertEquals(30, p.frames());
        assertArrayEquals(new float[] {0.09f, 0.19f, 0.29f}, p.max(), 1e-6f);
        assertArrayEquals(new float[] {-0.09f, -0.19f, -0.29f}, p.min(), 1e-6f);
    }

    @Test
    void planarChannelsAndAPartialLastWindow() {
        WaveformPeaks p = new WaveformPeaks(4, 2);
        p.addPlanar(new FloatBuffer[] {FloatBuffer.wrap(new float[] {0.5f, 0, 0, 0, 0, 0.25f}),
                FloatBuffer.wrap(new float[] {0, 0, -0.75f, 0, 0, 0})});
        assertEquals(6, p.frames());
        assertArrayEquals(new float[] {0.5f, 0.25f}, p.max());
        assertArrayEquals(new float[] {-0.75f, 0f}, p.min());
    }

    @Test
    void silenceAndLongInput() {
        WaveformPeaks p = new WaveformPeaks(4800, 1);
        p.addInterleaved(FloatBuffer.wrap(new float[48_000 * 70]));
        assertEquals(700, p.max().length, "70 s at 100 ms windows, grown past the initial capacity");
        assertEquals(0f, p.max()[699]);
        assertThrows(IllegalArgumentException.class, () -> new WaveformPeaks(0, 2));
    }
}
