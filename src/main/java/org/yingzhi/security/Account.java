package org.yingzhi.security;

import java.time.Instant;

/**
 * A person who signs in: login name, display name, role and unit; the password only as its BCrypt hash (never
 * here). {@code mustChangePassword} is set for one-time passwords (a first administrator, a reset).
 */
public record Account(String id, String name, String displayName, Role role, String unit, boolean disabled,
        boolean mustChangePassword, Instant createdAt) {

    public User user() {
        return new User(name, displayName, role, unit == null ? "" : unit);
    }
}
