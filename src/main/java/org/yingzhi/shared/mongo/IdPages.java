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
        walkWindow(collection, projection, pageSize, each, 0, null);
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
        if (collection.estimatedDocumentCount() <= 10L * pageSize) {
            // a small collection in one walk: the windows' probes would cost more than reading it all
            walkWindow(collection, projection, pageSize, each, 0, null);
            windowDone.run();
            return;
        }
        final long beyond = 0x100000000L;
        long now = System.currentTimeMillis() / 1000 + 3600; // ids made a little in the future (clock skew) too
        long endSec = beyond; // the window reaches up to here (exclusive); the first one to the end of time
        ObjectId end = null;
        long span = 1;
        boolean located = false;
        while (endSec > 0) {
            long lower = endSec == beyond ? now : Math.max(0, endSec - span);
            ObjectId first = firstFrom(collection, lower);
            boolean data = first != null && (end == null || first.compareTo(end) < 0);
            if (data && !located && endSec != beyond && endSec - lower > 1) {
                // the first window that holds anything may hold years: find the newest second with documents (a
                // few dozen one-id reads) and go on from there a second at a time, so the newest come first
                long lo = lower;
                long hi = endSec;
                while (hi - lo > 1) {
                    long mid = lo + (hi - lo) / 2;
                    ObjectId at = firstFrom(collection, mid);
                    if (at != null && at.compareTo(end) < 0) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                lower = lo;
                span = 1;
            }
            located |= data;
            int n = data ? walkWindow(collection, projection, pageSize, each, lower, end) : 0;
            windowDone.run();
            end = idAt(lower); // every document from here on has been given
            endSec = lower;
            if (n < 10 * pageSize) {
                span = Math.min(span * 2, 1L << 31);
            }
        }
    }

    /** The first id stamped at or after the second given (one id read), or null. */
    private static ObjectId firstFrom(MongoCollection<Document> collection, long epochSeconds) {
        Document d = collection.find(Filters.gt("_id", justBefore(epochSeconds))).sort(Sorts.ascending("_id"))
                .projection(new Document("_id", 1)).limit(1).first();
        return d == null ? null : d.getObjectId("_id");
    }

    /** The greatest id of the second before: {@code $gt} it is {@code $gte} the first id of this second. */
    private static ObjectId justBefore(long epochSeconds) {
        return epochSeconds <= 0 ? new ObjectId("000000000000000000000000")
                : new ObjectId(String.format("%08x", Math.min(epochSeconds - 1, 0xffffffffL)) + "ffffffffffffffff");
    }

    private static ObjectId idAt(long epochSeconds) {
        return new ObjectId(String.format("%08x", Math.min(epochSeconds, 0xffffffffL)) + "0000000000000000");
    }

    /** The documents stamped from {@code fromSeconds} on, up to {@code end} (exclusive; null: the last), in id order. */
    private static int walkWindow(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each, long fromSeconds, ObjectId end) {
        Bson filter = Filters.gt("_id", justBefore(fromSeconds));
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
