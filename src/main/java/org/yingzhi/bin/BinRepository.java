package org.yingzhi.bin;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.shared.json.DocumentSchemas;

/**
 * Owns the {@code bins} collection (schema: media-schema/bin.schema.json). One user action writes one document:
 * items are pushed, pulled and noted in place, so two people adding to a shared bin never overwrite each other.
 */
@Repository
class BinRepository {

    static final String COLLECTION = "bins";
    static final int MAX_ITEMS = 2000;

    private final MongoCollection<Document> bins;
    private final DocumentSchemas schemas;

    BinRepository(MongoDatabase db, DocumentSchemas schemas) {
        this.bins = db.getCollection(COLLECTION);
        this.schemas = schemas;
        bins.createIndex(Indexes.ascending("owner", "updatedAt"));
        bins.createIndex(Indexes.ascending("shared", "updatedAt"));
        bins.createIndex(Indexes.ascending("editors"));
    }

    Bin insert(String name, String note, String owner, String ownerName, boolean shared, List<String> editors) {
        Date now = new Date();
        Document d = new Document("_id", new ObjectId()).append("name", name).append("owner", owner)
                .append("ownerName", ownerName).append("shared", shared).append("editors", editors)
                .append("items", new ArrayList<>()).append("version", 1L).append("createdAt", now)
                .append("updatedAt", now).append("deleted", false);
        if (note != null && !note.isBlank()) {
            d.append("note", note.strip());
        }
        schemas.validate("bin", d);
        bins.insertOne(d);
        return map(d);
    }

    Optional<Bin> find(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bins.find(eq("_id", new ObjectId(id))).first()).map(BinRepository::map);
    }

    /** Bins a person sees in their panel: their own, those shared with them for editing, and shared ones. */
    List<Bin> visibleTo(String login, int limit) {
        List<Bin> out = new ArrayList<>();
        for (Document d : bins.find(and(eq("deleted", false), or(eq("owner", login), eq("editors", login), eq("shared", true))))
                .sort(Sorts.descending("updatedAt")).limit(limit)) {
            out.add(map(d));
        }
        return out;
    }

    /** Appends items; false when the bin would exceed {@link #MAX_ITEMS} (nothing written). */
    boolean push(String id, List<Document> items) {
        Document current = bins.find(eq("_id", new ObjectId(id))).projection(new Document("items.id", 1)).first();
        int have = current == null ? 0 : current.getList("items", Document.class, List.of()).size();
        if (have + items.size() > MAX_ITEMS) {
            return false;
        }
        for (Document i : items) {
            schemas.validate("bin-item", i);
        }
        bins.updateOne(eq("_id", new ObjectId(id)), Updates.combine(Updates.pushEach("items", items),
                Updates.inc("version", 1L), Updates.set("updatedAt", new Date())));
        return true;
    }

    boolean pull(String id, String itemId) {
        return bins.updateOne(eq("_id", new ObjectId(id)), Updates.combine(
                Updates.pull("items", new Document("id", itemId)), Updates.inc("version", 1L),
                Updates.set("updatedAt", new Date()))).getModifiedCount() > 0;
    }

    boolean noteItem(String id, String itemId, String note) {
        Bson set = note == null || note.isBlank() ? Updates.unset("items.$[i].note") : Updates.set("items.$[i].note", note.strip());
        return bins.updateOne(eq("_id", new ObjectId(id)), Updates.combine(set, Updates.inc("version", 1L),
                Updates.set("updatedAt", new Date())),
                new UpdateOptions().arrayFilters(List.of(new Document("i.id", itemId)))).getMatchedCount() > 0;
    }

    void update(String id, String name, String note, Boolean shared, List<String> editors) {
        List<Bson> sets = new ArrayList<>();
        if (name != null) {
            sets.add(Updates.set("name", name));
        }
        if (note != null) {
            sets.add(note.isBlank() ? Updates.unset("note") : Updates.set("note", note.strip()));
        }
        if (shared != null) {
            sets.add(Updates.set("shared", shared));
        }
        if (editors != null) {
            sets.add(Updates.set("editors", editors));
        }
        sets.add(Updates.inc("version", 1L));
        sets.add(Updates.set("updatedAt", new Date()));
        bins.updateOne(eq("_id", new ObjectId(id)), Updates.combine(sets));
    }

    void setDeleted(String id, boolean deleted) {
        bins.updateOne(eq("_id", new ObjectId(id)), Updates.combine(Updates.set("deleted", deleted),
                Updates.inc("version", 1L), Updates.set("updatedAt", new Date())));
    }

    static Bin map(Document d) {
        List<Bin.Item> items = new ArrayList<>();
        for (Document i : d.getList("items", Document.class, List.of())) {
            items.add(new Bin.Item(i.getString("id"), i.getString("asset"), i.getString("type"), i.getString("in"),
                    i.getString("out"), i.getString("rate"), i.getBoolean("dropFrame", false), number(i, "startFrame"),
                    number(i, "frames"), number(i, "inMicros"), number(i, "durationMicros"), i.getString("note"),
                    i.getString("from"), i.getString("addedBy"), i.getDate("addedAt").toInstant()));
        }
        return new Bin(d.getObjectId("_id").toHexString(), d.getString("name"), d.getString("note"),
                d.getString("owner"), d.getString("ownerName"), d.getBoolean("shared", false),
                d.getList("editors", String.class, List.of()), items, number(d, "version"),
                d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(), d.getBoolean("deleted", false));
    }

    private static long number(Document d, String key) {
        Object v = d.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
