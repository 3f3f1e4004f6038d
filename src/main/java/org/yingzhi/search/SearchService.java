package org.yingzhi.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Keeps this process's search index in step with the catalog and answers searches from it. At start the index is
 * caught up from the change log, or rebuilt in the background when it is new, was deleted, or fell behind the
 * trimmed log; meanwhile {@link #ready()} is false and callers use the catalog. Afterwards a thread applies the
 * change log every {@code poll}; this process's own writes are applied at once, so a writer finds its change
 * immediately and other API processes within a second. Worker processes keep no index.
 */
@Service
public class SearchService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    /** Changes from other processes may arrive this much out of order. */
    private static final long LOOK_BACK_MILLIS = 5_000;
    /** How often the log is read from that far back. */
    private static final long LOOK_BACK_EVERY_MILLIS = 1_000;
    private long lookedBack;

    private final ChangeLog changes;
    private final SearchSource source;
    private final Path indexDir;
    private final boolean enabled;
    private final long pollMillis;
    private final long retentionMillis;
    private final long trimEveryMillis;
    private final Map<ObjectId, Long> recent = new ConcurrentHashMap<>();
    private final ItemLocks itemLocks = new ItemLocks();
    private volatile SearchIndex index;
    private volatile boolean ready;
    private volatile boolean running;
    private volatile String state = "stopped";
    private volatile long rebuilt;
    private Thread thread;
    private ObjectId lastSeen;

    public SearchService(ChangeLog changes, List<SearchSource> sources,
            @Value("${yingzhi.search.index-dir:${yingzhi.storage.data-dir:data}/search/assets}") Path indexDir,
            @Value("${yingzhi.search.enabled:true}") boolean enabled, @Value("${yingzhi.role:all}") String role,
            @Value("${yingzhi.search.poll:250ms}") java.time.Duration poll,
            @Value("${yingzhi.search.change-retention:10m}") java.time.Duration retention,
            @Value("${yingzhi.search.trim-every:1m}") java.time.Duration trimEvery) {
        if (sources.size() != 1) {
            throw new IllegalStateException("one search source expected, found " + sources.size());
        }
        this.changes = changes;
        this.source = sources.get(0);
        this.indexDir = indexDir;
        this.enabled = enabled && !role.equals("worker");
        this.pollMillis = poll.toMillis();
        this.retentionMillis = retention.toMillis();
        this.trimEveryMillis = trimEvery.toMillis();
        changes.onLocalChanges(this::applyNow);
    }

    /** True once the index holds the whole catalog; until then lists come from the catalog itself. */
    public boolean ready() {
        return ready && index != null;
    }

    public SearchResult search(SearchQuery q) throws IOException {
        if (!ready()) {
            throw new IllegalStateException("the search index is " + state);
        }
        if (unrefreshed) {
            // this process wrote since the last search: make its writes visible first (read your own writes)
            unrefreshed = false;
            try {
                index.refresh();
            } catch (IOException | RuntimeException e) {
                // a refresh writes the new segment (a full disk refuses it): answer from what is visible, try again
                unrefreshed = true;
                log.warn("search index: refresh failed, answering from the last visible state: {}", e.toString());
            }
        }
        return index.search(q);
    }

    /** Items a running rebuild has made searchable so far (newest first); 0 when none runs. */
    private volatile long partial;

    /**
     * Whether the index holds at least the {@code n} newest items: always once it is ready; during a rebuild once
     * that many are indexed and searchable (the rebuild reads the catalog newest first).
     */
    public boolean holdsNewest(long n) {
        return ready() || (rebuilding() && partial >= n);
    }

    /** Whether a rebuild is running (its newest items are searchable as it goes). */
    public boolean rebuilding() {
        return index != null && "rebuilding".equals(state);
    }

    /**
     * A search of the index as far as a running rebuild has come (for the newest pages, which it holds first): the
     * caller checks {@link #holdsNewest} and only asks what the newest items alone can answer.
     */
    public SearchResult searchNewest(SearchQuery q) throws IOException {
        if (ready()) {
            return search(q);
        }
        if (index == null) {
            throw new IllegalStateException("the search index is " + state);
        }
        return index.search(q);
    }

    /** Writes applied to the index but not yet visible to searches (refreshed by the next search, not per write). */
    private volatile boolean unrefreshed;

    /**
     * State for the admin page and tests: building, catching up, ready; documents indexed; while rebuilding, how
     * many of the newest items are already searchable (lists of the newest pages are answered from them).
     */
    public record Status(String state, long documents, long rebuiltDocuments, long newestSearchable) {
    }

    public Status status() throws IOException {
        return new Status(state, index == null ? 0 : index.count(), rebuilt, ready() ? -1 : partial);
    }

    /** Throws the index away and builds it again from the catalog, in the background; searches use the catalog meanwhile. */
    public synchronized void rebuildSoon() {
        ready = false;
        state = "rebuild requested";
        notifyAll();
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        index = new SearchIndex(indexDir);
        running = true;
        thread = new Thread(this::loop, "search-index");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            index.warmUp();
        } catch (RuntimeException e) {
            log.warn("search index: warming the text analysis up failed: {}", e.toString());
        }
        try {
            catchUpOrRebuild();
        } catch (Exception e) {
            log.error("search index could not be brought up to date; lists use the catalog", e);
            state = "failed: " + e.getMessage();
        }
        long lastTrim = 0;
        while (running) {
            try {
                if (index.broken()) {
                    reopen();
                }
                if ("rebuild requested".equals(state)) {
                    rebuild();
                }
                if (ready) {
                    applyLog();
                }
                if (System.currentTimeMillis() - lastTrim > trimEveryMillis) {
                    changes.trimBefore(new Date(System.currentTimeMillis() - retentionMillis));
                    lastTrim = System.currentTimeMillis();
                }
                synchronized (this) {
                    wait(pollMillis);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.warn("search index: {}", e.toString());
                sleep(pollMillis * 4);
            }
        }
    }

    /**
     * The index writer closed itself after a failed write (a full disk): lists use the catalog meanwhile; the index
     * is opened again at its last commit and caught up from the change log (or rebuilt). While the disk still
     * refuses, opening fails and the next round of the loop tries again.
     */
    private void reopen() throws IOException {
        if (ready) {
            log.warn("search index: its writer closed after a failed write; lists use the catalog until it is reopened");
        }
        ready = false;
        state = "reopening";
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            // it is closed already; what matters is the last commit on disk
        }
        index = new SearchIndex(indexDir);
        catchUpOrRebuild();
    }

    private void catchUpOrRebuild() throws IOException {
        long applied = index.appliedUntil();
        ObjectId oldest = changes.oldest();
        // records after what this index applied may have been trimmed: the log no longer reaches back to it
        boolean trimmedPast = applied > 0 && applied - LOOK_BACK_MILLIS < System.currentTimeMillis() - retentionMillis
                && (oldest == null || oldest.getDate().getTime() > applied - LOOK_BACK_MILLIS);
        if (applied == 0 || trimmedPast) {
            rebuild();
            return;
        }
        state = "catching up";
        lastSeen = new ObjectId(new Date(applied - LOOK_BACK_MILLIS), 0);
        applyLog();
        long inCatalog = source.count();
        long inIndex = index.count();
        if (inCatalog != inIndex) {
            log.info("search index holds {} items, the catalog {}: rebuilding", inIndex, inCatalog);
            rebuild();
            return;
        }
        ready = true;
        state = "ready";
        log.info("search index caught up: {} items", inIndex);
    }

    private void rebuild() throws IOException {
        ready = false;
        state = "rebuilding";
        long t0 = System.currentTimeMillis();
        ObjectId from = new ObjectId(new Date(t0 - LOOK_BACK_MILLIS), 0);
        index.deleteAll();
        partial = 0;
        long[] n = {0};
        long[] shown = {0};
        source.forEach(d -> {
            try {
                index.put(d);
                n[0]++;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> {
            // every item newer than the oldest given is in: searchable now (at most once a second, and at the start)
            if (n[0] > partial && (partial < 1000 || System.nanoTime() - shown[0] > 1_000_000_000L)) {
                try {
                    index.refresh();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                partial = n[0];
                shown[0] = System.nanoTime();
            }
        });
        rebuilt = n[0];
        index.commit(t0);
        lastSeen = from;
        applyLog();
        ready = true;
        state = "ready";
        log.info("search index rebuilt: {} items in {} ms", n[0], System.currentTimeMillis() - t0);
    }

    /**
     * Applies every change after the last one seen, then commits. Every {@link #LOOK_BACK_EVERY_MILLIS} the read
     * starts a few seconds further back, for another process's changes that reached the log after newer ones; in
     * between only what is newer is read (re-reading five seconds of a busy import's log four times a second cost
     * a tenth of its time).
     */
    private synchronized void applyLog() throws IOException {
        long back = 0;
        if (System.currentTimeMillis() - lookedBack >= LOOK_BACK_EVERY_MILLIS) {
            back = LOOK_BACK_MILLIS;
            lookedBack = System.currentTimeMillis();
        }
        ObjectId from = back == 0 ? lastSeen : new ObjectId(new Date(Math.max(0, lastSeen.getDate().getTime() - back)), 0);
        boolean any = false;
        while (true) {
            List<ChangeLog.Change> page = changes.after(from, 1000);
            List<ChangeLog.Change> unseen = new java.util.ArrayList<>();
            for (ChangeLog.Change c : page) {
                if (c.collection().equals(source.collection()) && recent.putIfAbsent(c.seq(), c.at()) == null) {
                    unseen.add(c);
                }
            }
            if (!unseen.isEmpty()) {
                try {
                    apply(unseen); // a page at a time: one read for many items
                } catch (IOException | RuntimeException e) {
                    for (ChangeLog.Change c : unseen) {
                        recent.remove(c.seq()); // read again at the next round
                    }
                    throw e;
                }
                any = true;
            }
            for (ChangeLog.Change c : page) {
                if (c.seq().compareTo(lastSeen) > 0) {
                    lastSeen = c.seq();
                }
                from = c.seq();
            }
            if (page.size() < 1000) {
                break;
            }
        }
        long horizon = lastSeen.getDate().getTime() - 2 * LOOK_BACK_MILLIS;
        recent.values().removeIf(at -> at < horizon);
        if (any) {
            index.commit(lastSeen.getDate().getTime());
        }
    }

    /** This process's own writes (one, or a batch of a folder import), applied at once. */
    private void applyNow(List<ChangeLog.Change> written) {
        List<ChangeLog.Change> mine = written.stream().filter(c -> c.collection().equals(source.collection())).toList();
        if (!ready() || mine.isEmpty()) {
            return;
        }
        try {
            for (ChangeLog.Change c : mine) {
                recent.put(c.seq(), c.at());
            }
            apply(mine);
            unrefreshed = true;
        } catch (IOException | RuntimeException e) {
            // the poller applies them again from the log
            for (ChangeLog.Change c : mine) {
                recent.remove(c.seq());
            }
            log.warn("search index: applying {} changes now failed: {}", mine.size(), e.toString());
        }
    }

    /**
     * Loads the items as the catalog holds them now and puts them in the index, under the items' locks: a job's
     * step finishing while the office deletes the asset must not leave the older state in the index, where the
     * poller would not correct it (both changes count as applied).
     */
    private void apply(List<ChangeLog.Change> cs) throws IOException {
        List<String> items = cs.stream().map(ChangeLog.Change::item).distinct().toList();
        try (ItemLocks.Held held = itemLocks.hold(items)) {
            Map<String, SearchDocument> now = source.loadAll(items);
            if (items.size() < PARALLEL_FROM) {
                write(items, now);
                return;
            }
            // a folder import's batch: the text analysis of half of it on a second thread (the writer is thread-safe)
            List<String> first = items.subList(0, items.size() / 2);
            java.util.concurrent.Future<?> other = helper.submit(() -> {
                write(items.subList(items.size() / 2, items.size()), now);
                return null;
            });
            write(first, now);
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while indexing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    private void write(List<String> items, Map<String, SearchDocument> now) throws IOException {
        for (String item : items) {
            SearchDocument d = now.get(item);
            if (d != null) {
                index.put(d);
            } else {
                index.delete(item);
            }
        }
    }

    /** Batches at least this large are indexed on two threads. */
    private static final int PARALLEL_FROM = 32;
    private final java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-index-batch");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (index != null) {
            try {
                index.close();
            } catch (IOException e) {
                log.warn("closing the search index: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
