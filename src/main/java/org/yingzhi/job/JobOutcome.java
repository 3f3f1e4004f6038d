package org.yingzhi.job;

/** What a handler reports: done (with a result for whoever records it), skipped, or failed (retryable or not). */
public sealed interface JobOutcome {

    /** {@code result}: what the work produced, handed to the {@link JobEvents} of the job's type (may be null). */
    record Done(Object result) implements JobOutcome {
    }

    record Skipped(String reason) implements JobOutcome {
    }

    /** {@code retryable=false} for failures that another try cannot fix (a file FFmpeg cannot decode). */
    record Failed(String error, boolean retryable) implements JobOutcome {
    }

    static JobOutcome done(Object result) {
        return new Done(result);
    }
}
