package org.yingzhi.search;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock per item (striped): an index loads an item from the catalog and writes it under the item's lock, so when
 * two writers of one item apply their changes on their own threads, the later one loads after both writes and the
 * index ends with the newest state. Different items seldom share a stripe and do not wait for each other. A batch
 * takes its items' stripes in ascending order, so two batches never wait for each other in a circle.
 */
final class ItemLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    ItemLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Locks held until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Holds the locks of every item given until closed. */
    Held hold(Collection<String> items) {
        TreeSet<Integer> taken = new TreeSet<>();
        for (String item : items) {
            taken.add(Math.floorMod(item.hashCode(), stripes.length));
        }
        for (int i : taken) {
            stripes[i].lock();
        }
        return () -> {
            for (int i : taken.descendingSet()) {
                stripes[i].unlock();
            }
        };
    }
}
