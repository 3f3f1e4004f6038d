package org.yingzhi.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Keeps this API process's passage index (transcript cues, index segments) in step with the catalog: rebuilt from
 * the source at start (a thousand hour-long interviews, 726,000 passages, took 102 s on two cores), then fed by the
 * change log ({@link ChangeFollower}) at once for this process's writes and within a second for other processes'.
 * Until it is built, searches say so.
 */
@Service
public class PassageService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PassageService.class);

    private final List<PassageSource> sources;
    private final Path dir;
    private final boolean enabled;
    private volatile PassageIndex index;
    private volatile boolean ready;
    private volatile boolean unrefreshed;
    private final ChangeFollower follower;

    public PassageService(ChangeLog changes, List<PassageSource> sources,
            @Value("${yingzhi.search.passage-dir:${yingzhi.storage.data-dir:data}/search/passages}") Path dir,
            @Value("${yingzhi.search.enabled:true}") boolean enabled, @Value("${yingzhi.role:all}") String role) {
        this.sources = List.copyOf(sources);
        this.dir = dir;
        this.enabled = enabled && !role.equals("worker") && !sources.isEmpty();
        java.util.Set<String> collections = new java.util.HashSet<>();
        sources.forEach(s -> collections.addAll(s.collections()));
        // rebuilt from the catalog at every start (so nothing needs committing on the way); afterwards only followed
        this.follower = new ChangeFollower(changes, "passage-index", collections, () -> {
            try {
                rebuild();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, this::apply, java.time.Duration.ofDays(365 * 100));
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

    private final ItemLocks itemLocks = new ItemLocks();

    private void apply(String collection, String item) {
        if (!ready) {
            return;
        }
        for (PassageSource s : sources) {
            if (s.collections().contains(collection)) {
                try {
                    try (ItemLocks.Held held = itemLocks.hold(List.of(item))) {
                        index.replace(collection + ":" + item, s.passages(collection, item));
                    }
                    unrefreshed = true;
                } catch (IOException | RuntimeException e) {
                    log.warn("passage index: {} {} not applied: {}", collection, item, e.toString());
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
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
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
        return follower.running();
    }

}
