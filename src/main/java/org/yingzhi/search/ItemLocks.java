package org.yingzhi.search;

/**
 * A lock per item (striped): an index loads an item from the catalog and writes it under the item's lock, so when
 * two writers of one item apply their changes on their own threads, the later one loads after both writes and the
 * index ends with the newest state. Different items seldom share a stripe and do not wait for each other.
 */
final class ItemLocks {

    private final Object[] stripes = new Object[64];

    ItemLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    Object of(String item) {
        return stripes[Math.floorMod(item.hashCode(), stripes.length)];
    }
}
