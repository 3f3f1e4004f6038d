package org.yingzhi.job;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up migration of job documents written before jobs had subjects ({@code _id} {@code <assetId>:<step>},
 * {@code assetId}, {@code type} as an upper-case enum name) to {@code asset:<assetId>:<step>} with
 * {@code subject}. Each job is copied under its new id, then the old one deleted, so a crash in between is
 * finished by the next start.
 */
final class LegacyJobMigration {

    private static final Logger log = LoggerFactory.getLogger(LegacyJobMigration.class);

    private final MongoCollection<Document> jobs;

    LegacyJobMigration(MongoCollection<Document> jobs) {
        this.jobs = jobs;
    }

    int run() {
        int n = 0;
        while (true) {
            List<Document> batch = jobs.find(exists("assetId")).limit(500).into(new ArrayList<>());
            if (batch.isEmpty()) {
                break;
            }
            for (Document old : batch) {
                Document migrated = migrate(old);
                try {
                    jobs.insertOne(migrated);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    // copied before a crash: only the delete is left to do
                }
                jobs.deleteOne(eq("_id", old.get("_id")));
                n++;
            }
        }
        if (n > 0) {
            log.info("migrated {} jobs to subject ids", n);
        }
        return n;
    }

    static Document migrate(Document old) {
        Object assetId = old.get("assetId");
        String hex = assetId instanceof ObjectId o ? o.toHexString() : String.valueOf(assetId);
        String type = old.getString("type").toLowerCase(Locale.ROOT);
        Subject subject = new Subject("asset", hex);
        Document d = new Document(JobRepository.JobFields.ID, JobRepository.id(subject, type))
                .append(JobRepository.JobFields.SUBJECT, JobRepository.subjectDocument(subject))
                .append(JobRepository.JobFields.TYPE, type);
        for (String k : old.keySet()) {
            if (!k.equals("_id") && !k.equals("assetId") && !k.equals("type")) {
                d.append(k, old.get(k));
            }
        }
        return d;
    }
}
