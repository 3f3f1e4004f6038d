package org.yingzhi.security;

/**
 * What a user may do. The gazetteer office administers and reviews; the broadcasting bureau and aid units
 * contribute media for their own unit; producers assemble cuts; editors attach images to chapters.
 */
public enum Role {
    ADMIN, REVIEWER, CONTRIBUTOR, PRODUCER, EDITOR, VIEWER;

    /** May upload and describe media of their own unit (admins: of any unit). */
    public boolean canContribute() {
        return this == ADMIN || this == CONTRIBUTOR;
    }

    /** Acts across units. */
    public boolean isOffice() {
        return this == ADMIN || this == REVIEWER;
    }
}
