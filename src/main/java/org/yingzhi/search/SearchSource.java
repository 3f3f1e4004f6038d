package org.yingzhi.search;

import java.util.Optional;
import java.util.function.Consumer;

/** Where the index reads items from: implemented by the collection's owner, so search knows no catalog types. */
public interface SearchSource {

    /** The collection whose changes this source indexes. */
    String collection();

    /** The item as it is now; empty when it no longer exists. */
    Optional<SearchDocument> load(String id);

    /** The items as they are now, by id; ids that no longer exist are left out. */
    default java.util.Map<String, SearchDocument> loadAll(java.util.List<String> ids) {
        java.util.Map<String, SearchDocument> out = new java.util.HashMap<>();
        for (String id : ids) {
            load(id).ifPresent(d -> out.put(id, d));
        }
        return out;
    }

    /**
     * Every item, for a rebuild, without holding them all; newest first, in steps: after each step
     * {@code allNewerGiven} is called, and by then every item newer than the oldest given so far has been given
     * (so the index can answer the newest pages while the rebuild goes on: {@link SearchService#holdsNewest}).
     */
    void forEach(Consumer<SearchDocument> each, Runnable allNewerGiven);

    /** How many items the catalog holds (to tell whether the index is complete). */
    long count();
}
