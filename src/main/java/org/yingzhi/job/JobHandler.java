package org.yingzhi.job;

/**
 * Does one type of job. Handlers are idempotent: running one again overwrites the same output. Throwing is a
 * retryable failure; return {@link JobOutcome.Failed} with retryable=false for a failure that another try cannot
 * fix.
 */
public interface JobHandler {

    /** The job type, lower case ({@code proxy}, {@code cut_render} ...); exactly one handler per type. */
    String type();

    JobOutcome run(Job job) throws Exception;

    /**
     * Whether jobs of this type may take minutes (a proxy encode of a long clip): such jobs never hold every worker
     * of a process (see {@link JobRunner}), so short ones of a new batch are not starved behind them.
     */
    default boolean lengthy() {
        return false;
    }
}
