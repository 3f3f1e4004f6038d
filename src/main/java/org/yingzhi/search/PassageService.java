package org.yingzhi.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Keeps this API process's passage index (transcript cues, index segments) in step with the catalog: rebuilt from
 * the source at start (a thousand hour-long interviews take about a minute), then fed by the change log at once
 * for this process's writes and within a second for other processes'. Until it is built, searches say so.
 */
@Service
public class PassageService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PassageService.class);

    private final ChangeLog changes;
    private final List<PassageSource> sources;
    private final Path dir;
    private final boolean enabled;
    private volatile PassageIndex index;
    private volatile boolean ready;
    private volatile boolean running;
    private volatile boolean unrefreshed;
    private Thread thread;

    public PassageService(ChangeLog changes, List<PassageSource> sources,
            @Value("${yingzhi.search.passage-dir:${yingzhi.storage.data-dir:data}/search/passages}") Path dir,
            @Value("${yingzhi.search.enabled:true}") boolean enabled, @Value("${yingzhi.role:all}") String role) {
        this.changes = changes;
        this.sources = List.copyOf(sources);
        this.dir = dir;
        this.enabled = enabled && !role.equals("worker") && !sources.isEmpty();
        changes.onLocalChange(c -> {
            if (ready) {
                apply(c);
            }
        });
    }

    public boolean ready() {
        return ready;
    }

    public PassageHit.Page search(PassageQuery q) throws IOException {
        if (!ready) {
            throw new IllegalStateException("the passage index is being built");
        }
        if (unrefreshed) {
            unrefreshed = false;
            index.refresh();
        }
        return index.search(q);
    }

    /** Passages held (for status and tests). */
    public long count() throws IOException {
        return index == null ? 0 : index.count();
    }

    /** Builds the index again from the catalog now (tests that wrote behind the service's back). */
    public synchronized void rebuild() throws IOException {
        ready = false;
        long t0 = System.nanoTime();
        index.clear();
        long[] n = {0};
        for (PassageSource s : sources) {
            s.forEach(owner -> {
                if (!owner.isEmpty()) {
                    try {
                        index.replace(owner.get(0).owner(), owner);
                        n[0] += owner.size();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
        index.commit();
        index.refresh();
        ready = true;
        log.info("passage index built: {} passages in {} ms", n[0], (System.nanoTime() - t0) / 1_000_000);
    }

    private void apply(ChangeLog.Change c) {
        for (PassageSource s : sources) {
            if (s.collections().contains(c.collection())) {
                try {
                    index.replace(c.collection() + ":" + c.item(), s.passages(c.collection(), c.item()));
                    unrefreshed = true;
                } catch (IOException | RuntimeException e) {
                    log.warn("passage index: {} {} not applied: {}", c.collection(), c.item(), e.toString());
                }
            }
        }
    }

    private void run() {
        ObjectId seen = new ObjectId(new Date(System.currentTimeMillis() - 5_000), 0);
        long commitAt = 0;
        while (running) {
            try {
                if (!ready) {
                    rebuild();
                }
                for (List<ChangeLog.Change> page = changes.after(seen, 1000); !page.isEmpty(); page = changes.after(seen, 1000)) {
                    for (ChangeLog.Change c : page) {
                        apply(c);
                        seen = c.seq();
                    }
                    if (page.size() < 1000) {
                        break;
                    }
                }
                if (unrefreshed && System.currentTimeMillis() - commitAt > 10_000) {
                    index.commit();
                    commitAt = System.currentTimeMillis();
                }
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("passage index: {}; retrying", e.toString());
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        index = new PassageIndex(dir);
        running = true;
        thread = new Thread(this::run, "passage-index");
        thread.setDaemon(true);
        thread.start();
    }

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
                index.commit();
                index.close();
            } catch (IOException | RuntimeException e) {
                log.warn("passage index: close failed: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
