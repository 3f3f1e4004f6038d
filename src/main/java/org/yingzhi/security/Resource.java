package org.yingzhi.security;

/**
 * What the policy needs to know of the thing acted on: its kind, the unit it belongs to (null when it belongs to
 * none), whether it is deleted, and who it belongs to where a person owns it (an upload in progress; else null).
 */
public record Resource(ResourceKind kind, String unit, boolean deleted, String owner) {

    public Resource(ResourceKind kind, String unit, boolean deleted) {
        this(kind, unit, deleted, null);
    }

    public static Resource of(ResourceKind kind, String unit) {
        return new Resource(kind, unit, false);
    }

    /** A thing one person owns, such as an upload in progress (the account name). */
    public static Resource ownedBy(ResourceKind kind, String owner) {
        return new Resource(kind, null, false, owner);
    }

    /** The catalog as a whole (listing, the job queue). */
    public static Resource catalog() {
        return new Resource(ResourceKind.CATALOG, null, false);
    }
}
