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
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Owns the {@code jobs} collection: a durable queue. One document per (subject, type), its {@code _id} being
 * {@code <kind>:<subjectId>:<type>}, so the same work can never be queued twice. Status only moves along allowed
 * edges, each guarded by the state it moves from.
 */
@Repository
class JobRepository implements JobQueue {

    public static final String COLLECTION = "jobs";

    /** Field names of a job document (see media-schema/job.schema.json). */
    public static final class JobFields {
        public static final String ID = "_id";
        public static final String SUBJECT = "subject";
        public static final String SUBJECT_KIND = "subject.kind";
        public static final String SUBJECT_ID = "subject.id";
        public static final String SCOPE = "scope";
        public static final String SCOPE_UNIT = "scope.unit";
        public static final String SCOPE_HIDDEN = "scope.hidden";
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
        public static final String PROGRESS = "progress";

        private JobFields() {
        }
    }

    private final MongoCollection<Document> jobs;

    public JobRepository(MongoDatabase db) {
        this.jobs = db.getCollection(COLLECTION);
        jobs.createIndex(Indexes.ascending(JobFields.STATUS, JobFields.RUN_AFTER), new IndexOptions().name("status_runAfter"));
        jobs.createIndex(Indexes.ascending(JobFields.STATUS, JobFields.LEASE_EXPIRES), new IndexOptions().name("status_lease"));
        jobs.createIndex(Indexes.ascending(JobFields.SUBJECT_KIND, JobFields.SUBJECT_ID), new IndexOptions().name("subject"));
        new LegacyJobMigration(jobs).run();
    }

    public static String id(Subject subject, String type) {
        return subject.kind() + ":" + subject.id() + ":" + type;
    }

