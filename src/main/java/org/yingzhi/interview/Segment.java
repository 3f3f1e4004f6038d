package org.yingzhi.interview;

import java.time.Instant;
import java.util.List;

/**
 * An index segment of a recording (OHMS-style): the range {@code [startMillis, endMillis)} in the media's clock,
 * title, synopsis, partial transcript, keywords, subjects, places and web links, and the gazetteer links made of it
 * (a segment links like a range: each target is a {@code link} of the asset's range, so it shows as a moment on
 * the chapter's and the person's pages).
 */
public record Segment(String id, String asset, String interview, long startMillis, long endMillis, String title,
        String synopsis, String partialTranscript, List<String> keywords, List<String> subjects,
        List<IndexPoint.Gps> gps, List<IndexPoint.Hyperlink> hyperlinks, List<Target> targets, String source,
        String createdBy, Instant createdAt) {

    public Segment {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        gps = gps == null ? List.of() : List.copyOf(gps);
        hyperlinks = hyperlinks == null ? List.of() : List.copyOf(hyperlinks);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A gazetteer target of the segment and the link that carries it. */
    public record Target(String kind, String id, String name, String link) {
    }
}
