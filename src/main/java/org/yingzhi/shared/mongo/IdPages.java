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

    /** The same, newest first (ids carry their creation time): what a list of the newest items needs first. */
    public static void forEachNewestFirst(MongoCollection<Document> collection, Bson projection, int pageSize,
            Consumer<Document> each) {
        ObjectId before = new ObjectId("ffffffffffffffffffffffff");
        while (true) {
            var find = collection.find(Filters.lt("_id", before)).sort(Sorts.descending("_id")).limit(pageSize);
            List<Document> page = (projection == null ? find : find.projection(projection)).into(new ArrayList<>());
            for (Document d : page) {
                each.accept(d);
                before = d.getObjectId("_id");
            }
            if (page.size() < pageSize) {
                return;
            }
        }
    }
}
