package org.yingzhi.job;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.yingzhi.job.JobRepository.JobFields;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.Action;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The queue as people see it: counts per type and status and a page of the most recently changed jobs, scoped
 * to what the user may see (the office: all; a contributor: their unit's). The API and the jobs page both read it.
 */
@Component
public class JobBoard {

    private final JobRepository jobs;
    private final AccessPolicy policy;

    JobBoard(JobRepository jobs, AccessPolicy policy) {
        this.jobs = jobs;
        this.policy = policy;
    }

    /** One job as the API shows it (the claim token stays internal). */
    public record JobResponse(String id, Subject subject, String type, JobStatus status, int attempts, Instant runAfter,
            String lastError, Boolean rerun, String leaseOwner, Instant leaseExpiresAt, Instant createdAt,
            Instant updatedAt, Instant startedAt, Instant finishedAt, String finishedBy, Long millis,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the unit the job's subject belongs to") String unit) {

        static JobResponse of(Document d) {
            Number millis = d.get(JobFields.MILLIS, Number.class);
            Document scope = d.get(JobFields.SCOPE, Document.class);
            return new JobResponse(d.getString(JobFields.ID), JobRepository.subjectOf(d), d.getString(JobFields.TYPE),
                    JobStatus.valueOf(d.getString(JobFields.STATUS)), d.getInteger(JobFields.ATTEMPTS, 0),
                    instant(d, JobFields.RUN_AFTER), d.getString(JobFields.LAST_ERROR), d.getBoolean(JobFields.RERUN),
                    d.getString(JobFields.LEASE_OWNER), instant(d, JobFields.LEASE_EXPIRES), instant(d, JobFields.CREATED_AT),
                    instant(d, JobFields.UPDATED_AT), instant(d, JobFields.STARTED_AT), instant(d, JobFields.FINISHED_AT),
                    d.getString(JobFields.FINISHED_BY), millis == null ? null : millis.longValue(),
                    scope == null ? null : scope.getString("unit"));
        }

        private static Instant instant(Document d, String field) {
            Date t = d.getDate(field);
            return t == null ? null : t.toInstant();
        }
    }

    /** Counts per type and status, totals per status, and one page of jobs. */
    public record JobPage(Map<String, Map<JobStatus, Long>> counts, Map<JobStatus, Long> totals, List<JobResponse> items,
            long total, int page, int size) {
    }

    public JobPage list(String status, String type, int page, int size, User user) {
        return list(status, type, null, page, size, user);
    }

    /** The same, narrowed to the jobs of one unit's material (within what the user may see). */
    public JobPage list(String status, String type, String unit, int page, int size, User user) {
        AccessPolicy.ListScope scope = policy.listScope(user, Action.VIEW_JOBS, ResourceKind.JOB);
        if (size < 1 || size > 500 || page < 0) {
            throw ApiException.badRequest("size must be 1-500 and page at least 0");
        }
        List<Bson> visible = new ArrayList<>();
        if (scope.unit() != null) {
            visible.add(eq(JobFields.SCOPE_UNIT, scope.unit()));
        }
        if (!scope.includeDeleted()) {
            visible.add(ne(JobFields.SCOPE_HIDDEN, true));
        }
        Bson visibleFilter = visible.isEmpty() ? new Document() : and(visible);
        Map<String, Map<JobStatus, Long>> counts = new TreeMap<>();
        Map<JobStatus, Long> totals = new TreeMap<>();
        for (Document c : jobs.counts(visibleFilter)) {
            Document key = c.get("_id", Document.class);
            JobStatus s = JobStatus.valueOf(key.getString(JobFields.STATUS));
            long n = c.get("count", Number.class).longValue();
            counts.computeIfAbsent(key.getString(JobFields.TYPE), k -> new TreeMap<>()).put(s, n);
            totals.merge(s, n, Long::sum);
        }
        List<Bson> filters = new ArrayList<>(visible);
        if (status != null && !status.isBlank()) {
            try {
                filters.add(eq(JobFields.STATUS, JobStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be QUEUED, RUNNING, DONE or FAILED");
            }
        }
        if (type != null && !type.isBlank()) {
            filters.add(eq(JobFields.TYPE, type.strip().toLowerCase(Locale.ROOT).replace('-', '_')));
        }
        if (unit != null && !unit.isBlank()) {
            filters.add(eq(JobFields.SCOPE_UNIT, unit.strip()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        long skip = (long) page * size;
        long total = jobs.count(filter);
        List<JobResponse> items = skip >= total ? List.of()
                : jobs.list(filter, (int) skip, size).stream().map(JobResponse::of).toList();
        return new JobPage(counts, totals, items, total, page, size);
    }

    /** The subjects of the failed jobs of a type the user may see (at most {@code limit}), oldest change first. */
    public List<Subject> failed(String type, String unit, int limit, User user) {
        List<Subject> out = new ArrayList<>();
        for (JobResponse j : list("FAILED", type, unit, 0, Math.min(500, limit), user).items()) {
            out.add(j.subject());
        }
        return out;
    }
}
