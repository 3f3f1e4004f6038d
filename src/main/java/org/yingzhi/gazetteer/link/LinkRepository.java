package org.yingzhi.gazetteer.link;

import static com.mongodb.client.model.Filters.and;
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
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;
import org.yingzhi.search.ChangeLog;
import org.yingzhi.shared.json.DocumentSchemas;

/** Owns the {@code links} collection (schema: media-schema/link.schema.json). */
@Repository
class LinkRepository {

    public static final String COLLECTION = "links";

    private final MongoCollection<Document> links;
    private final DocumentSchemas schemas;
    private final ChangeLog changes;

    public LinkRepository(MongoDatabase db, DocumentSchemas schemas, ChangeLog changes) {
        this.links = db.getCollection(COLLECTION);
        this.schemas = schemas;
        this.changes = changes;
        links.createIndex(Indexes.ascending("target.kind", "target.id"), new IndexOptions().name("target"));
        links.createIndex(Indexes.ascending("asset"), new IndexOptions().name("asset"));
    }

    Link insert(Document d) {
        if (!(d.get("_id") instanceof ObjectId)) {
            d.put("_id", new ObjectId());
        }
        d.put("createdAt", new Date());
        schemas.validate("link", d);
        links.insertOne(d);
        changes.record(COLLECTION, d.getObjectId("_id").toHexString());
        touchAssets(List.of(d.getObjectId("asset").toHexString()));
        return map(d);
    }

    public Optional<Link> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(links.find(eq("_id", new ObjectId(id))).first()).map(LinkRepository::map);
    }

    void delete(String id) {
        Optional<Link> l = find(id);
        links.deleteOne(eq("_id", new ObjectId(id)));
        changes.record(COLLECTION, id);
        l.ifPresent(x -> touchAssets(List.of(x.asset())));
    }

    /** Links to any of the targets, in the order they were made. */
    public List<Link> byTargets(LinkTarget kind, Collection<String> ids) {
        List<Link> out = new ArrayList<>();
        for (Document d : links.find(targets(kind, ids)).sort(Sorts.ascending("_id"))) {
            out.add(map(d));
        }
        return out;
    }

    public List<Link> byAssets(Collection<String> assets) {
        List<Link> out = new ArrayList<>();
        for (Document d : links.find(in("asset", assets.stream().map(ObjectId::new).toList()))) {
            out.add(map(d));
        }
        return out;
    }

    /** Every link of a kind (coverage walks them once). */
    public List<Link> allOf(LinkTarget kind) {
        List<Link> out = new ArrayList<>();
        for (Document d : links.find(eq("target.kind", kind.wire())).batchSize(2000)) {
            out.add(map(d));
        }
        return out;
    }

    /**
     * Tells the search index that the given assets' links changed (their chapters, people, names): a change record
     * for each asset, so every API process re-indexes them through the change log.
     */
    void touchAssets(Collection<String> assets) {
        new java.util.LinkedHashSet<>(assets).forEach(a -> changes.record(org.yingzhi.asset.AssetReader.COLLECTION, a));
    }

    /** The assets linked to any of the targets (after a rename or move of those targets). */
    void touchTargets(LinkTarget kind, Collection<String> ids) {
        touchAssets(byTargets(kind, ids).stream().map(Link::asset).toList());
    }

    /** Every link, read in batches (for building the in-memory {@link LinkGraph}). */
    void forEach(java.util.function.Consumer<Link> each) {
        for (Document d : links.find().batchSize(5000)) {
            each.accept(map(d));
        }
    }

    long countTargets(LinkTarget kind, Collection<String> ids) {
        return links.countDocuments(targets(kind, ids));
    }

    /** Points every link to one of {@code from} at {@code to} instead; how many moved. */
    long retarget(LinkTarget kind, Collection<String> from, String to) {
        List<Link> moving = byTargets(kind, from);
        links.updateMany(targets(kind, from), Updates.set("target.id", new ObjectId(to)));
        moving.forEach(l -> changes.record(COLLECTION, l.id()));
        touchAssets(moving.stream().map(Link::asset).toList());
        return moving.size();
    }

    long deleteTargets(LinkTarget kind, Collection<String> ids) {
        List<Link> going = byTargets(kind, ids);
        links.deleteMany(targets(kind, ids));
        going.forEach(l -> changes.record(COLLECTION, l.id()));
        touchAssets(going.stream().map(Link::asset).toList());
        return going.size();
    }

    private static Bson targets(LinkTarget kind, Collection<String> ids) {
        return and(eq("target.kind", kind.wire()), in("target.id", ids.stream().map(ObjectId::new).toList()));
    }

    static Link map(Document d) {
        Document t = d.get("target", Document.class);
        Document r = d.get("range", Document.class);
        Link.Range range = r == null ? null : new Link.Range(r.getString("in"), r.getString("out"), r.getString("rate"),
                r.getBoolean("dropFrame", false), r.get("startFrame", Number.class).longValue(),
                r.get("frames", Number.class).longValue(), r.get("inMicros", Number.class).longValue(),
                r.get("durationMicros", Number.class).longValue());
        Document by = d.get("createdBy", Document.class);
        Date created = d.getDate("createdAt");
        return new Link(d.getObjectId("_id").toHexString(), d.getObjectId("asset").toHexString(), d.getString("assetType"),
                d.getString("unit"), LinkTarget.parse(t.getString("kind")), t.getObjectId("id").toHexString(), range,
                d.get("durationMicros", Number.class) == null ? 0 : d.get("durationMicros", Number.class).longValue(),
                d.getInteger("scene"), d.getString("note"), by == null ? null : by.getString("name"),
                created == null ? null : created.toInstant(), claim(d.get("review", Document.class)));
    }

    private static Link.Claim claim(Document r) {
        if (r == null) {
            return Link.Claim.PENDING;
        }
        return new Link.Claim(check(r.get("political", Document.class)), check(r.get("facts", Document.class)));
    }

    private static org.yingzhi.asset.Asset.Check check(Document c) {
        if (c == null) {
            return org.yingzhi.asset.Asset.Check.PENDING;
        }
        Document by = c.get("by", Document.class);
        Date at = c.getDate("at");
        return new org.yingzhi.asset.Asset.Check(org.yingzhi.asset.CheckState.valueOf(c.getString("state")),
                by == null ? null : new org.yingzhi.asset.Actor(by.getString("name"), by.getString("unit")),
                at == null ? null : at.toInstant(), c.getString("reason"));
    }

    /** Sets one check of a link's claim (one document written). */
    boolean setCheck(String id, String check, Document decision) {
        long n = links.updateOne(eq("_id", new ObjectId(id)), Updates.set("review." + check, decision)).getMatchedCount();
        if (n == 1) {
            changes.record(COLLECTION, id);
        }
        return n == 1;
    }
}
