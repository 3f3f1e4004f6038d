package org.yingzhi.shared.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One write as the audit log records it: the action (e.g. {@code asset.edit}), its target (kind and id), the unit
 * the target belongs to, the changed fields before and after, and the reason (required for review decisions and
 * deletions by their services).
 */
public record Change(String action, String targetKind, String targetId, String unit, Map<String, Object> before,
        Map<String, Object> after, String reason) {

    public Change {
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    public static Change of(String action, String targetKind, String targetId) {
        return new Change(action, targetKind, targetId, null, Map.of(), Map.of(), null);
    }

    public Change unit(String u) {
        return new Change(action, targetKind, targetId, u, before, after, reason);
    }

    public Change target(String id) {
        return new Change(action, targetKind, id, unit, before, after, reason);
    }

    public Change reason(String r) {
        return new Change(action, targetKind, targetId, unit, before, after, r);
    }

    /** Adds a changed field: its value before and after (null where there was none). */
    public Change field(String name, Object was, Object now) {
        Map<String, Object> b = new LinkedHashMap<>(before);
        Map<String, Object> a = new LinkedHashMap<>(after);
        b.put(name, was);
        a.put(name, now);
        return new Change(action, targetKind, targetId, unit, b, a, reason);
    }

    /** Adds a field that only has a value after (a creation) or names what the write carried. */
    public Change with(String name, Object now) {
        Map<String, Object> a = new LinkedHashMap<>(after);
        a.put(name, now);
        return new Change(action, targetKind, targetId, unit, before, a, reason);
    }
}
