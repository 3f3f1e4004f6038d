package org.yingzhi.search;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Where the passage index reads from: implemented by the feature that owns transcripts, so search knows none of its types. */
public interface PassageSource {

    /** The collections whose changes re-index an owner. */
    Set<String> collections();

    /** The passages of one item as it is now ({@code collection:id} is their owner); empty when it is gone. */
    List<Passage> passages(String collection, String id);

    /** Every passage, owner by owner, for a rebuild. */
    void forEach(Consumer<List<Passage>> eachOwner);
}
