package org.yingzhi.search;

import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * Owns the {@code changes} collection: one small record (collection, item id) per catalog write, so that every
 * API process can bring its own search index up to date by reading what changed since it last looked (the
 * embedded server has no change streams). Records are ordered by their ObjectId (time, then counter); readers
 * look back a few seconds further than they have read, so writes from other processes that arrive slightly out
 * of order are still seen (applying a change twice is harmless: it re-reads the item). Old records are trimmed.
 */
@Repository
public class ChangeLog {

    public static final String COLLECTION = "changes";

    /** One change: which item of which collection, and when it was recorded. */
    public record Change(ObjectId seq, String collection, String item) {
        public long at() {
            return seq.getDate().getTime();
        }
    }

    private final MongoCollection<Document> changes;
    private final List<Consumer<Change>> local = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Change>>> localBatches = new CopyOnWriteArrayList<>();

    public ChangeLog(MongoDatabase db) {
        this.changes = db.getCollection(COLLECTION);
    }

    /** Records a write to an item; listeners in this process hear of it at once. */
    public void record(String collection, String item) {
        Change c = new Change(new ObjectId(), collection, item);
        changes.insertOne(new Document("_id", c.seq()).append("c", collection).append("i", item));
        tell(List.of(c));
    }

    /** Records writes to several items at once (one insert; a folder import's batch). */
    public void recordAll(String collection, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        List<Change> cs = new ArrayList<>(items.size());
        List<Document> docs = new ArrayList<>(items.size());
        for (String item : items) {
            Change c = new Change(new ObjectId(), collection, item);
            cs.add(c);
            docs.add(new Document("_id", c.seq()).append("c", collection).append("i", item));
        }
        changes.insertMany(docs);
        tell(cs);
    }

    private void tell(List<Change> cs) {
        for (Consumer<List<Change>> l : localBatches) {
            l.accept(cs);
        }
        for (Consumer<Change> l : local) {
            for (Change c : cs) {
                l.accept(c);
            }
        }
    }

    public void onLocalChange(Consumer<Change> listener) {
        local.add(listener);
    }

    /** Hears of this process's writes a batch at a time (one change for a single write). */
    public void onLocalChanges(Consumer<List<Change>> listener) {
        localBatches.add(listener);
    }

    /** Up to {@code limit} changes recorded after {@code after}, in order. */
    public List<Change> after(ObjectId after, int limit) {
        List<Change> out = new ArrayList<>();
        for (Document d : changes.find(gt("_id", after)).sort(Sorts.ascending("_id")).limit(limit)) {
            out.add(new Change(d.getObjectId("_id"), d.getString("c"), d.getString("i")));
        }
        return out;
    }

    /** The oldest record kept, or null when there is none. */
    public ObjectId oldest() {
        Document d = changes.find().sort(Sorts.ascending("_id")).limit(1).first();
        return d == null ? null : d.getObjectId("_id");
    }

    /** Removes records older than a moment. */
    long trimBefore(Date before) {
        return changes.deleteMany(lt("_id", new ObjectId(before, 0))).getDeletedCount();
    }
}
