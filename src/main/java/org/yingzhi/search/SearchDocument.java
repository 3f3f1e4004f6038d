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
        List<String> texts, Links links) {

    public SearchDocument {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        texts = texts == null ? List.of() : List.copyOf(texts);
        links = links == null ? Links.NONE : links;
    }

    /** An item not linked to the gazetteer. */
    public SearchDocument(String id, String type, String unit, String status, String review, String format,
            Long captureStart, Long captureEnd, Integer year, long createdAt, long updatedAt, Long durationMillis,
            long size, boolean hasGps, boolean deleted, List<String> keywords, String title, String description,
            List<String> texts) {
        this(id, type, unit, status, review, format, captureStart, captureEnd, year, createdAt, updatedAt,
                durationMillis, size, hasGps, deleted, keywords, title, description, texts, Links.NONE);
    }

    /**
     * What the gazetteer says of an item: the outline nodes it is linked to (and, for subtree searches, those and
     * all their ancestors), the people, projects and places, and their names and titles as searchable text.
     */
    public record Links(List<String> chapters, List<String> chapterTree, List<String> people, List<String> projects,
            List<String> places, List<String> names) {

        public static final Links NONE = new Links(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        public Links {
            chapters = chapters == null ? List.of() : List.copyOf(chapters);
            chapterTree = chapterTree == null ? List.of() : List.copyOf(chapterTree);
            people = people == null ? List.of() : List.copyOf(people);
            projects = projects == null ? List.of() : List.copyOf(projects);
            places = places == null ? List.of() : List.copyOf(places);
            names = names == null ? List.of() : List.copyOf(names);
        }
    }
}
