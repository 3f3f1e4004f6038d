package org.yingzhi.job;

/** QUEUED -> RUNNING -> DONE, or back to QUEUED (retry, lease expiry, reprocess), or FAILED after the last try. */
public enum JobStatus {
    QUEUED, RUNNING, DONE, FAILED
}
