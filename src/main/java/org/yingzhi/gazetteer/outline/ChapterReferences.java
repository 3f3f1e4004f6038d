package org.yingzhi.gazetteer.outline;

import java.util.Collection;

/**
 * What points at chapters from other features (links to ranges and photos, numbered figures), as the outline needs
 * it when nodes are renamed, moved or deleted. Implemented by those features, which depend on the outline and not
 * the other way round; every implementation is told of every change.
 */
public interface ChapterReferences {

    /** What this kind of reference is, for reports ("links", "figures"). */
    String kind();

    /** The chapters' titles or places changed: what shows or indexes them is to be refreshed. */
    default void touched(Collection<String> chapters) {
    }

    /** How many references point at these chapters. */
    long count(Collection<String> chapters);

    /**
     * Whether references of this kind must be moved or dropped explicitly before their chapters are deleted (links
     * do: they are work; figures go with their chapter).
     */
    boolean guarded();

    /** Points the references at {@code to} instead; returns how many moved. */
    long moveTo(Collection<String> chapters, String to);

    /** Removes the references; returns how many went. */
    long drop(Collection<String> chapters);
}
