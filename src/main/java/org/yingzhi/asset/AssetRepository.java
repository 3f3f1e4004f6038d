package org.yingzhi.asset;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import org.yingzhi.shared.json.DocumentSchemas;

/**
 * Owns the {@code assets} collection: field names, indexes, and every read and write of it. Reads come back as
 * the typed {@link Asset}; writes are intents (insert, a user's edit, a step's progress), never free field paths.
 */
@Repository
public class AssetRepository implements AssetReader {

    public static final String COLLECTION = "assets";

    private final MongoCollection<Document> assets;
    private final DocumentSchemas schemas;

    public AssetRepository(MongoDatabase db, DocumentSchemas schemas) {
        this.assets = db.getCollection(COLLECTION);
        this.schemas = schemas;
        createIndexes();
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
    }

    /** Inserts a new asset; empty when another asset already holds the same original (unique SHA-256). */
    Optional<Asset> insert(Document doc) {
        schemas.validate("asset", doc);
        try {
            assets.insertOne(doc);
            return Optional.of(AssetMapper.toAsset(doc));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Asset> findById(ObjectId id) {
        return findDocument(id).map(AssetMapper::toAsset);
    }

    Optional<Document> findDocument(ObjectId id) {
        return Optional.ofNullable(assets.find(eq(AssetFields.ID, id)).first());
    }

    public Optional<Asset> findBySha256(String sha256) {
        return Optional.ofNullable(assets.find(eq(AssetFields.SHA256, sha256)).first()).map(AssetMapper::toAsset);
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
        return n == 1 ? findById(current.getObjectId(AssetFields.ID)) : Optional.empty();
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
        assets.updateOne(eq(AssetFields.ID, id), Updates.combine(sets));
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
        return assets.updateOne(and(eq(AssetFields.ID, id), eq(AssetFields.PROCESSING, processingSeen)),
                Updates.set(AssetFields.STATUS, status.name())).getMatchedCount() == 1;
    }

    /** Assets still INGESTED (no job has started) that were created before a moment: candidates for a sweep. */
    List<Asset> ingestedBefore(Date before, int limit) {
        List<Asset> out = new ArrayList<>();
        for (Document d : assets.find(and(eq(AssetFields.STATUS, AssetStatus.INGESTED.name()), lt(AssetFields.CREATED_AT, before),
                ne(AssetFields.DELETED, true))).projection(new Document(AssetFields.SEARCH_KEYS, 0)).limit(limit)) {
            out.add(AssetMapper.toAsset(d));
        }
        return out;
    }
}
