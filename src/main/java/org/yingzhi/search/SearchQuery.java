package org.yingzhi.search;

/**
 * A search: free text (words, "quoted phrases"), filters (null: any), a sort, and a page by offset or by the
 * cursor of the previous page. Dates are epoch milliseconds; {@code from} inclusive, {@code to} exclusive.
 */
public record SearchQuery(String text, String type, String unit, String status, String review, String format,
        String keyword, Long from, Long to, Boolean hasGps, boolean includeDeleted, Sort sort, boolean descending,
        int offset, int size, String cursor, boolean facets, boolean highlight) {

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
