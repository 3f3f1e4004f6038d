package org.yingzhi.search;

import java.util.Optional;
import java.util.function.Consumer;

/** Where the index reads items from: implemented by the collection's owner, so search knows no catalog types. */
public interface SearchSource {

    /** The collection whose changes this source indexes. */
    String collection();

    /** The item as it is now; empty when it no longer exists. */
    Optional<SearchDocument> load(String id);

    /**
     * Every item, for a rebuild, without holding them all; newest first, so that while a rebuild runs the index
     * already holds every item newer than the last one given ({@link SearchService#holdsNewest}).
     */
    void forEach(Consumer<SearchDocument> each);

    /** How many items the catalog holds (to tell whether the index is complete). */
    long count();
}
