package org.yingzhi.search;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an in-memory projection of some collections in step with the change log: a full read at start (and every
 * {@code rebuildEvery}), this process's writes applied at once, other processes' within a second. Applying a
 * change twice is harmless (the projection re-reads the item), so the follower looks back a few seconds.
 */
public final class ChangeFollower {

    private static final Logger log = LoggerFactory.getLogger(ChangeFollower.class);

    private final ChangeLog changes;
    private final String name;
    private final Set<String> collections;
    private final Runnable rebuild;
    private final BiConsumer<String, String> refresh;
    private final long rebuildEveryMillis;
    private volatile boolean built;
    private volatile boolean running;
    private Thread thread;

    public ChangeFollower(ChangeLog changes, String name, Set<String> collections, Runnable rebuild,
            BiConsumer<String, String> refresh, java.time.Duration rebuildEvery) {
        this(changes, name, collections, rebuild, refresh, (collection, items) -> {
            for (String item : items) {
                refresh.accept(collection, item);
            }
        }, rebuildEvery);
    }

    /**
     * The same, with {@code refreshAll} for this process's batches of writes (a folder import's: one read of the
     * batch instead of one per item).
     */
    public ChangeFollower(ChangeLog changes, String name, Set<String> collections, Runnable rebuild,
            BiConsumer<String, String> refresh, BiConsumer<String, List<String>> refreshAll, java.time.Duration rebuildEvery) {
        this.changes = changes;
        this.name = name;
        this.collections = Set.copyOf(collections);
        this.rebuild = rebuild;
        this.refresh = refresh;
        this.rebuildEveryMillis = rebuildEvery.toMillis();
        this.refreshAll = refreshAll;
        changes.onLocalChanges(cs -> {
            if (built) {
                apply(cs);
            }
        });
    }

    private final BiConsumer<String, List<String>> refreshAll;

    /** Refreshes the items changed, one collection at a time, each item once. */
    private void apply(List<ChangeLog.Change> cs) {
        java.util.Map<String, java.util.LinkedHashSet<String>> byCollection = new java.util.LinkedHashMap<>();
        for (ChangeLog.Change c : cs) {
            if (collections.contains(c.collection())) {
                byCollection.computeIfAbsent(c.collection(), k -> new java.util.LinkedHashSet<>()).add(c.item());
            }
        }
        byCollection.forEach((collection, items) -> {
            if (items.size() == 1) {
                refresh.accept(collection, items.iterator().next());
            } else {
                refreshAll.accept(collection, List.copyOf(items));
            }
        });
    }

    /** Whether the first full read is done. */
    public boolean built() {
        return built;
    }

    /** Reads everything again now (tests that wrote behind the service's back, a restore). */
    public synchronized void rebuildNow() {
        rebuild.run();
        built = true;
    }

    private void run() {
        ObjectId seen = null;
        long rebuiltAt = 0;
        while (running) {
            try {
                if (seen == null || System.currentTimeMillis() - rebuiltAt > rebuildEveryMillis) {
                    ObjectId from = new ObjectId(new Date(System.currentTimeMillis() - 5_000), 0);
                    rebuildNow();
                    rebuiltAt = System.currentTimeMillis();
                    seen = seen == null ? from : seen;
                }
                for (List<ChangeLog.Change> page = changes.after(seen, 1000); !page.isEmpty(); page = changes.after(seen, 1000)) {
                    apply(page); // a page at a time: one read for many items
                    seen = page.get(page.size() - 1).seq();
                    if (page.size() < 1000) {
                        break;
                    }
                }
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{}: {}; retrying", name, e.toString());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean running() {
        return running;
    }
}
