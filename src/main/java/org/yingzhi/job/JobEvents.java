package org.yingzhi.job;

import java.util.Set;

/**
 * Records what happens to jobs of some types on the thing they work for (an asset's processing steps, a cut's
 * render state ...). The queue itself knows nothing of subjects; the runner routes each job's events to the one
 * bean that declares its type. Types without such a bean keep their state on the job only.
 */
public interface JobEvents {

    /** The job types whose events this bean records. */
    Set<String> types();

    void started(Job job);

    /** {@code outcome} is {@link JobOutcome.Done} or {@link JobOutcome.Skipped}. */
    void finished(Job job, JobOutcome outcome, long millis);

    /** {@code willRetry}: the job is queued again for a later try; otherwise this was its last. */
    void failed(Job job, String error, boolean willRetry);
}