    /**
     * Queues the job unless it exists already (in whatever state); either way the job takes the scope given.
     * Safe to call any number of times.
     */
    @Override
    public void enqueue(Subject subject, String type, Scope scope) {
        jobs.updateOne(eq(JobFields.ID, id(subject, type)), enqueueUpdate(subject, type, scope, new Date()),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void enqueueAll(List<Wanted> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<com.mongodb.client.model.WriteModel<Document>> ups = new java.util.ArrayList<>(wanted.size());
        for (Wanted w : wanted) {
            ups.add(new com.mongodb.client.model.UpdateOneModel<>(eq(JobFields.ID, id(w.subject(), w.type())),
                    enqueueUpdate(w.subject(), w.type(), w.scope(), now), new UpdateOptions().upsert(true)));
        }
        jobs.bulkWrite(ups, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    private org.bson.conversions.Bson enqueueUpdate(Subject subject, String type, Scope scope, Date now) {
        return Updates.combine(
                Updates.set(JobFields.SCOPE, scopeDocument(scope)),
                Updates.setOnInsert(JobFields.SUBJECT, subjectDocument(subject)),
                Updates.setOnInsert(JobFields.TYPE, type),
                Updates.setOnInsert(JobFields.STATUS, JobStatus.QUEUED.name()), Updates.setOnInsert(JobFields.ATTEMPTS, 0),
                Updates.setOnInsert(JobFields.RUN_AFTER, now), Updates.setOnInsert(JobFields.CREATED_AT, now),
                Updates.setOnInsert(JobFields.UPDATED_AT, now));
    }

    /**
     * Asks for the job to run again: a finished or failed job is queued afresh; a running one is flagged to run once
     * more when it finishes; a queued one stays as it is; a missing one is created.
     */
    @Override
    public void requeue(Subject subject, String type, Scope scope) {
        enqueue(subject, type, scope);
        String id = id(subject, type);
        Date now = new Date();
        long n = jobs.updateOne(and(eq(JobFields.ID, id), in(JobFields.STATUS, JobStatus.DONE.name(), JobStatus.FAILED.name())),
                Updates.combine(Updates.set(JobFields.STATUS, JobStatus.QUEUED.name()), Updates.set(JobFields.ATTEMPTS, 0),
                        Updates.set(JobFields.RUN_AFTER, now), Updates.unset(JobFields.LAST_ERROR), Updates.unset(JobFields.PROGRESS),
                        Updates.set(JobFields.UPDATED_AT, now)))
                .getModifiedCount();
        if (n == 0) {
            jobs.updateOne(and(eq(JobFields.ID, id), eq(JobFields.STATUS, JobStatus.RUNNING.name())), Updates.set(JobFields.RERUN, true));
        }
    }

    /**
     * Claims the oldest runnable job: queued and due, or running with an expired lease (its worker died). The
     * claim is a compare-and-set on the state that was read, then read back and checked, so two workers can never
     * both hold one job (the embedded server's ReturnDocument.AFTER can show another caller's state).
     */
    public Optional<Job> claim(String owner, long leaseMillis) {
        return claim(owner, leaseMillis, null);
    }

    /**
     * The same among jobs of the given types only (null: any type), oldest first.
     */
    public Optional<Job> claim(String owner, long leaseMillis, Collection<String> types) {
        Date now = new Date();
        Bson runnable = or(and(eq(JobFields.STATUS, JobStatus.QUEUED.name()), lte(JobFields.RUN_AFTER, now)),
                and(eq(JobFields.STATUS, JobStatus.RUNNING.name()), lt(JobFields.LEASE_EXPIRES, now)));
        if (types != null) {
            if (types.isEmpty()) {
                return Optional.empty();
            }
            runnable = and(runnable, in(JobFields.TYPE, types));
        }
        for (Document candidate : jobs.find(runnable).sort(Sorts.ascending(JobFields.RUN_AFTER, JobFields.CREATED_AT)).limit(8)) {
            String token = UUID.randomUUID().toString();
            // the state that was read, and still runnable: a read may return a newer version of a document than
            // the one its filter matched (the embedded server does), so the claim re-checks both when it writes
            Bson sameState = and(eq(JobFields.ID, candidate.get(JobFields.ID)), eq(JobFields.STATUS, candidate.getString(JobFields.STATUS)),
                    eq(JobFields.ATTEMPTS, candidate.getInteger(JobFields.ATTEMPTS, 0)),
                    eq(JobFields.CLAIM_TOKEN, candidate.getString(JobFields.CLAIM_TOKEN)), runnable);
            Document before = jobs.findOneAndUpdate(sameState, Updates.combine(
                    Updates.set(JobFields.STATUS, JobStatus.RUNNING.name()), Updates.set(JobFields.LEASE_OWNER, owner),
                    Updates.set(JobFields.LEASE_EXPIRES, new Date(now.getTime() + leaseMillis)),
                    Updates.set(JobFields.CLAIM_TOKEN, token), Updates.set(JobFields.STARTED_AT, now), Updates.set(JobFields.UPDATED_AT, now),
                    Updates.inc(JobFields.ATTEMPTS, 1)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            if (before == null) {
                continue;
            }
            Document mine = jobs.find(eq(JobFields.ID, candidate.get(JobFields.ID))).first();
            if (mine != null && token.equals(mine.getString(JobFields.CLAIM_TOKEN))) {
                return Optional.of(new Job(mine.getString(JobFields.ID), subjectOf(mine), mine.getString(JobFields.TYPE),
                        mine.getInteger(JobFields.ATTEMPTS), token));
            }
        }
        return Optional.empty();
    }

    /** Extends the lease of a job this worker still holds; false when the claim was lost. */
    public boolean renew(Job job, long leaseMillis) {
        return jobs.updateOne(and(eq(JobFields.ID, job.id()), eq(JobFields.CLAIM_TOKEN, job.claimToken()),
                eq(JobFields.STATUS, JobStatus.RUNNING.name())),
                Updates.set(JobFields.LEASE_EXPIRES, new Date(System.currentTimeMillis() + leaseMillis))).getModifiedCount() == 1;
    }

    /** Records how far a job this worker still holds has got (0 to 1); false when the claim was lost. */
    @Override
    public boolean progress(Job job, double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return jobs.updateOne(and(eq(JobFields.ID, job.id()), eq(JobFields.CLAIM_TOKEN, job.claimToken()),
                eq(JobFields.STATUS, JobStatus.RUNNING.name())), Updates.set(JobFields.PROGRESS, f)).getModifiedCount() == 1;
    }

    /** The state of one job, if it exists. */
    @Override
    public Optional<JobQueue.State> state(Subject subject, String type) {
        return find(id(subject, type)).map(d -> {
            Object p = d.get(JobFields.PROGRESS);
            Date updated = d.getDate(JobFields.UPDATED_AT);
            Date finished = d.getDate(JobFields.FINISHED_AT);
            return new JobQueue.State(JobStatus.valueOf(d.getString(JobFields.STATUS)), d.getInteger(JobFields.ATTEMPTS, 0),
                    p instanceof Number n ? n.doubleValue() : null, d.getString(JobFields.LAST_ERROR),
                    updated == null ? null : updated.toInstant(), finished == null ? null : finished.toInstant(),
                    d.getBoolean(JobFields.RERUN, false));
        });
    }

    /** RUNNING -> DONE (or QUEUED again when a rerun was asked for meanwhile). False when the claim was lost. */
    public boolean finish(Job job, String owner, long millis) {
        Date now = new Date();
        Bson mine = and(eq(JobFields.ID, job.id()), eq(JobFields.CLAIM_TOKEN, job.claimToken()), eq(JobFields.STATUS, JobStatus.RUNNING.name()));
        Document before = jobs.findOneAndUpdate(mine, Updates.combine(Updates.set(JobFields.STATUS, JobStatus.DONE.name()),
                Updates.set(JobFields.FINISHED_AT, now), Updates.set(JobFields.FINISHED_BY, owner), Updates.set(JobFields.MILLIS, millis),
                Updates.set(JobFields.UPDATED_AT, now), Updates.unset(JobFields.LEASE_EXPIRES), Updates.unset(JobFields.LAST_ERROR)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return false;
        }
        if (before.getBoolean(JobFields.RERUN, false)) {
            jobs.updateOne(eq(JobFields.ID, job.id()), Updates.combine(Updates.set(JobFields.STATUS, JobStatus.QUEUED.name()),
                    Updates.set(JobFields.ATTEMPTS, 0), Updates.set(JobFields.RUN_AFTER, now), Updates.unset(JobFields.RERUN)));
        }
        return true;
    }

    /** RUNNING -> QUEUED with a later runAfter (a retry), or RUNNING -> FAILED. False when the claim was lost. */
    public boolean fail(Job job, String error, Date retryAt) {
        Date now = new Date();
        Bson mine = and(eq(JobFields.ID, job.id()), eq(JobFields.CLAIM_TOKEN, job.claimToken()), eq(JobFields.STATUS, JobStatus.RUNNING.name()));
        Bson update = retryAt != null
                ? Updates.combine(Updates.set(JobFields.STATUS, JobStatus.QUEUED.name()), Updates.set(JobFields.RUN_AFTER, retryAt),
                        Updates.set(JobFields.LAST_ERROR, error), Updates.set(JobFields.UPDATED_AT, now), Updates.unset(JobFields.LEASE_EXPIRES))
                : Updates.combine(Updates.set(JobFields.STATUS, JobStatus.FAILED.name()), Updates.set(JobFields.LAST_ERROR, error),
                        Updates.set(JobFields.FINISHED_AT, now), Updates.set(JobFields.UPDATED_AT, now), Updates.unset(JobFields.LEASE_EXPIRES));
        return jobs.updateOne(mine, update).getModifiedCount() == 1;
    }

    /**
     * RUNNING -> QUEUED without counting a try: a worker shutting down hands back what it could not finish, so
     * another worker starts it at once instead of after the lease. False when the claim was already lost.
     */
    public boolean release(Job job) {
        Date now = new Date();
        return jobs.updateOne(and(eq(JobFields.ID, job.id()), eq(JobFields.CLAIM_TOKEN, job.claimToken()),
                eq(JobFields.STATUS, JobStatus.RUNNING.name())), Updates.combine(Updates.set(JobFields.STATUS, JobStatus.QUEUED.name()),
                Updates.set(JobFields.RUN_AFTER, now), Updates.set(JobFields.UPDATED_AT, now), Updates.inc(JobFields.ATTEMPTS, -1),
                Updates.unset(JobFields.LEASE_EXPIRES), Updates.unset(JobFields.LEASE_OWNER))).getModifiedCount() == 1;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(jobs.find(eq(JobFields.ID, id)).first());
    }

    public List<Document> forSubject(Subject subject) {
        return jobs.find(and(eq(JobFields.SUBJECT_KIND, subject.kind()), eq(JobFields.SUBJECT_ID, subject.id())))
                .into(new ArrayList<>());
    }

    /** The state of every job of these subjects of one kind: by subject id, then by job type. */
    @Override
    public Map<String, Map<String, JobStatus>> statusBySubject(String kind, List<String> ids) {
        Map<String, Map<String, JobStatus>> out = new HashMap<>();
        for (Document d : jobs.find(and(eq(JobFields.SUBJECT_KIND, kind), in(JobFields.SUBJECT_ID, ids)))
                .projection(new Document(JobFields.SUBJECT, 1).append(JobFields.TYPE, 1).append(JobFields.STATUS, 1))) {
            out.computeIfAbsent(subjectOf(d).id(), k -> new HashMap<>())
                    .put(d.getString(JobFields.TYPE), JobStatus.valueOf(d.getString(JobFields.STATUS)));
        }
        return out;
    }

    /** Gives every job of the subject a new scope (the subject moved to another unit, was deleted or restored). */
    @Override
    public void setScope(Subject subject, Scope scope) {
        jobs.updateMany(and(eq(JobFields.SUBJECT_KIND, subject.kind()), eq(JobFields.SUBJECT_ID, subject.id())),
                Updates.set(JobFields.SCOPE, scopeDocument(scope)));
    }

    static Document scopeDocument(Scope scope) {
        return new Document("unit", scope.unit()).append("hidden", scope.hidden());
    }

    static Document subjectDocument(Subject subject) {
        return new Document("kind", subject.kind()).append("id", subject.id());
    }

    static Subject subjectOf(Document job) {
        Document s = job.get(JobFields.SUBJECT, Document.class);
        return new Subject(s.getString("kind"), s.getString("id"));
    }

    /** Counts per (type, status) of the jobs the filter selects. */
    public List<Document> counts(Bson filter) {
        return jobs.aggregate(List.of(Aggregates.match(filter), Aggregates.group(new Document(JobFields.TYPE, "$" + JobFields.TYPE).append(JobFields.STATUS, "$" + JobFields.STATUS),
                Accumulators.sum("count", 1)))).into(new ArrayList<>());
    }

    public List<Document> list(Bson filter, int skip, int limit) {
        return jobs.find(filter).sort(Sorts.descending(JobFields.UPDATED_AT)).skip(skip).limit(limit).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return jobs.countDocuments(filter);
    }
}
