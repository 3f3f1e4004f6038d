package org.yingzhi.job;

import org.bson.types.ObjectId;

/** A claimed job as a handler sees it: which asset, which work, which try, and the token that proves the claim. */
public record Job(String id, ObjectId assetId, JobType type, int attempt, String claimToken) {
}
