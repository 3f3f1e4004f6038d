package org.yingzhi.asset;

import java.util.List;
import java.util.Locale;
import org.yingzhi.security.Action;

/**
 * The two checks every item passes before the book uses it, in either order: the political check (政治关) and the
 * check of historical facts (史实关). An edit of a descriptive field reopens the approved checks that read it: the
 * political check reads what the item says and shows (title, description, keywords, rights); the fact check reads
 * what it claims (title, description, capture date, place, source, contributing unit).
 */
public enum ReviewCheck {
    POLITICAL(Action.REVIEW_POLITICAL, List.of("title", "description", "keywords", "rights")),
    FACTS(Action.REVIEW_FACTS, List.of("title", "description", "captureDate", "place", "source", "contributorUnit"));

    private final Action action;
    private final List<String> fields;

    ReviewCheck(Action action, List<String> fields) {
        this.action = action;
        this.fields = fields;
    }

    /** The policy's action for deciding this check. */
    public Action action() {
        return action;
    }

    /** The descriptive fields whose change reopens this check. */
    public List<String> fields() {
        return fields;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewCheck parse(String s) {
        for (ReviewCheck c : values()) {
            if (c.wire().equals(s == null ? "" : s.strip().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new org.yingzhi.shared.i18n.CodedArgumentException("review.check", s);
    }
}
