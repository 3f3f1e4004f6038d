package org.yingzhi.job;

import java.util.List;
import java.util.Map;

/**
 * What other features may ask of the job queue: queue a job of a subject (idempotently), run one again, move a
 * subject's jobs to another scope, and read their states. Claiming and finishing jobs stays inside {@code job}.
 */
public interface JobQueue {

    /** Queues the job unless it exists already (in whatever state); either way it takes the scope given. */
    void enqueue(Subject subject, String type, Scope scope);

    /** One job to queue with {@link #enqueueAll}. */
    record Wanted(Subject subject, String type, Scope scope) {
    }

    /** {@link #enqueue} for several jobs at once (one bulk write where the store allows it). */
    default void enqueueAll(List<Wanted> wanted) {
        for (Wanted w : wanted) {
            enqueue(w.subject(), w.type(), w.scope());
        }
    }

    /** Asks for the job to run again (queued afresh, or once more after the running attempt). */
    void requeue(Subject subject, String type, Scope scope);

    /** Gives every job of the subject a new scope. */
    void setScope(Subject subject, Scope scope);

    /** Records how far a running job has got, 0 to 1 (for jobs that take minutes); false when its claim was lost. */
    boolean progress(Job job, double fraction);

    /** One job's state: status, tries, progress (null: none reported), last error, and whether a rerun is asked for. */
    record State(JobStatus status, int attempts, Double progress, String lastError, java.time.Instant updatedAt,
            java.time.Instant finishedAt, boolean rerun) {
    }

    java.util.Optional<State> state(Subject subject, String type);

    /** The state of every job of these subjects of one kind: by subject id, then by job type. */
    Map<String, Map<String, JobStatus>> statusBySubject(String kind, List<String> ids);
}
