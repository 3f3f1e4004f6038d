package org.yingzhi.security;

/**
 * What the policy needs to know of the thing acted on: its kind, the unit it belongs to (null when it belongs to
 * none), whether it is deleted, who it belongs to where a person owns it (an upload, a bin, a cut; else null), and
 * for bins and cuts whether it is shared for reading and which accounts it is shared with for editing.
 */
public record Resource(ResourceKind kind, String unit, boolean deleted, String owner, boolean shared,
        java.util.List<String> editors) {

    public Resource {
        editors = editors == null ? java.util.List.of() : java.util.List.copyOf(editors);
    }

    public Resource(ResourceKind kind, String unit, boolean deleted, String owner) {
        this(kind, unit, deleted, owner, false, java.util.List.of());
    }

    public Resource(ResourceKind kind, String unit, boolean deleted) {
        this(kind, unit, deleted, null);
    }

    /** A bin or cut: its owner, whether everyone may read it, who else may change it, and whether it is deleted. */
    public static Resource collection(ResourceKind kind, String owner, boolean shared, java.util.List<String> editors,
            boolean deleted) {
        return new Resource(kind, null, deleted, owner, shared, editors);
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
