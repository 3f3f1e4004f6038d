package org.yingzhi.security;

import java.time.Instant;

/**
 * A personal API token as stored: its owner, a label, when it was made, last used and revoked, and the first
 * characters of the token so its owner can tell it apart. The token itself is shown once, when it is made; the
 * store keeps its SHA-256 only.
 */
public record ApiToken(String id, String user, String label, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {
}
