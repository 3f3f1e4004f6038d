package org.yingzhi.gazetteer.figure;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

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
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.shared.json.DocumentSchemas;

/** Owns the {@code figures} collection: photos attached to outline nodes (schema: media-schema/figure.schema.json). */
@Repository
class FigureRepository {

    public static final String COLLECTION = "figures";

    private final MongoCollection<Document> figures;
    private final DocumentSchemas schemas;
    private final ChangeLog changes;

    public FigureRepository(MongoDatabase db, DocumentSchemas schemas, ChangeLog changes) {
        this.figures = db.getCollection(COLLECTION);
        this.schemas = schemas;
        this.changes = changes;
        figures.createIndex(Indexes.ascending("chapter", "asset"), new IndexOptions().unique(true).name("chapter_asset_unique"));
    }

    /** Empty when the photo is already attached to the node. */
    Optional<Figure> insert(String chapter, String asset, String caption, String credit, int order, String by) {
        Date now = new Date();
        Document d = new Document("_id", new ObjectId()).append("chapter", new ObjectId(chapter))
                .append("asset", new ObjectId(asset)).append("order", order).append("createdBy", by)
                .append("createdAt", now).append("updatedAt", now);
        if (caption != null && !caption.isBlank()) {
            d.append("caption", caption.strip());
        }
        if (credit != null && !credit.isBlank()) {
            d.append("credit", credit.strip());
        }
        schemas.validate("figure", d);
        try {
            figures.insertOne(d);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        changes.record(COLLECTION, d.getObjectId("_id").toHexString());
        return Optional.of(map(d));
    }

    public Optional<Figure> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(figures.find(eq("_id", new ObjectId(id))).first()).map(FigureRepository::map);
    }

    /** The figures of the given nodes, by node then order. */
    public List<Figure> ofChapters(Collection<String> chapters) {
        List<Figure> out = new ArrayList<>();
        for (Document d : figures.find(in("chapter", chapters.stream().map(ObjectId::new).toList()))
                .sort(Sorts.ascending("chapter", "order"))) {
            out.add(map(d));
        }
        return out;
    }

    void update(String id, String caption, String credit) {
        Document d = figures.find(eq("_id", new ObjectId(id))).first();
        if (caption != null) {
            if (caption.isBlank()) {
                d.remove("caption");
            } else {
                d.put("caption", caption.strip());
            }
        }
        if (credit != null) {
            if (credit.isBlank()) {
                d.remove("credit");
            } else {
                d.put("credit", credit.strip());
            }
        }
        d.put("updatedAt", new Date());
        schemas.validate("figure", d);
        figures.replaceOne(eq("_id", d.getObjectId("_id")), d);
        changes.record(COLLECTION, id);
    }

    void setOrder(String id, int order) {
        figures.updateOne(eq("_id", new ObjectId(id)), Updates.combine(Updates.set("order", order),
                Updates.set("updatedAt", new Date())));
    }

    void delete(String id) {
        figures.deleteOne(eq("_id", new ObjectId(id)));
        changes.record(COLLECTION, id);
    }

    long deleteOfChapters(Collection<String> chapters) {
        return figures.deleteMany(in("chapter", chapters.stream().map(ObjectId::new).toList())).getDeletedCount();
    }

    static Figure map(Document d) {
        return new Figure(d.getObjectId("_id").toHexString(), d.getObjectId("chapter").toHexString(),
                d.getObjectId("asset").toHexString(), d.getString("caption"), d.getString("credit"),
                d.getInteger("order", 0), d.getString("createdBy"), d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant());
    }
}
