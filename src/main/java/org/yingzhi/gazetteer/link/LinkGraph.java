package org.yingzhi.gazetteer.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.yingzhi.gazetteer.index.EntryDirectory;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.search.ChangeLog;

/**
 * Every link, held in memory by target and by asset (and, through the same follower of the change log, the index's
 * entries in the {@link EntryDirectory}): the projection that chapter pages, appearances, coverage
 * and the search index read, so they answer in milliseconds at hundreds of thousands of links (the embedded
 * catalog builds no index on a link's target and would scan them all). Like the search index it is derived and
 * rebuildable, never the source of truth: built from the catalog at start-up, kept current from the change log
 * (this process's writes at once, other processes' within the poll interval), rebuilt when it fell behind the
 * trimmed log. Until it is built, readers get the catalog's answer.
 * <p>
 * It also knows which linked assets are deleted (followed through the same change log): their links stay stored
 * (a restore brings them back) but leave every chapter, index page, count and report ({@link #byTargets},
 * {@link #allOf}); only {@link #byAssets} still returns them, for callers that check who may see a deleted asset.
 */
@Component
public class LinkGraph implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LinkGraph.class);
    private static final long LOOK_BACK_MILLIS = 5_000;

    private final LinkRepository repo;
    private final ChangeLog changes;
    private final long pollMillis;
    private final Map<String, Link> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byTarget = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byAsset = new ConcurrentHashMap<>();
    private final CountDownLatch built = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong outlineVersion = new java.util.concurrent.atomic.AtomicLong();
    private final Map<LinkTarget, Map.Entry<Long, List<Link>>> byKind = new ConcurrentHashMap<>();
    private volatile boolean ready;
    private volatile boolean running;
    private Thread thread;

    private final EntryDirectory entries;
    private final org.yingzhi.asset.AssetReader assets;
    /** Linked assets that are deleted. */
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    /** Linked assets that passed both checks. */
    private final Set<String> approved = ConcurrentHashMap.newKeySet();

    public LinkGraph(LinkRepository repo, ChangeLog changes, EntryDirectory entries, org.yingzhi.asset.AssetReader assets,
            @Value("${yingzhi.gazetteer.link-poll:500ms}") java.time.Duration poll) {
        this.entries = entries;
        this.assets = assets;
        this.repo = repo;
        this.changes = changes;
        this.pollMillis = poll.toMillis();
        changes.onLocalChange(c -> {
            if (c.collection().equals(OutlineService.COLLECTION)) {
                outlineVersion.incrementAndGet();
            }
            if (ready && c.collection().equals(LinkRepository.COLLECTION)) {
                apply(c.item());
            }
            if (entries.ready() && c.collection().equals(EntryService.COLLECTION)) {
                entries.apply(c.item());
            }
            if (ready && c.collection().equals(org.yingzhi.asset.AssetReader.COLLECTION)) {
                applyAsset(c.item());
            }
        });
    }

    public boolean ready() {
        return ready;
    }

    /** Waits (briefly) for the first build: a page asked for during start-up is worth a short wait. */
    private boolean awaitReady() {
        return awaitBuilt(2_000);
    }

    /** Waits up to {@code millis} for the first build; true once built. */
    public boolean awaitBuilt(long millis) {
        if (ready) {
            return true;
        }
        try {
            return built.await(millis, TimeUnit.MILLISECONDS) && ready;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public List<Link> byTargets(LinkTarget kind, Collection<String> ids) {
        if (!awaitReady()) {
            return repo.byTargets(kind, ids);
        }
        List<Link> out = new ArrayList<>();
        for (String id : ids) {
            collect(byTarget.get(key(kind, id)), out);
        }
        if (!withdrawn.isEmpty()) {
            out.removeIf(l -> withdrawn.contains(l.asset()));
        }
        out.sort(Comparator.comparing(Link::id));
        return out;
    }

    /** Whether the asset is deleted (known for linked assets only). */
    public boolean withdrawn(String asset) {
        return withdrawn.contains(asset);
    }

    /** Every link (the claims queue walks them in memory: the embedded server builds no index on review state). */
    public java.util.Collection<Link> all() {
        if (!awaitReady()) {
            List<Link> out = new ArrayList<>();
            repo.forEach(out::add);
            return out;
        }
        List<Link> out = new ArrayList<>(byId.values());
        if (!withdrawn.isEmpty()) {
            out.removeIf(l -> withdrawn.contains(l.asset()));
        }
        return out;
    }

    /** Whether the linked asset passed both checks (known for linked assets). */
    public boolean assetApproved(String asset) {
        return approved.contains(asset);
    }

    public List<Link> byAsset(String asset) {
        return byAssets(List.of(asset));
    }

    public List<Link> byAssets(Collection<String> assets) {
        if (!awaitReady()) {
            return repo.byAssets(assets);
        }
        List<Link> out = new ArrayList<>();
        for (String a : assets) {
            collect(byAsset.get(a), out);
        }
        out.sort(Comparator.comparing(Link::id));
        return out;
    }

    /** Every link of a kind; the list is kept until the next change, so reports reading it again pay nothing. */
    public List<Link> allOf(LinkTarget kind) {
        if (!awaitReady()) {
            return repo.allOf(kind);
        }
        long v = version.get();
        Map.Entry<Long, List<Link>> cached = byKind.get(kind);
        if (cached != null && cached.getKey() == v) {
            return cached.getValue();
        }
        List<Link> out = new ArrayList<>();
        for (Link l : byId.values()) {
            if (l.targetKind() == kind && !withdrawn.contains(l.asset())) {
                out.add(l);
            }
        }
        List<Link> list = java.util.Collections.unmodifiableList(out);
        byKind.put(kind, Map.entry(v, list));
        return list;
    }

    /**
     * Changes whenever the outline changes, in this process at once and in others within the poll interval (the
     * poller watches the outline's change records too), so reports may keep the outline between changes.
     */
    public long outlineVersion() {
        return outlineVersion.get();
    }

    /** Changes with every link added, changed or removed (and with a rebuild). */
    public long version() {
        return version.get();
    }

    public int size() {
        return byId.size();
    }

    private void collect(Set<String> ids, List<Link> out) {
        if (ids != null) {
            for (String id : ids) {
                Link l = byId.get(id);
                if (l != null) {
                    out.add(l);
                }
            }
        }
    }

    private static String key(LinkTarget kind, String id) {
        return kind.wire() + ":" + id;
    }

    /** Re-reads one link from the catalog: added, changed (retargeted) or gone. */
    synchronized void apply(String id) {
        Optional<Link> now = repo.find(id);
        Link before = byId.remove(id);
        if (before != null) {
            remove(byTarget, key(before.targetKind(), before.targetId()), id);
            remove(byAsset, before.asset(), id);
        }
        now.ifPresent(this::add);
        version.incrementAndGet();
    }

    /** Re-reads whether a linked asset is deleted (an asset without links is not followed). */
    void applyAsset(String id) {
        if (!byAsset.containsKey(id)) {
            return;
        }
        var found = ObjectId.isValid(id) ? assets.findById(new ObjectId(id)) : java.util.Optional.<org.yingzhi.asset.Asset>empty();
        boolean deleted = found.map(a -> a.deleted()).orElse(true);
        boolean ok = found.map(a -> !a.deleted() && a.review() != null && a.review().approved()).orElse(false);
        boolean changed = deleted ? withdrawn.add(id) : withdrawn.remove(id);
        changed |= ok ? approved.add(id) : approved.remove(id);
        if (changed) {
            version.incrementAndGet();
        }
    }

    private void findWithdrawn() {
        withdrawn.clear();
        approved.clear();
        List<String> ids = new ArrayList<>(byAsset.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + 500));
            Set<String> alive = new java.util.HashSet<>();
            for (org.yingzhi.asset.Asset a : assets.findByIds(batch)) {
                if (!a.deleted()) {
                    alive.add(a.id());
                    if (a.review() != null && a.review().approved()) {
                        approved.add(a.id());
                    }
                }
            }
            for (String id : batch) {
                if (!alive.contains(id)) {
                    withdrawn.add(id);
                }
            }
        }
    }

    /** One String per distinct asset id, target id, unit, type and author: links repeat them by the hundred thousand. */
    private final Map<String, String> strings = new ConcurrentHashMap<>();

    private String canon(String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    private void add(Link raw) {
        Link l = new Link(raw.id(), canon(raw.asset()), canon(raw.assetType()), canon(raw.unit()), raw.targetKind(),
                canon(raw.targetId()), raw.range(), raw.durationMicros(), raw.scene(), raw.note(), canon(raw.createdBy()),
                raw.createdAt(), raw.claim());
        byId.put(l.id(), l);
        byTarget.computeIfAbsent(key(l.targetKind(), l.targetId()), k -> ConcurrentHashMap.newKeySet()).add(l.id());
        byAsset.computeIfAbsent(l.asset(), k -> ConcurrentHashMap.newKeySet()).add(l.id());
    }

    private static void remove(Map<String, Set<String>> index, String key, String id) {
        Set<String> s = index.get(key);
        if (s != null) {
            s.remove(id);
            if (s.isEmpty()) {
                index.remove(key, s);
            }
        }
    }

    /** Builds the graph again from the catalog (after a restore, or when a test empties the catalog). */
    public void rebuild() {
        build();
        outlineVersion.incrementAndGet();
    }

    private synchronized ObjectId build() {
        long t0 = System.nanoTime();
        // changes from here on are applied after the scan; applying one twice is harmless
        ObjectId from = new ObjectId(new java.util.Date(System.currentTimeMillis() - LOOK_BACK_MILLIS), 0);
        byId.clear();
        byTarget.clear();
        byAsset.clear();
        strings.clear();
        repo.forEach(this::add);
        findWithdrawn();
        version.incrementAndGet();
        entries.build();
        log.info("link graph built: {} links and {} index entries in {} ms", byId.size(), entries.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return from;
    }

    private void run() {
        ObjectId seen = null;
        while (running) {
            try {
                if (seen == null) {
                    seen = build();
                    outlineVersion.incrementAndGet();
                    ready = true;
                    built.countDown();
                }
                ObjectId oldest = changes.oldest();
                if (oldest != null && oldest.compareTo(seen) > 0
                        && oldest.getDate().getTime() - seen.getDate().getTime() > LOOK_BACK_MILLIS) {
                    log.info("link graph fell behind the trimmed change log: rebuilding");
                    seen = build();
                }
                ObjectId look = new ObjectId(new java.util.Date(Math.max(0, seen.getDate().getTime() - LOOK_BACK_MILLIS)), 0);
                for (List<ChangeLog.Change> page = changes.after(look, 1000); !page.isEmpty();
                        page = changes.after(page.get(page.size() - 1).seq(), 1000)) {
                    for (ChangeLog.Change c : page) {
                        // the look-back window is applied again each time (re-reading a link is harmless), so a
                        // write of another process that reached the log slightly out of order is not missed
                        if (c.collection().equals(LinkRepository.COLLECTION)) {
                            apply(c.item());
                        } else if (c.collection().equals(OutlineService.COLLECTION)) {
                            outlineVersion.incrementAndGet();
                        } else if (c.collection().equals(EntryService.COLLECTION)) {
                            entries.apply(c.item());
                        } else if (c.collection().equals(org.yingzhi.asset.AssetReader.COLLECTION)) {
                            applyAsset(c.item());
                        }
                        if (c.seq().compareTo(seen) > 0) {
                            seen = c.seq();
                        }
                    }
                    if (page.size() < 1000) {
                        break;
                    }
                }
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("link graph: {}; retrying", e.toString());
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
        running = true;
        thread = new Thread(this::run, "link-graph");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
