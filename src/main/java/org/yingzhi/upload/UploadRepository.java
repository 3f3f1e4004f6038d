package org.yingzhi.upload;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/** Owns the {@code uploads} collection: the state of resumable uploads. */
@Repository
class UploadRepository {

    static final String COLLECTION = "uploads";

    private final MongoCollection<Document> uploads;

    UploadRepository(MongoDatabase db) {
        this.uploads = db.getCollection(COLLECTION);
    }

    Upload insert(String user, String fileName, long length, String description, Instant expires) {
        Document d = new Document("_id", new ObjectId()).append("user", user).append("fileName", fileName)
                .append("length", length).append("offset", 0L).append("description", description)
                .append("createdAt", new Date()).append("expiresAt", Date.from(expires));
        uploads.insertOne(d);
        return map(d);
    }

    Optional<Upload> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(uploads.find(eq("_id", new ObjectId(id))).first()).map(UploadRepository::map);
    }

    /** Records bytes that arrived, only from the offset the writer started at (one writer at a time). */
    boolean advance(String id, long from, long to, Instant expires) {
        return uploads.updateOne(and(eq("_id", new ObjectId(id)), eq("offset", from)),
                Updates.combine(Updates.set("offset", to), Updates.set("expiresAt", Date.from(expires))))
                .getModifiedCount() == 1;
    }

    void finished(String id, String asset) {
        uploads.updateOne(eq("_id", new ObjectId(id)), Updates.set("asset", asset));
    }

    void delete(String id) {
        uploads.deleteOne(eq("_id", new ObjectId(id)));
    }

    List<Upload> expiredBefore(Instant t) {
        List<Upload> out = new ArrayList<>();
        for (Document d : uploads.find(lt("expiresAt", Date.from(t)))) {
            out.add(map(d));
        }
        return out;
    }

    private static Upload map(Document d) {
        return new Upload(d.getObjectId("_id").toHexString(), d.getString("user"), d.getString("fileName"),
                d.get("length", Number.class).longValue(), d.get("offset", Number.class).longValue(),
                d.getString("description"), d.getDate("createdAt").toInstant(), d.getDate("expiresAt").toInstant(),
                d.getString("asset"));
    }
}
