package org.yingzhi.review;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.yingzhi.shared.json.DocumentSchemas;

/** Owns {@code review_comments} (schema: media-schema/review-comment.schema.json): what reviewers and units say about an item, anchored. */
@Repository
class ReviewCommentRepository {

    static final String COLLECTION = "review_comments";

    private final MongoCollection<Document> comments;
    private final DocumentSchemas schemas;

    ReviewCommentRepository(MongoDatabase db, DocumentSchemas schemas) {
        this.comments = db.getCollection(COLLECTION);
        this.schemas = schemas;
        comments.createIndex(Indexes.ascending("asset", "createdAt"));
    }

    Document insert(Document d) {
        schemas.validate("review-comment", d);
        comments.insertOne(d);
        return d;
    }

    List<Document> ofAsset(String asset) {
        return comments.find(eq("asset", asset)).sort(Sorts.ascending("createdAt")).limit(1000).into(new ArrayList<>());
    }
}
