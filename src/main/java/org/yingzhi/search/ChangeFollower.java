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
        this.changes = changes;
        this.name = name;
        this.collections = Set.copyOf(collections);
        this.rebuild = rebuild;
        this.refresh = refresh;
        this.rebuildEveryMillis = rebuildEvery.toMillis();
        changes.onLocalChange(c -> {
            if (built && this.collections.contains(c.collection())) {
                refresh.accept(c.collection(), c.item());
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
                    for (ChangeLog.Change c : page) {
                        if (collections.contains(c.collection())) {
                            refresh.accept(c.collection(), c.item());
                        }
                        seen = c.seq();
                    }
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
