package org.yingzhi.asset;

/** Filters and paging of the asset list; every field optional. Texts longer than a query needs are refused. */
public record AssetQuery(String type, String unit, String from, String to, String keyword, String q, String status,
        Integer page, Integer size, String sort, boolean includeDeleted, String review) {

    /** Without a review filter. */
    public AssetQuery(String type, String unit, String from, String to, String keyword, String q, String status,
            Integer page, Integer size, String sort, boolean includeDeleted) {
        this(type, unit, from, to, keyword, q, status, page, size, sort, includeDeleted, null);
    }

    /** Characters of search text: a long sentence, well short of anything that would strain the index. */
    static final int MAX_TEXT = 500;

    public AssetQuery {
        if (q != null && q.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the search text is " + q.length() + " characters; at most " + MAX_TEXT);
        }
        for (String f : new String[] {type, unit, from, to, keyword, status, sort, review}) {
            if (f != null && f.length() > 200) {
                throw new IllegalArgumentException("a filter value is over 200 characters");
            }
        }
    }
}
