package org.yingzhi.search;

import java.util.List;

/**
 * What the search index holds of one catalog item: the fields it filters, sorts and counts by, and the texts it
 * searches. Built by the item's owner (the asset catalog) from the stored document; the index is a projection of
 * these and can always be rebuilt from the catalog.
 */
public record SearchDocument(String id, String type, String unit, String status, String review, String format,
        Long captureStart, Long captureEnd, Integer year, long createdAt, long updatedAt, Long durationMillis,
        long size, boolean hasGps, boolean deleted, List<String> keywords, String title, String description,
        List<String> texts) {

    public SearchDocument {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        texts = texts == null ? List.of() : List.copyOf(texts);
    }
}
