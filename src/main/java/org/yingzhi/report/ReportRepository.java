package org.yingzhi.report;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code reports} (schema media-schema/report.schema.json): each saved 通报 as it was circulated, its figures
 * kept as JSON so the next report states the change and an old one can be downloaded again unchanged.
 */
@Repository
class ReportRepository {

    static final String COLLECTION = "reports";

    private final MongoCollection<Document> reports;

    ReportRepository(MongoDatabase db) {
        this.reports = db.getCollection(COLLECTION);
    }

    void insert(Document d) {
        reports.insertOne(d);
    }

    Document latest() {
        return reports.find().sort(Sorts.descending("number")).limit(1).first();
    }

    Document find(String id) {
        return reports.find(new Document("_id", id)).first();
    }

    List<Document> list(int limit) {
        List<Document> out = new ArrayList<>();
        for (Document d : reports.find().projection(new Document("json", 0)).sort(Sorts.descending("number")).limit(limit)) {
            out.add(d);
        }
        return out;
    }
}
