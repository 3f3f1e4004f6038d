package org.yingzhi.asset;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.shared.json.DocumentSchemas;
import org.yingzhi.shared.mongo.IdPages;

/**
 * Owns the {@code assets} collection: field names, indexes, and every read and write of it. Reads come back as
 * the typed {@link Asset}; writes are intents (insert, a user's edit, a step's progress), never free field paths.
 */
@Repository
class AssetRepository implements AssetReader {

    static final String COLLECTION = AssetReader.COLLECTION;

    private final MongoCollection<Document> assets;
    private final DocumentSchemas schemas;
    private final ChangeLog changes;

    public AssetRepository(MongoDatabase db, DocumentSchemas schemas, ChangeLog changes) {
        this.assets = db.getCollection(COLLECTION);
        this.quickprints = db.getCollection(QUICKPRINTS);
        this.schemas = schemas;
        this.changes = changes;
        createIndexes();
    }

    /** Quickprint -> the assets whose originals have it: {@code _id} "size:sha256-of-ends", {@code assets} ids. */
    static final String QUICKPRINTS = "asset_quickprints";
    private final MongoCollection<Document> quickprints;

    /** Remembers an asset's quickprint (idempotent). */
    void recordQuickprint(Quickprint q, ObjectId asset) {
        quickprints.updateOne(eq(AssetFields.ID, q.key()), Updates.addToSet("assets", asset),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** The assets whose originals have this quickprint (found by _id: no index is needed). */
    List<ObjectId> byQuickprint(Quickprint q) {
        Document d = quickprints.find(eq(AssetFields.ID, q.key())).first();
        return d == null ? List.of() : d.getList("assets", ObjectId.class, List.of());
    }

    private void createIndexes() {
        assets.createIndex(Indexes.ascending(AssetFields.SHA256), new IndexOptions().unique(true).name("original_sha256_unique"));
        assets.createIndex(Indexes.compoundIndex(Indexes.ascending(AssetFields.DELETED), Indexes.descending(AssetFields.CREATED_AT)),
                new IndexOptions().name("deleted_createdAt"));
        assets.createIndex(Indexes.ascending(AssetFields.TYPE, AssetFields.CONTRIBUTOR_UNIT), new IndexOptions().name("type_unit"));
        assets.createIndex(Indexes.ascending(AssetFields.CAPTURE_START), new IndexOptions().name("captureStart"));
        assets.createIndex(Indexes.ascending(AssetFields.KEYWORDS), new IndexOptions().name("keywords"));
        assets.createIndex(Indexes.ascending(AssetFields.SEARCH_KEYS), new IndexOptions().name("searchKeys"));
        assets.createIndex(Indexes.ascending(AssetFields.STATUS), new IndexOptions().name("status"));
        // what an editing suite's list names a clip by (cut imports): file name, title, tape name
        assets.createIndex(Indexes.ascending(AssetFields.FILE_NAME), new IndexOptions().name("original_fileName"));
        assets.createIndex(Indexes.ascending(AssetFields.TITLE), new IndexOptions().name("title"));
        assets.createIndex(Indexes.ascending(AssetFields.REEL_NAME), new IndexOptions().name("reel_name").sparse(true));
    }

    /** Inserts a new asset; empty when another asset already holds the same original (unique SHA-256). */
    Optional<Asset> insert(Document doc) {
        schemas.validate("asset", doc);
        try {
            assets.insertOne(doc);
            changes.record(COLLECTION, doc.getObjectId(AssetFields.ID).toHexString());
            return Optional.of(AssetMapper.toAsset(doc));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Checks a new asset's document against the schema (before any write of a batch). */
    void validate(Document doc) {
        schemas.validate("asset", doc);
    }

    /**
     * Inserts new assets with one unordered insert and records their changes with another: for each document the
     * asset, or empty where another asset already holds the same original (unique SHA-256; also a second copy of
     * one file within the batch). Documents must have been {@link #validate validated}; {@code models} are their
     * read models, made beforehand (by the import threads, off the writer's path). Any other refusal throws,
     * and then some of the batch may be in: the caller asks the catalog which.
     */
    List<Optional<Asset>> insertAll(List<Document> docs, List<Asset> models) {
        java.util.Set<Integer> lost = new java.util.HashSet<>();
        try {
            assets.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            for (var err : e.getWriteErrors()) {
                if (err.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw changedMaybe(docs, e);
                }
                lost.add(err.getIndex());
            }
        } catch (RuntimeException e) {
            throw changedMaybe(docs, e);
        }
        List<Optional<Asset>> out = new ArrayList<>(docs.size());
        List<String> in = new ArrayList<>(docs.size());
        java.util.Map<String, Fresh> written = new java.util.HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            if (lost.contains(i)) {
                out.add(Optional.empty());
            } else {
                String id = docs.get(i).getObjectId(AssetFields.ID).toHexString();
                in.add(id);
                Asset a = models.get(i);
                written.put(id, new Fresh(docs.get(i), a));
                out.add(Optional.of(a));
            }
        }
        // this thread's listeners (the search index, the tallies) hear of the batch at once: they may take these
        // documents as the catalog's current state, since no one else knows the new ids before this returns
        JUST_INSERTED.set(written);
        try {
            changes.recordAll(COLLECTION, in);
        } finally {
            JUST_INSERTED.remove();
        }
        return out;
    }

    private static final ThreadLocal<java.util.Map<String, Fresh>> JUST_INSERTED = new ThreadLocal<>();

    /** A new asset as inserted: its stored document and its read model. */
    record Fresh(Document doc, Asset asset) {
    }

    /**
     * The documents of new assets whose insert this thread is announcing now (see {@link #insertAll}), by id;
     * empty otherwise. Nothing else can have changed them yet: their ids are known to no one else.
     */
    static java.util.Map<String, Fresh> justInserted() {
        java.util.Map<String, Fresh> m = JUST_INSERTED.get();
        return m == null ? java.util.Map.of() : m;
    }

    /**
     * A batch insert failed part-way: some documents may be in. Their changes are recorded all the same (a change
     * of an item that is not there only removes it from the indexes), so that what went in is found.
     */
    private RuntimeException changedMaybe(List<Document> docs, RuntimeException e) {
        try {
            changes.recordAll(COLLECTION, docs.stream().map(d -> d.getObjectId(AssetFields.ID).toHexString()).toList());
        } catch (RuntimeException also) {
            e.addSuppressed(also);
        }
        return e;
    }

    /** {@link #recordQuickprint} for several assets with one unordered bulk write. */
    void recordQuickprints(List<Quickprint> prints, List<ObjectId> ids) {
        List<com.mongodb.client.model.WriteModel<Document>> ups = new ArrayList<>(prints.size());
        for (int i = 0; i < prints.size(); i++) {
            ups.add(new com.mongodb.client.model.UpdateOneModel<>(eq(AssetFields.ID, prints.get(i).key()),
                    Updates.addToSet("assets", ids.get(i)), new com.mongodb.client.model.UpdateOptions().upsert(true)));
        }
        if (!ups.isEmpty()) {
            quickprints.bulkWrite(ups, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public Optional<Asset> findById(ObjectId id) {
        return findDocument(id).map(AssetMapper::toAsset);
    }

    Optional<Document> findDocument(ObjectId id) {
        return Optional.ofNullable(assets.find(eq(AssetFields.ID, id)).first());
    }

    /** The assets (deleted ones too) holding any of these originals, by SHA-256 (one query). */
    java.util.Map<String, Asset> findBySha256s(Collection<String> sha256s) {
        java.util.Map<String, Asset> out = new java.util.HashMap<>();
        if (sha256s.isEmpty()) {
            return out;
        }
        for (Document d : assets.find(in(AssetFields.SHA256, new java.util.HashSet<>(sha256s)))) {
            Asset a = AssetMapper.toAsset(d);
            out.put(a.original().sha256(), a);
        }
        return out;
    }

    public Optional<Asset> findBySha256(String sha256) {
        return Optional.ofNullable(assets.find(eq(AssetFields.SHA256, sha256)).first()).map(AssetMapper::toAsset);
    }

    /** Assets in the order of their ids, given their documents: every id in the order given (missing ones left out). */
    @Override
    public List<Asset> findByIds(List<String> ids) {
        List<ObjectId> oids = ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        java.util.Map<String, Asset> byId = new java.util.HashMap<>();
        for (Document d : assets.find(Filters.in(AssetFields.ID, oids)).projection(new Document(AssetFields.SEARCH_KEYS, 0))) {
            Asset a = AssetMapper.toAsset(d);
            byId.put(a.id(), a);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Assets not deleted whose original's file name, title or tape name ({@code media.tags.reel_name}) is one of
     * {@code names}, at most {@code limit}: the candidates for the events of an editing suite's list.
     */
    public List<Asset> findByNames(java.util.Collection<String> names, int limit) {
        List<Asset> out = new java.util.ArrayList<>();
        if (names.isEmpty()) {
            return out;
        }
        List<String> given = List.copyOf(names);
        for (Document d : assets.find(Filters.and(Filters.eq(AssetFields.DELETED, false), Filters.or(
                Filters.in(AssetFields.FILE_NAME, given), Filters.in(AssetFields.TITLE, given),
                Filters.in(AssetFields.REEL_NAME, given)))).projection(new Document(AssetFields.SEARCH_KEYS, 0)).limit(limit)) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }

    /**
     * Assets not deleted whose check is in a state (a check never decided counts as pending), of one unit or all,
     * oldest first: a review queue.
     */
    List<Asset> inReview(String check, String state, String unit, java.util.Collection<String> among, int limit) {
        String field = AssetFields.REVIEW + "." + check + ".state";
        org.bson.conversions.Bson byState = "PENDING".equals(state)
                ? Filters.or(Filters.eq(field, state), Filters.exists(field, false)) : Filters.eq(field, state);
        List<org.bson.conversions.Bson> filters = new java.util.ArrayList<>(List.of(Filters.eq(AssetFields.DELETED, false), byState));
        if (unit != null && !unit.isBlank()) {
            filters.add(Filters.eq(AssetFields.CONTRIBUTOR_UNIT, unit));
        }
        if (among != null) {
            filters.add(Filters.in(AssetFields.ID, among.stream().filter(ObjectId::isValid).map(ObjectId::new).toList()));
        }
        List<Asset> out = new java.util.ArrayList<>();
        for (Document d : assets.find(Filters.and(filters)).projection(new Document(AssetFields.SEARCH_KEYS, 0))
                .sort(new Document(AssetFields.CREATED_AT, 1)).limit(limit)) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }

    /** Assets not deleted with a check returned to their unit (of one unit, or all), oldest first. */
    List<Asset> returned(String unit, int limit) {
        List<org.bson.conversions.Bson> filters = new java.util.ArrayList<>(List.of(Filters.eq(AssetFields.DELETED, false),
                Filters.eq(AssetFields.REVIEW + ".status", ReviewStatus.CHANGES_REQUESTED.name())));
        if (unit != null) {
            filters.add(Filters.eq(AssetFields.CONTRIBUTOR_UNIT, unit));
        }
        List<Asset> out = new java.util.ArrayList<>();
        for (Document d : assets.find(Filters.and(filters)).projection(new Document(AssetFields.SEARCH_KEYS, 0))
                .sort(new Document(AssetFields.CREATED_AT, 1)).limit(limit)) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }

    /** Every asset, a thousand at a time in id order (the embedded server and MongoDB both walk the id index). */
    void forEachInIdOrder(java.util.function.Consumer<Asset> each) {
        IdPages.forEach(assets, new Document(AssetFields.SEARCH_KEYS, 0), 1000, d -> each.accept(AssetMapper.toAsset(d)));
    }

    /** Every asset, newest first (a rebuild of the index can serve the newest page long before it ends). */
    void forEachNewestFirst(java.util.function.Consumer<Asset> each, Runnable windowDone) {
        IdPages.forEachNewestFirst(assets, new Document(AssetFields.SEARCH_KEYS, 0), 1000,
                d -> each.accept(AssetMapper.toAsset(d)), windowDone);
    }

    MongoCollection<Document> collection() {
        return assets;
    }

    /** The number of documents, from the collection's metadata (no scan; deleted assets included). */
    long estimatedCount() {
        return assets.estimatedDocumentCount();
    }

    /** How many assets (deleted ones included) carry each contributor unit string. */
    public java.util.Map<String, Long> countByUnit() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        forEachUnit((id, unit) -> out.merge(unit, 1L, Long::sum));
        return out;
    }

    /** The ids of the assets that carry exactly this contributor unit string. */
    List<ObjectId> idsWithUnit(String unit) {
        List<ObjectId> out = new ArrayList<>();
        forEachUnit((id, u) -> {
            if (u.equals(unit)) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * Every asset's id and contributor unit, read in pages by id: one long query would hold the embedded catalog's
     * writes back for its whole scan.
     */
    private void forEachUnit(java.util.function.BiConsumer<ObjectId, String> each) {
        IdPages.forEach(assets, new Document(AssetFields.CONTRIBUTOR_UNIT, 1), 5000, d -> {
            if (d.get(AssetFields.CONTRIBUTOR_UNIT) instanceof String u) {
                each.accept(d.getObjectId(AssetFields.ID), u);
            }
        });
    }

    long count(Bson filter) {
        return assets.countDocuments(filter);
    }

    List<Asset> find(Bson filter, Bson sort, int skip, int limit) {
        List<Asset> out = new ArrayList<>();
        for (Document d : assets.find(filter).sort(Sorts.orderBy(sort, Sorts.ascending(AssetFields.ID))).skip(skip)
                .limit(limit).projection(new Document(AssetFields.SEARCH_KEYS, 0))) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }

    /** A deep copy with every BSON type kept (Long stays Long, Date stays Date). */
    static Document deepCopy(Document doc) {
        return new DocumentCodec().decode(new BsonDocumentReader(doc.toBsonDocument()), DecoderContext.builder().build());
    }

    /**
     * Applies a user's edit only if the document is still at the version that was read (optimistic locking),
     * bumping the version; validates the result against the schema first. Only the top-level fields that differ
     * are written ($set/$unset), so work that jobs record meanwhile (derivatives, steps) is never overwritten.
     * Empty when someone else's edit came first.
     */
    Optional<Asset> update(Document current, Document updated) {
        long version = current.get(AssetFields.VERSION, Number.class).longValue();
        updated.put(AssetFields.VERSION, version + 1);
        schemas.validate("asset", updated);
        List<Bson> changes = new ArrayList<>();
        for (String k : updated.keySet()) {
            if (!k.equals(AssetFields.ID) && !Objects.equals(updated.get(k), current.get(k))) {
                changes.add(Updates.set(k, updated.get(k)));
            }
        }
        for (String k : current.keySet()) {
            if (!updated.containsKey(k)) {
                changes.add(Updates.unset(k));
            }
        }
        long n = assets.updateOne(and(eq(AssetFields.ID, current.get(AssetFields.ID)), eq(AssetFields.VERSION, version)),
                Updates.combine(changes)).getModifiedCount();
        if (n != 1) {
            return Optional.empty();
        }
        this.changes.record(COLLECTION, current.getObjectId(AssetFields.ID).toHexString());
        return findById(current.getObjectId(AssetFields.ID));
    }

    /**
     * Adds another unit's contribution of the same bytes, once per unit (the filter makes a repeat a no-op), and
     * refreshes the search keys so the asset is found by that unit's batch label too.
     */
    Optional<Asset> addContribution(ObjectId id, Document contribution) {
        String unit = contribution.getString("unit");
        assets.updateOne(and(eq(AssetFields.ID, id), Filters.ne(AssetFields.CONTRIBUTIONS + ".unit", unit)),
                Updates.push(AssetFields.CONTRIBUTIONS, contribution));
        Optional<Document> doc = findDocument(id);
        doc.ifPresent(d -> assets.updateOne(eq(AssetFields.ID, id),
                Updates.set(AssetFields.SEARCH_KEYS, AssetDocuments.searchKeys(d))));
        changes.record(COLLECTION, id.toHexString());
        return findById(id);
    }

    // ---- processing: what jobs record (never the descriptive fields, never the version)

    /** Marks steps QUEUED (before their jobs are queued again). */
    void recordStepsQueued(ObjectId id, Collection<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        List<Bson> sets = new ArrayList<>();
        for (Step s : steps) {
            sets.add(Updates.set(AssetFields.step(s) + ".status", StepStatus.QUEUED.name()));
        }
        // with steps waiting the asset is processing (the status the step events would compute), in the same write,
        // so that a crash before the jobs are queued leaves it where the recovery looks
        sets.add(Updates.set(AssetFields.STATUS, AssetStatus.PROCESSING.name()));
        assets.updateOne(eq(AssetFields.ID, id), Updates.combine(sets));
        changes.record(COLLECTION, id.toHexString());
    }

    void recordStepStarted(ObjectId id, Step step, int attempt) {
        assets.updateOne(eq(AssetFields.ID, id), Updates.set(AssetFields.step(step),
                new Document("status", StepStatus.RUNNING.name()).append("attempts", attempt).append("startedAt", new Date())));
    }

    /** DONE with what the step made, or SKIPPED with why, in one write. */
    void recordStepFinished(ObjectId id, Step step, int attempt, long millis, StepResult result, String skippedBecause) {
        Document state = new Document("status", (skippedBecause == null ? StepStatus.DONE : StepStatus.SKIPPED).name())
                .append("attempts", attempt).append("finishedAt", new Date()).append("millis", millis);
        if (skippedBecause != null) {
            state.append("note", skippedBecause);
        }
        List<Bson> sets = new ArrayList<>();
        sets.add(Updates.set(AssetFields.step(step), state));
        if (result != null) {
            if (result.derivative() != null) {
                sets.add(Updates.set(AssetFields.DERIVATIVES + "." + result.derivativeName(),
                        AssetMapper.toDocument(result.derivative())));
            }
            if (result.scenes() != null) {
                sets.add(Updates.set(AssetFields.SCENES, result.scenes().stream().map(AssetMapper::toDocument).toList()));
            }
        }
        assets.updateOne(eq(AssetFields.ID, id), Updates.combine(sets));
    }

    /** FAILED for good, or QUEUED again when the job will retry; with the error either way. */
    void recordStepFailed(ObjectId id, Step step, int attempt, String error, boolean willRetry) {
        assets.updateOne(eq(AssetFields.ID, id), Updates.set(AssetFields.step(step),
                new Document("status", (willRetry ? StepStatus.QUEUED : StepStatus.FAILED).name())
                        .append("attempts", attempt).append("error", error).append("finishedAt", new Date())));
    }

    /**
     * Compare-and-set of the status against the processing state it was computed from, so two workers finishing
     * different steps of one asset at once cannot leave a stale status behind.
     */
    boolean setStatusIf(ObjectId id, Document processingSeen, AssetStatus status) {
        boolean set = assets.updateOne(and(eq(AssetFields.ID, id), eq(AssetFields.PROCESSING, processingSeen)),
                Updates.set(AssetFields.STATUS, status.name())).getMatchedCount() == 1;
        if (set) {
            changes.record(COLLECTION, id.toHexString());
        }
        return set;
    }

    /** Assets still INGESTED (no job has started) that were created before a moment: candidates for a sweep. */
    /** Not deleted, INGESTED or PROCESSING, last changed before {@code before}, after an id, in id order. */
    List<Asset> unfinishedBefore(Date before, ObjectId after, int limit) {
        List<Asset> out = new ArrayList<>();
        for (Document d : assets.find(and(gt(AssetFields.ID, after), in(AssetFields.STATUS, AssetStatus.INGESTED.name(),
                AssetStatus.PROCESSING.name()), lt(AssetFields.UPDATED_AT, before), ne(AssetFields.DELETED, true)))
                .sort(Sorts.ascending(AssetFields.ID)).projection(new Document(AssetFields.SEARCH_KEYS, 0)).limit(limit)) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }

    List<Asset> ingestedBefore(Date before, int limit) {
        List<Asset> out = new ArrayList<>();
        for (Document d : assets.find(and(eq(AssetFields.STATUS, AssetStatus.INGESTED.name()), lt(AssetFields.CREATED_AT, before),
                ne(AssetFields.DELETED, true))).projection(new Document(AssetFields.SEARCH_KEYS, 0)).limit(limit)) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }
}
