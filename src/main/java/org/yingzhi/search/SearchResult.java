package org.yingzhi.search;

import java.util.List;
import java.util.Map;

/**
 * Ids in order, the exact number of matches, counts per facet value (type, unit, year, status, review, format) of
 * all matches, highlighted snippets by id, and the cursor of the next page (null on the last).
 */
public record SearchResult(List<String> ids, long total, Map<String, Map<String, Long>> facets,
        Map<String, String> highlights, String nextCursor) {
}
