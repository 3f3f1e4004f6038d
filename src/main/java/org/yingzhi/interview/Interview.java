package org.yingzhi.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An oral-history interview: who was asked (index people) and by whom, when and where, in which languages, what
 * part of the book it serves, the recordings it was made in (one or more assets), the consent and release form,
 * what may not be published and until when, and a summary. The unit is the unit that recorded it.
 */
public record Interview(String id, String title, String unit, List<String> assets, List<String> interviewees,
        List<String> interviewers, String date, String place, String placeId, List<String> languages, String chapter,
        String project, String summary, Restriction restriction, Consent consent, String createdBy, Instant createdAt,
        Instant updatedAt, long version, boolean deleted) {

    public Interview {
        assets = assets == null ? List.of() : List.copyOf(assets);
        interviewees = interviewees == null ? List.of() : List.copyOf(interviewees);
        interviewers = interviewers == null ? List.of() : List.copyOf(interviewers);
        languages = languages == null ? List.of() : List.copyOf(languages);
        restriction = restriction == null ? Restriction.NONE : restriction;
    }

    /**
     * What the interviewee or the office asked: not to be published before {@code embargoUntil} (while it runs, only
     * the office, the book's editors and the recording unit read the transcripts), and not in the public publication
     * at all ({@code publicUse} false) whatever the date; a note says why.
     */
    public record Restriction(LocalDate embargoUntil, boolean publicUse, String note) {
        public static final Restriction NONE = new Restriction(null, true, null);

        public boolean embargoed(LocalDate today) {
            return embargoUntil != null && today.isBefore(embargoUntil);
        }

        /** Whether it may go into a public publication today. */
        public boolean publishable(LocalDate today) {
            return publicUse && !embargoed(today);
        }

        public boolean any() {
            return embargoUntil != null || !publicUse;
        }
    }

    /** The signed consent and release form: a document kept with the interview (not media), by its hash. */
    public record Consent(String sha256, String ext, String fileName, String contentType, long size, String by,
            Instant at) {
    }
}
