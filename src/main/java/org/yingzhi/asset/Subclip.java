package org.yingzhi.asset;

/**
 * A suggested subclip (one shot) of a video: media time [inMicros, outMicros) and, when the clip's timebase is
 * known, the same span as source timecode labels.
 */
public record Subclip(int index, long inMicros, long outMicros, String in, String out) {
}
