package org.yingzhi.cut;

import java.time.Instant;
import java.util.List;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * A sequence a producer assembles: one versioned document with the record timeline's rate and start timecode and
 * the ordered entries. The record timeline itself (where each entry lands, the total) is computed by
 * {@link CutSheet}, never stored. {@code editors} may change it beside its owner; a shared cut is read by everyone.
 */
public record Cut(String id, String title, String owner, String ownerName, String unit, boolean shared,
        List<String> editors, String outlineNode, FrameRate rate, Timecode start, List<CutEntry> entries,
        long version, Instant createdAt, Instant updatedAt, boolean deleted) {

    public Cut {
        editors = editors == null ? List.of() : List.copyOf(editors);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The cut with only the entries kept (those of assets a reader may see, or that exist); the first one kept dissolves from nothing. */
    public Cut keeping(java.util.function.Predicate<CutEntry> keep) {
        List<CutEntry> kept = new java.util.ArrayList<>();
        for (CutEntry e : entries) {
            if (keep.test(e)) {
                kept.add(kept.isEmpty() && e.dissolve() > 0 ? e.withDissolve(0) : e);
            }
        }
        return withEntries(kept);
    }

    public Cut withEntries(List<CutEntry> newEntries) {
        return new Cut(id, title, owner, ownerName, unit, shared, editors, outlineNode, rate, start, newEntries,
                version, createdAt, updatedAt, deleted);
    }
}
