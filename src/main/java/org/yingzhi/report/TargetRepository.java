package org.yingzhi.report;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Owns {@code targets} (schema media-schema/target.schema.json): one document per unit ({@code unit:<name>}), per
 * outline node ({@code node:<id>}) and the book's dates ({@code book}). One change writes one document.
 */
@Repository
class TargetRepository {

    static final String COLLECTION = "targets";

    private final MongoCollection<Document> targets;

    TargetRepository(MongoDatabase db) {
        this.targets = db.getCollection(COLLECTION);
    }

    Plan plan() {
        LocalDate start = null;
        LocalDate deadline = null;
        List<Plan.UnitTarget> units = new ArrayList<>();
        List<Plan.NodeTarget> nodes = new ArrayList<>();
        for (Document d : targets.find().sort(new Document("_id", 1))) {
            String id = d.getString("_id");
            if (id.equals("book")) {
                start = date(d.getString("start"));
                deadline = date(d.getString("deadline"));
            } else if (id.startsWith("unit:")) {
                units.add(new Plan.UnitTarget(d.getString("unit"), d.getInteger("clips", 0), d.getInteger("minutes", 0),
                        d.getInteger("photos", 0), d.getInteger("interviews", 0)));
            } else if (id.startsWith("node:")) {
                nodes.add(new Plan.NodeTarget(d.getString("node"), null, null, d.getInteger("clips", 0),
                        d.getInteger("minutes", 0), d.getInteger("photos", 0), d.getInteger("interviews", 0),
                        date(d.getString("due"))));
            }
        }
        return new Plan(start, deadline, units, nodes);
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    void setBook(LocalDate start, LocalDate deadline, String by) {
        targets.replaceOne(eq("_id", "book"), new Document("_id", "book")
                .append("start", start == null ? null : start.toString())
                .append("deadline", deadline == null ? null : deadline.toString())
                .append("updatedBy", by).append("updatedAt", new Date()), new ReplaceOptions().upsert(true));
    }

    void setUnit(Plan.UnitTarget t, String by) {
        targets.replaceOne(eq("_id", "unit:" + t.unit()), new Document("_id", "unit:" + t.unit()).append("unit", t.unit())
                .append("clips", t.clips()).append("minutes", t.minutes()).append("photos", t.photos())
                .append("interviews", t.interviews()).append("updatedBy", by).append("updatedAt", new Date()),
                new ReplaceOptions().upsert(true));
    }

    void setNode(Plan.NodeTarget t, String by) {
        targets.replaceOne(eq("_id", "node:" + t.node()), new Document("_id", "node:" + t.node()).append("node", t.node())
                .append("clips", t.clips()).append("minutes", t.minutes()).append("photos", t.photos())
                .append("interviews", t.interviews()).append("due", t.due() == null ? null : t.due().toString())
                .append("updatedBy", by).append("updatedAt", new Date()), new ReplaceOptions().upsert(true));
    }
}
