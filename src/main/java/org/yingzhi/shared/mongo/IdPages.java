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
     * order. Every window costs what its documents cost (an id range the server finds by its index, where a
     * descending sort would make the embedded server read the whole collection for every page). {@code windowDone}
     * is told, after each window, that every document newer than its start has been given.
     */
    public static void forEachNewestFirst(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each, Runnable windowDone) {
        long upper = System.currentTimeMillis() / 1000 + 3600; // ids made a little in the future (clock skew) too
        long span = 1; // one second of ids first: a bulk load writes thousands a second
        // beyond the newest possible id first: anything stamped later than now
        walkWindow(collection, projection, pageSize, each, Filters.gte("_id", idAt(upper)));
        windowDone.run();
        while (upper > 0) {
            long lower = Math.max(0, upper - span);
            int n = walkWindow(collection, projection, pageSize, each,
                    Filters.and(Filters.gte("_id", idAt(lower)), Filters.lt("_id", idAt(upper))));
            windowDone.run();
            upper = lower;
            if (n < 10 * pageSize) {
                span = Math.min(span * 2, 1L << 31);
            }
        }
    }

    private static ObjectId idAt(long epochSeconds) {
        return new ObjectId(String.format("%08x", Math.min(epochSeconds, 0xffffffffL)) + "0000000000000000");
    }

    private static int walkWindow(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each, Bson window) {
        ObjectId after = null;
        int n = 0;
        while (true) {
            Bson filter = after == null ? window : Filters.and(window, Filters.gt("_id", after));
            var find = collection.find(filter).sort(Sorts.ascending("_id")).limit(pageSize);
            List<Document> page = (projection == null ? find : find.projection(projection)).into(new ArrayList<>());
            for (Document d : page) {
                each.accept(d);
                after = d.getObjectId("_id");
                n++;
            }
            if (page.size() < pageSize) {
                return n;
            }
        }
    }
}
