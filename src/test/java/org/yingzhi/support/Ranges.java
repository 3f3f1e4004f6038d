package org.yingzhi.support;

import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.TimeRange;
import org.yingzhi.timecode.Timecode;

/** Test data: time ranges written as their labels ("01:00:59;20", "01:01:00;20") at a rate. */
public final class Ranges {

    private Ranges() {
    }

    /** [in, out) at {@code rate}. */
    public static TimeRange of(String in, String out, FrameRate rate) {
        return TimeRange.of(Timecode.parse(in, rate), Timecode.parse(out, rate));
    }

    /** [in, out) of a clip starting at {@code origin} (may cross midnight inside the clip). */
    public static TimeRange of(String in, String out, FrameRate rate, String origin) {
        return TimeRange.of(Timecode.parse(in, rate), Timecode.parse(out, rate), Timecode.parse(origin, rate));
    }

    /** {@code frames} frames from {@code in}. */
    public static TimeRange frames(String in, long frames, FrameRate rate) {
        return TimeRange.ofFrames(Timecode.parse(in, rate), frames);
    }
}
