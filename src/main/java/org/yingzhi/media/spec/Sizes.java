package org.yingzhi.media.spec;

import java.util.List;

/** Picking among the sizes a derivative is stored in. */
final class Sizes {

    private Sizes() {
    }

    /** The stored size closest to a requested one (ties go to the first listed). */
    static int nearest(List<Integer> stored, int requested) {
        return stored.stream().min((a, b) -> Integer.compare(Math.abs(a - requested), Math.abs(b - requested)))
                .orElseThrow();
    }
}
