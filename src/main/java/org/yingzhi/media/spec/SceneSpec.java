package org.yingzhi.media.spec;

/**
 * Shot boundaries: frames are compared at {@code analysisWidth} px in luma; a change larger than {@code threshold}
 * (mean absolute difference, 0-1) starts a new shot unless the current one is shorter than {@code minShotMillis}.
 */
public record SceneSpec(int analysisWidth, double threshold, int minShotMillis) {

    public static final SceneSpec DEFAULT = new SceneSpec(64, 0.16, 400);

    public SceneSpec {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1)");
        }
    }
}
