package org.yingzhi.job;

/** A claimed job as a handler sees it: what it works on, which work, which try, and the token that proves the claim. */
public record Job(String id, Subject subject, String type, int attempt, String claimToken) {
}
