package org.yingzhi.shared.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Walks a whole collection in pages by {@code _id} ({@code {_id: {$gt: last}}} sorted by {@code _id}), which both
 * the embedded server and MongoDB answer from the id order: each page is one short query, so a walk over a large
 * catalog never holds the embedded catalog's writes back for its whole length, and never holds it all in memory.
 */
public final class IdPages {

    private IdPages() {
    }

    /** Every document with an ObjectId {@code _id}, in id order, {@code pageSize} per query, with the projection (null: whole documents). */
    public static void forEach(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each) {
        ObjectId after = new ObjectId("000000000000000000000000");
        while (true) {
            var find = collection.find(Filters.gt("_id", after)).sort(Sorts.ascending("_id")).limit(pageSize);
            List<Document> page = (projection == null ? find : find.projection(projection)).into(new ArrayList<>());
            for (Document d : page) {
                each.accept(d);
                after = d.getObjectId("_id");
            }
            if (page.size() < pageSize) {
                return;
            }
        }
    }

    /**
     * The same, newest first by time windows: ids carry their creation time, so the collection is walked in windows
     * of ids going back from now (a second, then twice as long each time a window holds few), each window in id
     * order, read with a lower bound alone as the ascending walk is (a descending sort, or a range with two bounds,
     * made the embedded server read the whole collection for every page: tried); an empty window costs one read
     * of one id. {@code windowDone}
     * is told, after each window, that every document newer than its start has been given.
     */
    public static void forEachNewestFirst(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each, Runnable windowDone) {
        long upper = 0xffffffffL; // everything: the first window reaches to the end of time
        long now = System.currentTimeMillis() / 1000 + 3600;
        long span = 1; // one second of ids first: a bulk load writes thousands a second
        ObjectId end = null; // exclusive: the oldest id already given
        while (true) {
            long lower = upper == 0xffffffffL ? now : Math.max(0, upper - span);
            ObjectId from = idAt(lower);
            // the first id of the window, or beyond it: an empty window costs one cheap read, not a page
            Document first = collection.find(Filters.gte("_id", from)).sort(Sorts.ascending("_id"))
                    .projection(new Document("_id", 1)).limit(1).first();
            int n = 0;
            if (first != null && (end == null || first.getObjectId("_id").compareTo(end) < 0)) {
                n = walkWindow(collection, projection, pageSize, each, from, end);
            }
            windowDone.run();
            if (lower == 0) {
                return;
            }
            end = from; // every document from here on has been given
            upper = lower;
            if (n < 10 * pageSize) {
                span = Math.min(span * 2, 1L << 31);
            }
        }
    }

    private static ObjectId idAt(long epochSeconds) {
        return new ObjectId(String.format("%08x", Math.min(epochSeconds, 0xffffffffL)) + "0000000000000000");
    }

    /** The documents from {@code from} (inclusive) up to {@code end} (exclusive; null: the last), in id order. */
    private static int walkWindow(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each, ObjectId from, ObjectId end) {
        Bson filter = Filters.gte("_id", from);
        int n = 0;
        while (true) {
            // the lower bound alone, as the ascending walk uses it (the embedded server follows its _id index for it);
            // the upper one is checked here
            var find = collection.find(filter).sort(Sorts.ascending("_id")).limit(pageSize);
            List<Document> page = (projection == null ? find : find.projection(projection)).into(new ArrayList<>());
            for (Document d : page) {
                ObjectId id = d.getObjectId("_id");
                if (end != null && id.compareTo(end) >= 0) {
                    return n;
                }
                each.accept(d);
                n++;
                filter = Filters.gt("_id", id);
            }
            if (page.size() < pageSize) {
                return n;
            }
        }
    }
}
