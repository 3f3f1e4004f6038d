package org.yingzhi.asset;

/** The state of one processing step of an asset (mirrors its job, plus SKIPPED). */
public enum StepStatus {
    QUEUED, RUNNING, DONE, SKIPPED, FAILED
}
