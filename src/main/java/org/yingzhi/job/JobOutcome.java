package org.yingzhi.job;

import org.bson.Document;

/** What a handler reports: done (with fields to set on the asset), skipped, or failed (retryable or not). */
public sealed interface JobOutcome {

    /** {@code assetFields}: dotted field names to set on the asset, e.g. {@code derivatives.proxy}. */
    record Done(Document assetFields) implements JobOutcome {
    }

    record Skipped(String reason) implements JobOutcome {
    }

    /** {@code retryable=false} for failures that another try cannot fix (a file FFmpeg cannot decode). */
    record Failed(String error, boolean retryable) implements JobOutcome {
    }

    static JobOutcome done(Document fields) {
        return new Done(fields);
    }
}
