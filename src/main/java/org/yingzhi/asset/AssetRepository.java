package org.yingzhi.asset;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.shared.json.DocumentSchemas;

/** Owns the {@code assets} collection: field names, indexes, and every read and write of it. */
@Repository
public class AssetRepository {

    public static final String COLLECTION = "assets";

    /** Field names of an asset document (see media-schema/asset.schema.json). */
    public static final class F {
        public static final String ID = "_id";
        public static final String TYPE = "type";
        public static final String STATUS = "status";
        public static final String SHA256 = "original.sha256";
        public static final String ORIGINAL = "original";
        public static final String TITLE = "title";
        public static final String DESCRIPTION = "description";
        public static final String CONTRIBUTOR_UNIT = "contributorUnit";
        public static final String SOURCE = "source";
        public static final String CAPTURE_DATE = "captureDate";
        public static final String CAPTURE_START = "captureStart";
        public static final String CAPTURE_END = "captureEnd";
        public static final String PLACE = "place";
        public static final String KEYWORDS = "keywords";
        public static final String RIGHTS = "rights";
        public static final String MEDIA = "media";
        public static final String PHOTO = "photo";
        public static final String METADATA_STATUS = "metadataStatus";
        public static final String WARNINGS = "warnings";
        public static final String ERRORS = "errors";
        public static final String REVIEW = "review";
        public static final String SEARCH_KEYS = "searchKeys";
        public static final String CREATED_AT = "createdAt";
        public static final String CREATED_BY = "createdBy";
        public static final String UPDATED_AT = "updatedAt";
        public static final String UPDATED_BY = "updatedBy";
        public static final String DELETED = "deleted";
        public static final String DELETED_AT = "deletedAt";
        public static final String DELETED_BY = "deletedBy";
        public static final String VERSION = "version";
        public static final String PROCESSING = "processing";
        public static final String DERIVATIVES = "derivatives";
        public static final String SCENES = "scenes";

        private F() {
        }
    }

    private final MongoCollection<Document> assets;
    private final DocumentSchemas schemas;

    public AssetRepository(MongoDatabase db, DocumentSchemas schemas) {
        this.assets = db.getCollection(COLLECTION);
        this.schemas = schemas;
        createIndexes();
    }

    private void createIndexes() {
        assets.createIndex(Indexes.ascending(F.SHA256), new IndexOptions().unique(true).name("original_sha256_unique"));
        assets.createIndex(Indexes.compoundIndex(Indexes.ascending(F.DELETED), Indexes.descending(F.CREATED_AT)),
                new IndexOptions().name("deleted_createdAt"));
        assets.createIndex(Indexes.ascending(F.TYPE, F.CONTRIBUTOR_UNIT), new IndexOptions().name("type_unit"));
        assets.createIndex(Indexes.ascending(F.CAPTURE_START), new IndexOptions().name("captureStart"));
        assets.createIndex(Indexes.ascending(F.KEYWORDS), new IndexOptions().name("keywords"));
        assets.createIndex(Indexes.ascending(F.SEARCH_KEYS), new IndexOptions().name("searchKeys"));
        assets.createIndex(Indexes.ascending(F.STATUS), new IndexOptions().name("status"));
    }

    /** Inserts a new asset; empty when another asset already holds the same original (unique SHA-256). */
    public Optional<Document> insert(Document doc) {
        schemas.validate("asset", doc);
        try {
            assets.insertOne(doc);
            return Optional.of(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Optional<Document> findById(ObjectId id) {
        return Optional.ofNullable(assets.find(eq(F.ID, id)).first());
    }

    public Optional<Document> findBySha256(String sha256) {
        return Optional.ofNullable(assets.find(eq(F.SHA256, sha256)).first());
    }

    public long count(Bson filter) {
        return assets.countDocuments(filter);
    }

    public List<Document> find(Bson filter, Bson sort, int skip, int limit) {
        return assets.find(filter).sort(Sorts.orderBy(sort, Sorts.ascending(F.ID))).skip(skip).limit(limit)
                .projection(new Document(F.SEARCH_KEYS, 0)).into(new ArrayList<>());
    }

    /** A deep copy with every BSON type kept (Long stays Long, Date stays Date). */
    public static Document deepCopy(Document doc) {
        return new DocumentCodec().decode(new BsonDocumentReader(doc.toBsonDocument()), DecoderContext.builder().build());
    }

    /**
     * Applies a user's edit only if the document is still at the version that was read (optimistic locking),
     * bumping the version; validates the result against the schema first. Only the top-level fields that differ
     * are written ($set/$unset), so work that jobs record meanwhile (derivatives, steps) is never overwritten.
     * Empty when someone else's edit came first.
     */
    public Optional<Document> update(Document current, Document updated) {
        long version = current.get(F.VERSION, Number.class).longValue();
        updated.put(F.VERSION, version + 1);
        schemas.validate("asset", updated);
        List<Bson> changes = new ArrayList<>();
        for (String k : updated.keySet()) {
            if (!k.equals(F.ID) && !java.util.Objects.equals(updated.get(k), current.get(k))) {
                changes.add(Updates.set(k, updated.get(k)));
            }
        }
        for (String k : current.keySet()) {
            if (!updated.containsKey(k)) {
                changes.add(Updates.unset(k));
            }
        }
        long n = assets.updateOne(and(eq(F.ID, current.get(F.ID)), eq(F.VERSION, version)), Updates.combine(changes))
                .getModifiedCount();
        return n == 1 ? findById(current.getObjectId(F.ID)) : Optional.empty();
    }

    /** Sets fields (dotted names allowed) without touching anything else; used by jobs. */
    public void set(ObjectId id, Document fields) {
        if (!fields.isEmpty()) {
            assets.updateOne(eq(F.ID, id), new Document("$set", fields));
        }
    }

    /**
     * Compare-and-set of the status against the processing state it was computed from, so two workers finishing
     * different steps of one asset at once cannot leave a stale status behind.
     */
    public boolean setStatusIf(ObjectId id, Document processingSeen, String status) {
        return assets.updateOne(and(eq(F.ID, id), eq(F.PROCESSING, processingSeen)), Updates.set(F.STATUS, status))
                .getMatchedCount() == 1;
    }

    /** Assets still INGESTED (no job has started) that were created before a moment: candidates for a sweep. */
    public List<Document> ingestedBefore(Date before, int limit) {
        return assets.find(and(eq(F.STATUS, "INGESTED"), lt(F.CREATED_AT, before), ne(F.DELETED, true)))
                .projection(new Document(F.PROCESSING, 1).append(F.TYPE, 1)).limit(limit).into(new ArrayList<>());
    }
}
