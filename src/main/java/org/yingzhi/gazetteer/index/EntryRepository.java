package org.yingzhi.gazetteer.index;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.shared.json.DocumentSchemas;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.mongo.IdPages;

/** Owns the {@code entries} collection: people, projects, places and units (schema: media-schema/entry.schema.json). */
@Repository
class EntryRepository {

    public static final String COLLECTION = "entries";

    private final MongoCollection<Document> entries;
    private final DocumentSchemas schemas;
    private final ChangeLog changes;

    public EntryRepository(MongoDatabase db, DocumentSchemas schemas, ChangeLog changes) {
        this.entries = db.getCollection(COLLECTION);
        this.schemas = schemas;
        this.changes = changes;
        entries.createIndex(Indexes.ascending("kind", "name"), new IndexOptions().name("kind_name"));
        entries.createIndex(Indexes.ascending("pinyin"), new IndexOptions().name("pinyin"));
        entries.createIndex(Indexes.ascending("formerIds"), new IndexOptions().name("formerIds"));
    }

    public Optional<Entry> find(String id) {
        if (id == null || !ObjectId.isValid(id)) {
            return Optional.empty();
        }
        ObjectId oid = new ObjectId(id);
        Document d = entries.find(eq("_id", oid)).first();
        if (d == null) {
            d = entries.find(eq("formerIds", oid)).first(); // merged into another entry
        }
        return Optional.ofNullable(d).map(EntryRepository::map);
    }

    public List<Entry> findAll(Collection<String> ids) {
        List<ObjectId> oids = ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        List<Entry> out = new ArrayList<>();
        for (Document d : entries.find(in("_id", oids))) {
            out.add(map(d));
        }
        return out;
    }

    public long count(EntryKind kind) {
        return entries.countDocuments(eq("kind", kind.wire()));
    }

    public Optional<Entry> findByName(EntryKind kind, String name) {
        Document d = entries.find(and(eq("kind", kind.wire()), or(eq("name", name), eq("otherNames", name)))).first();
        return Optional.ofNullable(d).map(EntryRepository::map);
    }

    /**
     * Entries of a kind whose name or other names contain {@code q}, or, for a Latin query, whose pinyin (initials
     * or full) starts with it; by name.
     */
    public List<Entry> search(EntryKind kind, String q, int offset, int limit) {
        List<Entry> out = new ArrayList<>();
        for (Document d : entries.find(filter(kind, q)).sort(Sorts.ascending("name")).skip(offset).limit(limit)) {
            out.add(map(d));
        }
        return out;
    }

    public long countMatching(EntryKind kind, String q) {
        return entries.countDocuments(filter(kind, q));
    }

    private static Bson filter(EntryKind kind, String q) {
        Bson k = eq("kind", kind.wire());
        if (q == null || q.isBlank()) {
            return k;
        }
        String s = q.strip();
        if (Pinyin.isPinyinQuery(s)) {
            return and(k, or(regex("pinyin", "^" + Pattern.quote(s.toLowerCase(java.util.Locale.ROOT))),
                    regex("name", Pattern.quote(s), "i")));
        }
        return and(k, or(regex("name", Pattern.quote(s)), regex("otherNames", Pattern.quote(s))));
    }

    Entry insert(EntryKind kind, Entry.Input in) {
        Date now = new Date();
        Document d = new Document("_id", new ObjectId()).append("kind", kind.wire());
        apply(d, in);
        d.append("createdAt", now).append("updatedAt", now).append("version", 0L);
        write(d, true);
        return map(d);
    }

    /** Applies the given fields of {@code in} (null ones untouched; blank strings remove). */
    Entry update(String id, Entry.Input in) {
        Document d = entries.find(eq("_id", new ObjectId(id))).first();
        apply(d, in);
        d.put("updatedAt", new Date());
        d.put("version", d.get("version", Number.class).longValue() + 1);
        write(d, false);
        return map(d);
    }

    /** Sets a person's unit or a project's funding unit (to the unit list's name for it). */
    void setUnit(String id, String field, String unit) {
        Document d = entries.find(eq("_id", new ObjectId(id))).first();
        if (d == null) {
            return;
        }
        d.put(field, unit);
        d.put("updatedAt", new Date());
        d.put("version", d.get("version", Number.class).longValue() + 1);
        write(d, false);
    }

