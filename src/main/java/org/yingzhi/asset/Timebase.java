package org.yingzhi.asset;

import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.TimeRange;
import org.yingzhi.timecode.Timecode;

/**
 * How a clip's media time maps to source timecode: the timecode of its first frame (00:00:00:00 at the video
 * rate when the file carries none), the rate, and the duration. Links, subclips and cuts measure with it.
 */
public record Timebase(Timecode start, long durationMicros, boolean sourceTimecode) {

    public FrameRate rate() {
        return start.rate();
    }

    /** Frames the clip spans (at least one). */
    public long durationFrames() {
        return Math.max(1, Timecode.framesForMicros(durationMicros, start.rate()));
    }

    /** The whole clip as a range of source timecode. */
    public TimeRange whole() {
        return TimeRange.ofFrames(start, durationFrames());
    }

    /** Media time [inMicros, outMicros) of the clip as source timecode. */
    public TimeRange range(long inMicros, long outMicros) {
        return TimeRange.ofMicros(start, inMicros, outMicros);
    }

    /** The timecode shown at a media time. */
    public Timecode at(long micros) {
        return start.plusFrames(Timecode.framesForMicros(micros, start.rate()));
    }
}
