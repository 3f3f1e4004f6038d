package org.yingzhi.bin;

import java.time.Instant;
import java.util.List;

/**
 * A bin: a person's named collection of whole assets and ranges, each with a note, private or shared for reading,
 * and shared for editing with named accounts. Producers collect moments for cuts in bins; editors collect photos.
 */
public record Bin(String id, String name, String note, String owner, String ownerName, boolean shared,
        List<String> editors, List<Item> items, long version, Instant createdAt, Instant updatedAt, boolean deleted) {

    public Bin {
        editors = editors == null ? List.of() : List.copyOf(editors);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One thing collected: an asset whole ({@code in}/{@code out} null) or a range {@code [in, out)} in its source
     * timecode at its rate, with where it was collected from (player, scene, a chapter or person page, the library).
     */
    public record Item(String id, String asset, String type, String in, String out, String rate, boolean dropFrame,
            long startFrame, long frames, long inMicros, long durationMicros, String note, String from,
            String addedBy, Instant addedAt) {
    }
}
