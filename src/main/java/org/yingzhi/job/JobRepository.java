package org.yingzhi.job;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

/**
 * Owns the {@code jobs} collection: a durable queue. One document per (asset, type), its {@code _id} being
 * {@code <assetId>:<type>}, so the same work can never be queued twice. Status only moves along allowed edges,
 * each guarded by the state it moves from.
 */
@Repository
public class JobRepository {

    public static final String COLLECTION = "jobs";

    /** Field names of a job document (see media-schema/job.schema.json). */
    public static final class F {
        public static final String ID = "_id";
        public static final String ASSET_ID = "assetId";
        public static final String TYPE = "type";
        public static final String STATUS = "status";
        public static final String ATTEMPTS = "attempts";
        public static final String RUN_AFTER = "runAfter";
        public static final String LEASE_OWNER = "leaseOwner";
        public static final String LEASE_EXPIRES = "leaseExpiresAt";
        public static final String CLAIM_TOKEN = "claimToken";
        public static final String LAST_ERROR = "lastError";
        public static final String RERUN = "rerun";
        public static final String CREATED_AT = "createdAt";
        public static final String UPDATED_AT = "updatedAt";
        public static final String STARTED_AT = "startedAt";
        public static final String FINISHED_AT = "finishedAt";
        public static final String FINISHED_BY = "finishedBy";
        public static final String MILLIS = "millis";

        private F() {
        }
    }

    private final MongoCollection<Document> jobs;

    public JobRepository(MongoDatabase db) {
        this.jobs = db.getCollection(COLLECTION);
        jobs.createIndex(Indexes.ascending(F.STATUS, F.RUN_AFTER), new IndexOptions().name("status_runAfter"));
        jobs.createIndex(Indexes.ascending(F.STATUS, F.LEASE_EXPIRES), new IndexOptions().name("status_lease"));
        jobs.createIndex(Indexes.ascending(F.ASSET_ID), new IndexOptions().name("assetId"));
    }

    public static String id(ObjectId assetId, JobType type) {
        return assetId.toHexString() + ":" + type.step();
    }

    /** Queues the job unless it exists already (in whatever state). Safe to call any number of times. */
    public void enqueue(ObjectId assetId, JobType type) {
        Date now = new Date();
        jobs.updateOne(eq(F.ID, id(assetId, type)), Updates.combine(
                Updates.setOnInsert(F.ASSET_ID, assetId), Updates.setOnInsert(F.TYPE, type.name()),
                Updates.setOnInsert(F.STATUS, JobStatus.QUEUED.name()), Updates.setOnInsert(F.ATTEMPTS, 0),
                Updates.setOnInsert(F.RUN_AFTER, now), Updates.setOnInsert(F.CREATED_AT, now),
                Updates.setOnInsert(F.UPDATED_AT, now)), new UpdateOptions().upsert(true));
    }

    /**
     * Asks for the job to run again: a finished or failed job is queued afresh; a running one is flagged to run once
     * more when it finishes; a queued one stays as it is; a missing one is created.
     */
    public void requeue(ObjectId assetId, JobType type) {
        enqueue(assetId, type);
        String id = id(assetId, type);
        Date now = new Date();
        long n = jobs.updateOne(and(eq(F.ID, id), in(F.STATUS, JobStatus.DONE.name(), JobStatus.FAILED.name())),
                Updates.combine(Updates.set(F.STATUS, JobStatus.QUEUED.name()), Updates.set(F.ATTEMPTS, 0),
                        Updates.set(F.RUN_AFTER, now), Updates.unset(F.LAST_ERROR), Updates.set(F.UPDATED_AT, now)))
                .getModifiedCount();
        if (n == 0) {
            jobs.updateOne(and(eq(F.ID, id), eq(F.STATUS, JobStatus.RUNNING.name())), Updates.set(F.RERUN, true));
        }
    }

