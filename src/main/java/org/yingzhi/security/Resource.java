package org.yingzhi.security;

/**
 * What the policy needs to know of the thing acted on: its kind (asset, chapter, cut ...), the unit it belongs to
 * (null when it belongs to none) and whether it is deleted.
 */
public record Resource(String kind, String unit, boolean deleted) {

    public static Resource of(String kind, String unit) {
        return new Resource(kind, unit, false);
    }

    /** The catalog as a whole (listing, the job queue). */
    public static Resource catalog() {
        return new Resource("catalog", null, false);
    }
}
