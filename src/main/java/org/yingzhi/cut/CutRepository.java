package org.yingzhi.cut;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.shared.json.DocumentSchemas;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * Owns the {@code cuts} collection (schema: media-schema/cut.schema.json). A cut is one document; every change
 * replaces it only if its version is still the one the editor started from, so of two concurrent edits the second
 * is refused (and told the current state), never silently lost.
 */
@Repository
class CutRepository {

    static final String COLLECTION = "cuts";

    private final MongoCollection<Document> cuts;
    private final DocumentSchemas schemas;

    CutRepository(MongoDatabase db, DocumentSchemas schemas) {
        this.cuts = db.getCollection(COLLECTION);
        this.schemas = schemas;
        cuts.createIndex(Indexes.ascending("owner", "updatedAt"));
        cuts.createIndex(Indexes.ascending("shared", "updatedAt"));
        cuts.createIndex(Indexes.ascending("editors"));
    }

    Cut insert(Cut c) {
        Date now = new Date();
        Document d = document(c, new ObjectId(), 1, now, now);
        schemas.validate("cut", d);
        cuts.insertOne(d);
        return map(d);
    }

    Optional<Cut> find(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(cuts.find(eq("_id", new ObjectId(id))).first()).map(CutRepository::map);
    }

    /** Replaces the cut if it is still at {@code expected}; empty when another change came first. */
    Optional<Cut> replace(Cut c, long expected) {
        ObjectId id = new ObjectId(c.id());
        Document d = document(c, id, expected + 1, Date.from(c.createdAt()), new Date());
        schemas.validate("cut", d);
        long matched = cuts.replaceOne(and(eq("_id", id), eq("version", expected)), d).getMatchedCount();
        return matched == 1 ? Optional.of(map(d)) : Optional.empty();
    }

    /** Marks a cut deleted or restores it (the one change made without a version: it does not touch the entries). */
    void setDeleted(String id, boolean deleted) {
        cuts.updateOne(eq("_id", new ObjectId(id)), new Document("$set", new Document("deleted", deleted)
                .append("updatedAt", new Date())).append("$inc", new Document("version", 1)));
    }

    /** Cuts a person sees: their own, those shared with them for editing, and shared ones (without entries). */
    List<Document> visibleTo(String login, int limit) {
        List<Document> out = new ArrayList<>();
        for (Document d : cuts.find(and(eq("deleted", false), or(eq("owner", login), eq("editors", login), eq("shared", true))))
                .projection(Projections.exclude("entries.note")).sort(Sorts.descending("updatedAt")).limit(limit)) {
            out.add(d);
        }
        return out;
    }

    static Document document(Cut c, ObjectId id, long version, Date created, Date updated) {
        List<Document> entries = new ArrayList<>();
        for (CutEntry e : c.entries()) {
            Document x = new Document("id", e.id()).append("asset", e.asset()).append("in", e.in()).append("out", e.out())
                    .append("dissolve", e.dissolve()).append("video", e.video()).append("audio", e.audio());
            if (e.note() != null && !e.note().isBlank()) {
                x.append("note", e.note());
            }
            entries.add(x);
        }
        Document d = new Document("_id", id).append("title", c.title()).append("owner", c.owner())
                .append("ownerName", c.ownerName()).append("shared", c.shared()).append("editors", c.editors())
                .append("rate", c.rate().rational()).append("dropFrame", c.rate().dropFrame())
                .append("start", c.start().toString()).append("entries", entries).append("version", version)
                .append("createdAt", created).append("updatedAt", updated).append("deleted", c.deleted());
        if (c.unit() != null && !c.unit().isBlank()) {
            d.append("unit", c.unit());
        }
        if (c.outlineNode() != null) {
            d.append("outlineNode", c.outlineNode());
        }
        return d;
    }

    static Cut map(Document d) {
        FrameRate rate = FrameRate.parse(d.getString("rate")).withDropFrame(d.getBoolean("dropFrame", false));
        List<CutEntry> entries = new ArrayList<>();
        for (Document e : d.getList("entries", Document.class, List.of())) {
            entries.add(new CutEntry(e.getString("id"), e.getString("asset"), e.getString("in"), e.getString("out"),
                    e.getString("note"), e.getInteger("dissolve", 0), e.getBoolean("video", true),
                    e.getList("audio", Integer.class, List.of())));
        }
        Object v = d.get("version");
        return new Cut(d.getObjectId("_id").toHexString(), d.getString("title"), d.getString("owner"),
                d.getString("ownerName"), d.getString("unit"), d.getBoolean("shared", false),
                d.getList("editors", String.class, List.of()), d.getString("outlineNode"), rate,
                Timecode.parse(d.getString("start"), rate), entries, v instanceof Number n ? n.longValue() : 1,
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(), d.getBoolean("deleted", false));
    }
}
