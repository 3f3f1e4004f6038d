package org.yingzhi.interview;

import java.util.List;

/**
 * An OHMS-style index point as read from a file, before it becomes a {@link Segment}: where it starts (and ends,
 * when the file says), its title, partial transcript, synopsis, keywords, subjects, places on the map and links.
 */
public record IndexPoint(long startMillis, Long endMillis, String title, String partialTranscript, String synopsis,
        List<String> keywords, List<String> subjects, List<Gps> gps, List<Hyperlink> hyperlinks) {

    public IndexPoint {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        gps = gps == null ? List.of() : List.copyOf(gps);
        hyperlinks = hyperlinks == null ? List.of() : List.copyOf(hyperlinks);
    }

    /** A place of the segment: latitude, longitude, the map's zoom (null: not said) and a label. */
    public record Gps(double latitude, double longitude, Integer zoom, String text) {
    }

    /** A web link of the segment with its label. */
    public record Hyperlink(String url, String text) {
    }
}
