package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.spec.SceneSpec;

/** Shot boundaries on synthetic luma frames at 25 fps. */
class ShotDetectorTest {

    private static final long FRAME = 40_000;

    private static byte[] flat(int value) {
        byte[] b = new byte[64 * 36];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void hardCutsAreFoundAndSlowChangesAreNot() {
        ShotDetector d = new ShotDetector(SceneSpec.DEFAULT);
        int t = 0;
        for (; t < 25; t++) {
            d.accept(flat(20 + t), t * FRAME);          // a slow fade: 1/255 per frame
        }
        for (; t < 50; t++) {
            d.accept(flat(200), t * FRAME);             // cut at 1 s
        }
        for (; t < 75; t++) {
            d.accept(flat(t % 2 == 0 ? 90 : 95), t * FRAME); // cut at 2 s, then flicker below the threshold
        }
        assertEquals(List.of(1_000_000L, 2_000_000L), d.cuts());
    }

    @Test
    void aCutTooSoonAfterTheLastIsIgnored() {
        ShotDetector d = new ShotDetector(new SceneSpec(64, 0.16, 400));
        d.accept(flat(0), 0);
        d.accept(flat(255), 5 * FRAME);   // 200 ms into the clip: shorter than 400 ms
        d.accept(flat(0), 15 * FRAME);    // 600 ms: a cut
        d.accept(flat(255), 20 * FRAME);  // 200 ms after it: ignored
        d.accept(flat(255), 30 * FRAME);
        assertEquals(List.of(600_000L), d.cuts());
        assertThrows(IllegalArgumentException.class, () -> d.accept(new byte[3], 40 * FRAME));
    }
}
