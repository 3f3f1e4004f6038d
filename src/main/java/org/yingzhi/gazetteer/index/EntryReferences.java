package org.yingzhi.gazetteer.index;

import java.util.Collection;

/**
 * What points at index entries from other features (links of ranges and photos to people, projects and places).
 * Implemented by those features, which depend on the index and not the other way round.
 */
public interface EntryReferences {

    /** The entries' names changed: what indexes them is to be refreshed. */
    void touched(EntryKind kind, Collection<String> entries);

    /** Points references to any of {@code from} at {@code to} instead (a merge); returns how many moved. */
    long moveTo(EntryKind kind, Collection<String> from, String to);
}
