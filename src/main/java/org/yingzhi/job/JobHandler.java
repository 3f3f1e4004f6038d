package org.yingzhi.job;

/**
 * Does one type of job. Handlers are idempotent: running one again overwrites the same derivative and the same
 * asset fields. Throwing is a retryable failure; return {@link JobOutcome.Failed} with retryable=false for a
 * failure that another try cannot fix.
 */
public interface JobHandler {

    JobType type();

    JobOutcome run(Job job) throws Exception;
}
