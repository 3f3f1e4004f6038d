package org.yingzhi.job;

/**
 * Where the runner reports what happens to jobs, so that the outcome lands on the asset the job works for
 * (implemented by the asset catalog; the queue itself knows nothing of assets).
 */
public interface JobEvents {

    void started(Job job);

    void finished(Job job, JobOutcome outcome, long millis);

    /** {@code willRetry}: the job is queued again for a later try; otherwise this was its last. */
    void failed(Job job, String error, boolean willRetry);

    /** Re-queues work that a crash between two writes may have left unqueued; called now and then. */
    void sweep();
}
