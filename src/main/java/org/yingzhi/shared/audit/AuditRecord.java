package org.yingzhi.shared.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One record of the audit log: its place in the chain ({@code seq}, the hash of the record before and its own),
 * server time, actor, a hash of the session or token, client address, the change, request id and outcome
 * ({@code ok}; after a crash, {@code recovered}, {@code uncertain} or {@code interrupted}).
 */
public record AuditRecord(long seq, Instant at, String actor, String role, String actorUnit, String session,
        String client, String action, String targetKind, String targetId, String unit, Map<String, Object> before,
        Map<String, Object> after, String reason, String request, String outcome, String prev, String hash) {
}
