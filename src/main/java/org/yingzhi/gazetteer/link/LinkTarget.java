package org.yingzhi.gazetteer.link;

import java.util.Locale;
import org.yingzhi.gazetteer.index.EntryKind;

/** What an asset can be linked to: a node of the outline, or an entry of the index. */
public enum LinkTarget {
    CHAPTER, PERSON, PROJECT, PLACE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkTarget parse(String s) {
        if (s != null) {
            for (LinkTarget t : values()) {
                if (t.wire().equals(s.strip().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("a link target is chapter, person, project or place, not '" + s + "'");
    }

    /** The target for entries of a kind (units are not link targets). */
    public static LinkTarget of(EntryKind kind) {
        return switch (kind) {
            case PERSON -> PERSON;
            case PROJECT -> PROJECT;
            case PLACE -> PLACE;
            default -> throw new IllegalArgumentException("entries of kind " + kind + " are not link targets");
        };
    }

    /** The index entry kind this target points to (null for chapters). */
    public EntryKind entryKind() {
        return switch (this) {
            case PERSON -> EntryKind.PERSON;
            case PROJECT -> EntryKind.PROJECT;
            case PLACE -> EntryKind.PLACE;
            case CHAPTER -> null;
        };
    }
}
