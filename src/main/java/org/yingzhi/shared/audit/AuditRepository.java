package org.yingzhi.shared.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Owns the {@code audit} collection (the chain; schema media-schema/audit.schema.json) and {@code audit_pending}
 * (the journal of writes under way). Nothing here updates or deletes a record of the chain.
 */
@Repository
class AuditRepository {

    static final String COLLECTION = "audit";
    static final String PENDING = "audit_pending";

    private final MongoDatabase db;
    private final MongoCollection<Document> chain;
    private final MongoCollection<Document> pending;

    AuditRepository(MongoDatabase db) {
        this.db = db;
        this.chain = db.getCollection(COLLECTION);
        this.pending = db.getCollection(PENDING);
        chain.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true).name("seq"));
        chain.createIndex(Indexes.ascending("op"), new IndexOptions().unique(true).name("op"));
        chain.createIndex(Indexes.ascending("target.id", "seq"), new IndexOptions().name("target"));
        chain.createIndex(Indexes.ascending("actor.name", "seq"), new IndexOptions().name("actor"));
        chain.createIndex(Indexes.ascending("unit", "seq"), new IndexOptions().name("unit"));
        chain.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
        pending.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
    }

    /** The last record of the chain, or null when it is empty. */
    Document head() {
        return chain.find().sort(Sorts.descending("seq")).limit(1).first();
    }

    /**
     * Appends records in chain order with one ordered insert; returns how many went in before the first whose seq
     * was taken (another process appended first) — all of them when none was.
     */
    int insertChain(List<Document> records) {
        try {
            chain.insertMany(records, new com.mongodb.client.model.InsertManyOptions().ordered(true));
            return records.size();
        } catch (com.mongodb.MongoBulkWriteException e) {
            var first = e.getWriteErrors().get(0);
            if (first.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return first.getIndex();
            }
            throw e;
        }
    }

    /** The hash of record {@code seq}, or null (a lookup on the unique index). */
    String hashAt(long seq) {
        Document d = chain.find(eq("seq", seq)).projection(new Document("hash", 1)).first();
        return d == null ? null : d.getString("hash");
    }

    boolean recorded(String op) {
        return chain.countDocuments(eq("op", op)) > 0;
    }

    long countRequest(String request) {
        return request == null ? 0 : chain.countDocuments(eq("request", request));
    }

    /** Every record in chain order, read in batches. */
    void walk(Consumer<Document> each) {
        for (Document d : chain.find().sort(Sorts.ascending("seq")).batchSize(2000)) {
            each.accept(d);
        }
    }

    List<Document> find(Bson filter, long beforeSeq, int limit) {
        Bson f = beforeSeq > 0 ? and(filter, lt("seq", beforeSeq)) : filter;
        List<Document> out = new ArrayList<>();
        for (Document d : chain.find(f).sort(Sorts.descending("seq")).limit(limit)) {
            out.add(d);
        }
        return out;
    }

    void forEachMatching(Bson filter, Consumer<Document> each) {
        for (Document d : chain.find(filter).sort(Sorts.ascending("seq")).batchSize(2000)) {
            each.accept(d);
        }
    }

    void journal(Document entry) {
        pending.insertOne(entry);
    }

    void unjournal(String op) {
        pending.deleteOne(eq("_id", op));
    }

    void journalAll(List<Document> entries) {
        pending.insertMany(entries);
    }

    void unjournalAll(List<String> ops) {
        pending.deleteMany(com.mongodb.client.model.Filters.in("_id", ops));
    }

    List<Document> journaledBefore(Date before) {
        List<Document> out = new ArrayList<>();
        for (Document d : pending.find(lt("at", before)).sort(Sorts.ascending("at"))) {
            out.add(d);
        }
        return out;
    }

    long journaled() {
        return pending.countDocuments();
    }

    /** Whether a probe's document is in its collection now. */
    boolean matches(String collection, Document filter) {
        return db.getCollection(collection).countDocuments(filter) > 0;
    }

    static Bson since(Date from, Date to) {
        return and(gte("at", from), lt("at", to));
    }
}
