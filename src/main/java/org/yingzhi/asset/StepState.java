package org.yingzhi.asset;

import java.time.Instant;

/** One step under {@code processing.steps}: its status, tries, times, and the error or note it ended with. */
public record StepState(StepStatus status, Integer attempts, Instant startedAt, Instant finishedAt, Long millis,
        String error, String note) {

    public static StepState queued() {
        return new StepState(StepStatus.QUEUED, null, null, null, null, null, null);
    }
}