    /**
     * Claims the oldest runnable job: queued and due, or running with an expired lease (its worker died). The
     * claim is a compare-and-set on the state that was read, then read back and checked, so two workers can never
     * both hold one job (the embedded server's ReturnDocument.AFTER can show another caller's state).
     */
    public Optional<Job> claim(String owner, long leaseMillis) {
        Date now = new Date();
        Bson runnable = or(and(eq(F.STATUS, JobStatus.QUEUED.name()), lte(F.RUN_AFTER, now)),
                and(eq(F.STATUS, JobStatus.RUNNING.name()), lt(F.LEASE_EXPIRES, now)));
        for (Document candidate : jobs.find(runnable).sort(Sorts.ascending(F.RUN_AFTER, F.CREATED_AT)).limit(8)) {
            String token = UUID.randomUUID().toString();
            // the state that was read, and still runnable: a read may return a newer version of a document than
            // the one its filter matched (the embedded server does), so the claim re-checks both when it writes
            Bson sameState = and(eq(F.ID, candidate.get(F.ID)), eq(F.STATUS, candidate.getString(F.STATUS)),
                    eq(F.ATTEMPTS, candidate.getInteger(F.ATTEMPTS, 0)),
                    eq(F.CLAIM_TOKEN, candidate.getString(F.CLAIM_TOKEN)), runnable);
            Document before = jobs.findOneAndUpdate(sameState, Updates.combine(
                    Updates.set(F.STATUS, JobStatus.RUNNING.name()), Updates.set(F.LEASE_OWNER, owner),
                    Updates.set(F.LEASE_EXPIRES, new Date(now.getTime() + leaseMillis)),
                    Updates.set(F.CLAIM_TOKEN, token), Updates.set(F.STARTED_AT, now), Updates.set(F.UPDATED_AT, now),
                    Updates.inc(F.ATTEMPTS, 1)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            if (before == null) {
                continue;
            }
            Document mine = jobs.find(eq(F.ID, candidate.get(F.ID))).first();
            if (mine != null && token.equals(mine.getString(F.CLAIM_TOKEN))) {
                return Optional.of(new Job(mine.getString(F.ID), mine.getObjectId(F.ASSET_ID),
                        JobType.valueOf(mine.getString(F.TYPE)), mine.getInteger(F.ATTEMPTS), token));
            }
        }
        return Optional.empty();
    }

    /** Extends the lease of a job this worker still holds; false when the claim was lost. */
    public boolean renew(Job job, long leaseMillis) {
        return jobs.updateOne(and(eq(F.ID, job.id()), eq(F.CLAIM_TOKEN, job.claimToken()),
                eq(F.STATUS, JobStatus.RUNNING.name())),
                Updates.set(F.LEASE_EXPIRES, new Date(System.currentTimeMillis() + leaseMillis))).getModifiedCount() == 1;
    }

    /** RUNNING -> DONE (or QUEUED again when a rerun was asked for meanwhile). False when the claim was lost. */
    public boolean finish(Job job, String owner, long millis) {
        Date now = new Date();
        Bson mine = and(eq(F.ID, job.id()), eq(F.CLAIM_TOKEN, job.claimToken()), eq(F.STATUS, JobStatus.RUNNING.name()));
        Document before = jobs.findOneAndUpdate(mine, Updates.combine(Updates.set(F.STATUS, JobStatus.DONE.name()),
                Updates.set(F.FINISHED_AT, now), Updates.set(F.FINISHED_BY, owner), Updates.set(F.MILLIS, millis),
                Updates.set(F.UPDATED_AT, now), Updates.unset(F.LEASE_EXPIRES), Updates.unset(F.LAST_ERROR)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return false;
        }
        if (before.getBoolean(F.RERUN, false)) {
            jobs.updateOne(eq(F.ID, job.id()), Updates.combine(Updates.set(F.STATUS, JobStatus.QUEUED.name()),
                    Updates.set(F.ATTEMPTS, 0), Updates.set(F.RUN_AFTER, now), Updates.unset(F.RERUN)));
        }
        return true;
    }

    /** RUNNING -> QUEUED with a later runAfter (a retry), or RUNNING -> FAILED. False when the claim was lost. */
    public boolean fail(Job job, String error, Date retryAt) {
        Date now = new Date();
        Bson mine = and(eq(F.ID, job.id()), eq(F.CLAIM_TOKEN, job.claimToken()), eq(F.STATUS, JobStatus.RUNNING.name()));
        Bson update = retryAt != null
                ? Updates.combine(Updates.set(F.STATUS, JobStatus.QUEUED.name()), Updates.set(F.RUN_AFTER, retryAt),
                        Updates.set(F.LAST_ERROR, error), Updates.set(F.UPDATED_AT, now), Updates.unset(F.LEASE_EXPIRES))
                : Updates.combine(Updates.set(F.STATUS, JobStatus.FAILED.name()), Updates.set(F.LAST_ERROR, error),
                        Updates.set(F.FINISHED_AT, now), Updates.set(F.UPDATED_AT, now), Updates.unset(F.LEASE_EXPIRES));
        return jobs.updateOne(mine, update).getModifiedCount() == 1;
    }

    /**
     * RUNNING -> QUEUED without counting a try: a worker shutting down hands back what it could not finish, so
     * another worker starts it at once instead of after the lease. False when the claim was already lost.
     */
    public boolean release(Job job) {
        Date now = new Date();
        return jobs.updateOne(and(eq(F.ID, job.id()), eq(F.CLAIM_TOKEN, job.claimToken()),
                eq(F.STATUS, JobStatus.RUNNING.name())), Updates.combine(Updates.set(F.STATUS, JobStatus.QUEUED.name()),
                Updates.set(F.RUN_AFTER, now), Updates.set(F.UPDATED_AT, now), Updates.inc(F.ATTEMPTS, -1),
                Updates.unset(F.LEASE_EXPIRES), Updates.unset(F.LEASE_OWNER))).getModifiedCount() == 1;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(jobs.find(eq(F.ID, id)).first());
    }

    public List<Document> forAsset(ObjectId assetId) {
        return jobs.find(eq(F.ASSET_ID, assetId)).into(new ArrayList<>());
    }

    /** Counts per (type, status). */
    public List<Document> counts() {
        return jobs.aggregate(List.of(Aggregates.group(new Document(F.TYPE, "$" + F.TYPE).append(F.STATUS, "$" + F.STATUS),
                Accumulators.sum("count", 1)))).into(new ArrayList<>());
    }

    public List<Document> list(Bson filter, int skip, int limit) {
        return jobs.find(filter).sort(Sorts.descending(F.UPDATED_AT)).skip(skip).limit(limit).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return jobs.countDocuments(filter);
    }
}
