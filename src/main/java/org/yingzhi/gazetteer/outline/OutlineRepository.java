package org.yingzhi.gazetteer.outline;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

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

/** Owns the {@code outline} collection: one document per node (schema: media-schema/outline-node.schema.json). */
@Repository
class OutlineRepository {

    public static final String COLLECTION = "outline";

    private final MongoCollection<Document> nodes;
    private final DocumentSchemas schemas;
    private final ChangeLog changes;

    public OutlineRepository(MongoDatabase db, DocumentSchemas schemas, ChangeLog changes) {
        this.nodes = db.getCollection(COLLECTION);
        this.schemas = schemas;
        this.changes = changes;
        nodes.createIndex(Indexes.ascending("parent", "order"), new IndexOptions().name("parent_order"));
        nodes.createIndex(Indexes.ascending("path"), new IndexOptions().name("path"));
    }

    /** Every node, parents before children, siblings in order. */
    public List<OutlineNode> all() {
        List<OutlineNode> out = new ArrayList<>();
        for (Document d : nodes.find().sort(Sorts.ascending("order"))) {
            out.add(map(d));
        }
        out.sort(java.util.Comparator.comparingInt((OutlineNode n) -> n.path().size()).thenComparingInt(OutlineNode::order));
        return out;
    }

    /** Every node in the book's reading order: depth first, siblings in order. */
    public List<OutlineNode> inReadingOrder() {
        java.util.Map<String, List<OutlineNode>> byParent = new java.util.HashMap<>();
        for (OutlineNode n : all()) { // all() already puts siblings in order
            byParent.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n);
        }
        List<OutlineNode> out = new ArrayList<>();
        walk(byParent, null, out);
        return out;
    }

    private static void walk(java.util.Map<String, List<OutlineNode>> byParent, String parent, List<OutlineNode> out) {
        for (OutlineNode n : byParent.getOrDefault(parent, List.of())) {
            out.add(n);
            walk(byParent, n.id(), out);
        }
    }

    public long count() {
        return nodes.countDocuments();
    }

    public Optional<OutlineNode> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(nodes.find(eq("_id", new ObjectId(id))).first()).map(OutlineRepository::map);
    }

    public List<OutlineNode> findAll(Collection<String> ids) {
        List<OutlineNode> out = new ArrayList<>();
        for (Document d : nodes.find(in("_id", ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList()))) {
            out.add(map(d));
        }
        return out;
    }

    /** The node and everything under it. */
    public List<OutlineNode> subtree(String id) {
        List<OutlineNode> out = new ArrayList<>();
        find(id).ifPresent(out::add);
        for (Document d : nodes.find(eq("path", new ObjectId(id)))) {
            out.add(map(d));
        }
        return out;
    }

    public List<OutlineNode> children(String parent) {
        List<OutlineNode> out = new ArrayList<>();
        for (Document d : nodes.find(eq("parent", parent == null ? null : new ObjectId(parent))).sort(Sorts.ascending("order"))) {
            out.add(map(d));
        }
        return out;
    }

    OutlineNode insert(String parent, List<String> path, int order, String title, String level, String unit, String due,
            OutlineNode.WritingStatus status, String notes) {
        Date now = new Date();
        Document d = new Document("_id", new ObjectId())
                .append("parent", parent == null ? null : new ObjectId(parent))
                .append("path", ids(path))
                .append("order", order)
                .append("title", title)
                .append("level", level)
                .append("status", (status == null ? OutlineNode.WritingStatus.PLANNED : status).name())
                .append("createdAt", now).append("updatedAt", now).append("version", 0L);
        putOptional(d, "unit", unit);
        putOptional(d, "due", due);
        putOptional(d, "notes", notes);
        schemas.validate("outline-node", d);
        nodes.insertOne(d);
        changes.record(COLLECTION, d.getObjectId("_id").toHexString());
        return map(d);
    }

    /** Sets descriptive fields (null values remove the field). */
    void update(String id, Document fields) {
        Document current = nodes.find(eq("_id", new ObjectId(id))).first();
        if (current == null) {
            return;
        }
        for (var e : fields.entrySet()) {
            if (e.getValue() == null) {
                current.remove(e.getKey());
            } else {
                current.put(e.getKey(), e.getValue());
            }
        }
        current.put("updatedAt", new Date());
        current.put("version", current.getLong("version") + 1);
        schemas.validate("outline-node", current);
        nodes.replaceOne(eq("_id", current.getObjectId("_id")), current);
        changes.record(COLLECTION, id);
    }

    /** Places a node under another parent (or at the root) with the given ancestors, at a sibling position. */
    void place(String id, String parent, List<String> path, int order) {
        nodes.updateOne(eq("_id", new ObjectId(id)), Updates.combine(
                Updates.set("parent", parent == null ? null : new ObjectId(parent)), Updates.set("path", ids(path)),
                Updates.set("order", order), Updates.set("updatedAt", new Date()), Updates.inc("version", 1L)));
        changes.record(COLLECTION, id);
    }

    void setOrder(String id, int order) {
        if (nodes.updateOne(eq("_id", new ObjectId(id)), Updates.set("order", order)).getModifiedCount() > 0) {
            changes.record(COLLECTION, id);
        }
    }

    void delete(Collection<String> ids) {
        nodes.deleteMany(in("_id", ids(ids)));
        ids.forEach(id -> changes.record(COLLECTION, id));
    }

    private static List<ObjectId> ids(Collection<String> ids) {
        return ids.stream().map(ObjectId::new).toList();
    }

    private static void putOptional(Document d, String key, String value) {
        if (value != null && !value.isBlank()) {
            d.append(key, value);
        }
    }

    static OutlineNode map(Document d) {
        ObjectId parent = d.getObjectId("parent");
        List<String> path = d.getList("path", ObjectId.class, List.of()).stream().map(ObjectId::toHexString).toList();
        Date created = d.getDate("createdAt");
        Date updated = d.getDate("updatedAt");
        return new OutlineNode(d.getObjectId("_id").toHexString(), parent == null ? null : parent.toHexString(), path,
                d.getInteger("order", 0), d.getString("title"), d.getString("level"), d.getString("unit"),
                d.getString("due"), OutlineNode.WritingStatus.valueOf(d.getString("status")), d.getString("notes"),
                created == null ? null : created.toInstant(), updated == null ? null : updated.toInstant(),
                d.get("version", Number.class) == null ? 0 : d.get("version", Number.class).longValue());
    }

}
