package org.yingzhi.gazetteer.link;

import java.time.Instant;

/**
 * A piece of material linked to the gazetteer: a whole asset, or the range {@code [in, out)} of a clip in its
 * source timecode, linked to a chapter, a person, a project or a place, with a note, who linked it and when.
 * {@code durationMicros} is the range's length, or the whole clip's (0 for photos), kept with the link so that
 * coverage adds up without reading the assets.
 */
public record Link(String id, String asset, String assetType, String unit, LinkTarget targetKind, String targetId,
        Range range, long durationMicros, Integer scene, String note, String createdBy, Instant createdAt) {

    /**
     * A range of a clip: in and out as source timecode labels, the rate, where it starts counted in frames and
     * microseconds from the clip's first frame, and its length.
     */
    public record Range(String in, String out, String rate, boolean dropFrame, long startFrame, long frames,
            long inMicros, long durationMicros) {
    }
}
