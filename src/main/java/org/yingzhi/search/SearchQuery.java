package org.yingzhi.search;

/**
 * A search: free text (words, "quoted phrases"), filters (null: any), a sort, and a page by offset or by the
 * cursor of the previous page. Dates are epoch milliseconds; {@code from} inclusive, {@code to} exclusive.
 */
public record SearchQuery(String text, String type, String unit, String status, String review, String format,
        String keyword, Long from, Long to, Boolean hasGps, boolean includeDeleted, Sort sort, boolean descending,
        int offset, int size, String cursor, boolean facets, boolean highlight, Gazetteer gazetteer) {

    public SearchQuery {
        gazetteer = gazetteer == null ? Gazetteer.ANY : gazetteer;
    }

    /** A search without gazetteer filters. */
    public SearchQuery(String text, String type, String unit, String status, String review, String format,
            String keyword, Long from, Long to, Boolean hasGps, boolean includeDeleted, Sort sort, boolean descending,
            int offset, int size, String cursor, boolean facets, boolean highlight) {
        this(text, type, unit, status, review, format, keyword, from, to, hasGps, includeDeleted, sort, descending,
                offset, size, cursor, facets, highlight, Gazetteer.ANY);
    }

    /** Items linked to an outline node (with its subtree when {@code subtree}), a person, a project, a place. */
    public record Gazetteer(String chapter, boolean subtree, String person, String project, String place) {
        public static final Gazetteer ANY = new Gazetteer(null, true, null, null, null);
    }

    /** What results are ordered by; RELEVANCE falls back to newest first when there is no text. */
    public enum Sort {
        RELEVANCE("score"), CREATED("createdAt"), CAPTURED("captureStart"), UPDATED("updatedAt"), TITLE("title.sort"),
        DURATION("duration"), SIZE("size");

        final String field;

        Sort(String field) {
            this.field = field;
        }
    }
}
