package org.yingzhi.gazetteer.index;

import java.util.Locale;

/** The kinds of the book's index: people (人物), aid projects (援建项目), places (地名) and units (单位). */
public enum EntryKind {
    PERSON("people"), PROJECT("projects"), PLACE("places"), UNIT("units");

    private final String plural;

    EntryKind(String plural) {
        this.plural = plural;
    }

    /** The path segment of the API ({@code /api/index/people}). */
    public String plural() {
        return plural;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind fromPlural(String s) {
        for (EntryKind k : values()) {
            if (k.plural.equals(s) || k.wire().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("the index has people, projects, places and units, not '" + s + "'");
    }
}
