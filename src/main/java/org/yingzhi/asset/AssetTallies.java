package org.yingzhi.asset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.yingzhi.search.ChangeFollower;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.shared.mongo.IdPages;

/**
 * Every asset reduced to what review queues and progress reports count: type, unit, when it came, duration,
 * whether deleted, each check's state. Kept in memory (about 150 bytes an asset) from one paged scan, and kept
 * current from the change log: at once for this process's writes, within a second for other processes', and by a
 * full rescan every ten minutes. The embedded server builds no index on review state or unit, so a queue read
 * from the catalog would scan and sort every asset on every request.
 */
@Service
public class AssetTallies implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AssetTallies.class);

    /** One asset as queues and reports count it; {@code returned} when a check sent it back to its unit. */
    public record Tally(String id, AssetType type, String unit, Instant createdAt, long durationMicros,
            boolean deleted, ReviewStatus review, CheckState political, CheckState facts) {

        public boolean approved() {
            return political == CheckState.APPROVED && facts == CheckState.APPROVED;
        }

        public boolean returned() {
            return political == CheckState.RETURNED || facts == CheckState.RETURNED;
        }

        public CheckState state(ReviewCheck c) {
            return c == ReviewCheck.POLITICAL ? political : facts;
        }
    }

    private static final Document PROJECTION = new Document(AssetFields.TYPE, 1).append(AssetFields.CONTRIBUTOR_UNIT, 1)
            .append(AssetFields.CREATED_AT, 1).append("media.durationMicros", 1).append(AssetFields.DELETED, 1)
            .append(AssetFields.REVIEW, 1);
    private static final Comparator<Tally> OLDEST_FIRST = Comparator.comparing(Tally::createdAt).thenComparing(Tally::id);

    private final AssetRepository repo;
    private final ChangeLog changes;
    private final Map<String, Tally> byId = new ConcurrentHashMap<>();
    private final ChangeFollower follower;

    AssetTallies(AssetRepository repo, ChangeLog changes) {
        this.repo = repo;
        this.changes = changes;
        this.follower = new ChangeFollower(changes, "asset-tallies", java.util.Set.of(AssetReader.COLLECTION),
                this::read, (collection, id) -> refresh(id), (collection, ids) -> refreshAll(ids), java.time.Duration.ofMinutes(10));
    }

    /** Every asset (deleted ones too), from memory once built, else read from the catalog. */
    public Collection<Tally> all() {
        if (follower.built()) {
            return byId.values();
        }
        List<Tally> out = new ArrayList<>();
        forEachStored(out::add);
        return out;
    }

    public boolean ready() {
        return follower.built();
    }

    /** One asset's tally, from memory once built (else read from the catalog). */
    public java.util.Optional<Tally> get(String id) {
        if (follower.built()) {
            return java.util.Optional.ofNullable(byId.get(id));
        }
        if (!ObjectId.isValid(id)) {
            return java.util.Optional.empty();
        }
        Document d = repo.collection().find(new Document(AssetFields.ID, new ObjectId(id))).projection(PROJECTION).first();
        return java.util.Optional.ofNullable(d).map(AssetTallies::tally);
    }

    /** The ids of the {@code limit} oldest assets not deleted that match, oldest first (a bounded heap, no full sort). */
    public List<String> oldest(Predicate<Tally> match, int limit) {
        PriorityQueue<Tally> heap = new PriorityQueue<>(limit + 1, OLDEST_FIRST.reversed());
        for (Tally t : all()) {
            if (!t.deleted() && match.test(t)) {
                heap.add(t);
                if (heap.size() > limit) {
                    heap.poll();
                }
            }
        }
        List<Tally> out = new ArrayList<>(heap);
        out.sort(OLDEST_FIRST);
        return out.stream().map(Tally::id).toList();
    }

    /** Reads everything again (after a restore, or a test that wrote to the catalog behind the service's back). */
    public void rebuild() {
        follower.rebuildNow();
    }

    private void read() {
        long t0 = System.nanoTime();
        Map<String, Tally> fresh = new java.util.HashMap<>();
        forEachStored(t -> fresh.put(t.id(), t));
        byId.keySet().retainAll(fresh.keySet());
        byId.putAll(fresh);
        log.info("asset tallies built: {} assets in {} ms", fresh.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    void refresh(String id) {
        refreshAll(List.of(id));
    }

    /** {@link #refresh} for a batch of assets, with one read. */
    void refreshAll(List<String> ids) {
        Map<String, AssetRepository.Fresh> fresh = AssetRepository.justInserted();
        java.util.Set<String> missing = new java.util.HashSet<>(ids);
        for (String id : ids) {
            AssetRepository.Fresh f = fresh.get(id);
            if (f != null) {
                byId.put(id, tally(f.doc()));
                missing.remove(id);
            }
        }
        List<ObjectId> oids = missing.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        if (oids.isEmpty()) {
            return;
        }
        for (Document d : repo.collection().find(com.mongodb.client.model.Filters.in(AssetFields.ID, oids)).projection(PROJECTION)) {
            Tally t = tally(d);
            byId.put(t.id(), t);
            missing.remove(t.id());
        }
        missing.forEach(byId::remove);
    }

    private void forEachStored(Consumer<Tally> each) {
        IdPages.forEach(repo.collection(), PROJECTION, 5000, d -> each.accept(tally(d)));
    }

    static Tally tally(Document d) {
        Document media = d.get(AssetFields.MEDIA, Document.class);
        Number micros = media == null ? null : media.get("durationMicros", Number.class);
        Date created = d.getDate(AssetFields.CREATED_AT);
        Document review = d.get(AssetFields.REVIEW, Document.class);
        ReviewStatus status = ReviewStatus.PENDING;
        if (review != null && review.getString("status") != null) {
            try {
                status = ReviewStatus.valueOf(review.getString("status"));
            } catch (IllegalArgumentException e) {
                status = ReviewStatus.PENDING;
            }
        }
        AssetType type;
        try {
            type = AssetType.valueOf(d.getString(AssetFields.TYPE));
        } catch (RuntimeException e) {
            type = AssetType.VIDEO;
        }
        return new Tally(d.getObjectId(AssetFields.ID).toHexString(), type, d.getString(AssetFields.CONTRIBUTOR_UNIT),
                created == null ? Instant.EPOCH : created.toInstant(), micros == null ? 0 : micros.longValue(),
                d.getBoolean(AssetFields.DELETED, false), status, state(review, "political"), state(review, "facts"));
    }

    private static CheckState state(Document review, String check) {
        Document c = review == null ? null : review.get(check, Document.class);
        if (c == null || c.getString("state") == null) {
            return CheckState.PENDING;
        }
        try {
            return CheckState.valueOf(c.getString("state"));
        } catch (IllegalArgumentException e) {
            return CheckState.PENDING;
        }
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.running();
    }
}