    /** Folds {@code other} into {@code survivor}: names, former ids; then removes {@code other}. */
    Entry absorb(String survivor, Entry other) {
        Document d = entries.find(eq("_id", new ObjectId(survivor))).first();
        List<String> names = new ArrayList<>(d.getList("otherNames", String.class, List.of()));
        for (String n : concat(List.of(other.name()), other.otherNames())) {
            if (!n.equals(d.getString("name")) && !names.contains(n)) {
                names.add(n);
            }
        }
        d.put("otherNames", names);
        List<ObjectId> former = new ArrayList<>(d.getList("formerIds", ObjectId.class, List.of()));
        former.add(new ObjectId(other.id()));
        other.formerIds().forEach(f -> former.add(new ObjectId(f)));
        d.put("formerIds", former);
        // fields the survivor lacks are taken from the other record
        Document o = entries.find(eq("_id", new ObjectId(other.id()))).first();
        for (var e : o.entrySet()) {
            if (!d.containsKey(e.getKey())) {
                d.put(e.getKey(), e.getValue());
            }
        }
        d.put("updatedAt", new Date());
        d.put("version", d.get("version", Number.class).longValue() + 1);
        write(d, false);
        entries.deleteOne(eq("_id", new ObjectId(other.id())));
        changes.record(COLLECTION, other.id());
        return map(d);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private void write(Document d, boolean insert) {
        List<String> keys = new ArrayList<>(Pinyin.keys(d.getString("name")));
        for (String n : d.getList("otherNames", String.class, List.of())) {
            keys.addAll(Pinyin.keys(n));
        }
        d.put("pinyin", keys.stream().distinct().toList());
        schemas.validate("entry", d);
        if (insert) {
            entries.insertOne(d);
        } else {
            entries.replaceOne(eq("_id", d.getObjectId("_id")), d);
        }
        changes.record(COLLECTION, d.getObjectId("_id").toHexString());
    }

    private static void apply(Document d, Entry.Input in) {
        Document fields = Json.toDocument(in);
        // Json.toDocument drops nulls: what is there was given
        for (var e : fields.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s && s.isBlank()) {
                d.remove(e.getKey());
            } else if (v instanceof String s) {
                d.put(e.getKey(), s.strip());
            } else {
                d.put(e.getKey(), v);
            }
        }
    }

    /** Every entry with its stored pinyin keys, a thousand at a time in id order (for the in-memory directory). */
    void forEach(java.util.function.BiConsumer<Entry, List<String>> each) {
        IdPages.forEach(entries, null, 1000, d -> each.accept(map(d), d.getList("pinyin", String.class, List.of())));
    }

    /** One entry with its stored pinyin keys. */
    Optional<Map.Entry<Entry, List<String>>> findWithKeys(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Document d = entries.find(eq("_id", new ObjectId(id))).first();
        return d == null ? Optional.empty() : Optional.of(Map.entry(map(d), d.getList("pinyin", String.class, List.of())));
    }

    static Entry map(Document d) {
        Date created = d.getDate("createdAt");
        Date updated = d.getDate("updatedAt");
        return new Entry(d.getObjectId("_id").toHexString(), EntryKind.valueOf(d.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                d.getString("name"), d.getList("otherNames", String.class), d.getString("gender"),
                d.getString("ethnicity"), d.getList("roles", String.class), d.getString("unit"), d.getInteger("batch"),
                d.getInteger("yearFrom"), d.getInteger("yearTo"), d.getString("placeServed"), d.getString("biography"),
                d.getString("portrait"), d.getString("place"), d.getString("fundingUnit"), number(d, "amount"),
                d.getString("projectStatus"), d.getString("placeKind"), d.getString("parentPlace"),
                number(d, "latitude"), number(d, "longitude"), d.getString("notes"),
                d.getList("formerIds", ObjectId.class, List.of()).stream().map(ObjectId::toHexString).toList(),
                created == null ? null : created.toInstant(), updated == null ? null : updated.toInstant(),
                d.get("version", Number.class) == null ? 0 : d.get("version", Number.class).longValue());
    }

    private static Double number(Document d, String key) {
        Number n = d.get(key, Number.class);
        return n == null ? null : n.doubleValue();
    }
}
