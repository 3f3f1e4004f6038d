package org.yingzhi.asset;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.yingzhi.storage.MediaStore;

/**
 * Finds, every {@link #EVERY}, what faults leave in the media store: temp files of uploads and derivative writers
 * that died (removed once idle for {@link #TEMP_IDLE}), and originals that no asset holds (an upload that failed
 * between storing the file and cataloging it). Orphans older than {@link #ORPHAN_AGE} are moved to
 * {@code orphans/} and reported, never deleted: a catalog restored from an older backup makes newer originals
 * look orphaned, and they can be imported again from there. The first run checks every original; later runs
 * check those written since the previous run began (less a margin). The last report is kept for the admin API.
 */
@Component
public class StoreReconciliation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreReconciliation.class);
    static final Duration EVERY = Duration.ofMinutes(10);
    static final Duration TEMP_IDLE = Duration.ofHours(1);
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final MediaStore store;
    private final AssetRepository assets;
    private ScheduledExecutorService scheduler;
    private volatile Report last;
    private volatile long checkedSince = 0;

    StoreReconciliation(MediaStore store, AssetRepository assets) {
        this.store = store;
        this.assets = assets;
    }

    /** One run: when it finished, what it removed and moved, and the originals it moved (up to 50 named). */
    public record Report(Instant at, long millis, int tempFilesRemoved, int originalsChecked, int orphansMoved,
            List<String> orphans) {
    }

    public Report last() {
        return last;
    }

    /** Runs now (also what the schedule calls); temp and orphan ages as given (tests pass zero). */
    public synchronized Report run(Duration tempIdle, Duration orphanAge) {
        long t0 = System.currentTimeMillis();
        long since = checkedSince;
        int temp = store.sweepTemp(tempIdle);
        int[] checked = {0};
        List<String> moved = new ArrayList<>();
        long youngest = t0 - orphanAge.toMillis();
        try {
            store.forEachOriginal(since, o -> {
                if (o.modifiedMillis() > youngest) {
                    return; // may belong to an upload that is being cataloged right now
                }
                checked[0]++;
                if (assets.findBySha256(o.sha256()).isEmpty()) {
                    try {
                        store.quarantine(o);
                        moved.add(o.sha256() + "." + o.ext());
                        log.warn("original {}.{} has no asset: moved to orphans/", o.sha256(), o.ext());
                    } catch (IOException e) {
                        log.warn("could not move orphan {}: {}", o.path(), e.toString());
                    }
                }
            });
            // next time: what was written since this run looked, with a margin for uploads cataloged meanwhile
            checkedSince = Math.max(0, youngest - ORPHAN_AGE.toMillis());
        } catch (IOException | RuntimeException e) {
            log.warn("store reconciliation stopped early: {}", e.toString());
        }
        Report r = new Report(Instant.now(), System.currentTimeMillis() - t0, temp, checked[0], moved.size(),
                moved.size() > 50 ? List.copyOf(moved.subList(0, 50)) : List.copyOf(moved));
        if (temp > 0 || !moved.isEmpty()) {
            log.info("store reconciliation: {} temp files removed, {} originals checked, {} orphans moved to orphans/",
                    temp, checked[0], moved.size());
        }
        last = r;
        return r;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-reconciliation");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                run(TEMP_IDLE, ORPHAN_AGE);
            } catch (RuntimeException e) {
                log.warn("store reconciliation failed: {}", e.toString());
            }
        }, 60, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
