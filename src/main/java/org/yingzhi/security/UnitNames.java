package org.yingzhi.security;

/**
 * The one list of units (contributing and responsible units): the name a unit is known by, for any of its names.
 * Unit strings from users, uploads, edits and the outline all pass through here, so "援藏工作队" and its full name
 * are one unit to the access policy, to lists and to reports. A string that names no unit of the list is kept as
 * given (and reported as unmatched by the gazetteer).
 */
public interface UnitNames {

    /** Every string as given: what is used while no list of units exists. */
    UnitNames AS_GIVEN = s -> s == null ? null : s.strip();

    /** The listed name of the unit {@code name} names (its name or one of its other names), or {@code name} stripped. */
    String canonical(String name);

    /** The listed units' names, by name (the first 200), for pages that offer them as choices. */
    default java.util.List<String> listed() {
        return java.util.List.of();
    }

    /** The user with the listed name of their unit (no unit stays no unit). */
    default User listed(User u) {
        return u.unit() == null || u.unit().isEmpty() ? u
                : new User(u.name(), u.displayName(), u.role(), canonical(u.unit()));
    }

    /** Whether two strings name the same unit. */
    default boolean same(String a, String b) {
        String x = canonical(a);
        return x != null && !x.isEmpty() && x.equals(canonical(b));
    }
}
