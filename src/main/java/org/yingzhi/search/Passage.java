package org.yingzhi.search;

import java.util.List;
import java.util.Map;

/**
 * A timed passage of a recording for the passage index: a transcript's cue or an index segment. {@code owner} is
 * what it came from ({@code collection:id}: all of an owner's passages are replaced together), {@code asset} the
 * recording, {@code [startMillis, endMillis)} its time in the media's clock, a title (a segment's) and the text;
 * {@code filters} are keyword fields the search can require ({@code interviewee}, {@code interviewer},
 * {@code language}, {@code restricted} ...), each with its values.
 */
public record Passage(String id, String owner, String asset, long startMillis, long endMillis, String kind,
        String speaker, String title, String text, Map<String, List<String>> filters) {

    public Passage {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        text = text == null ? "" : text;
    }
}
