package org.yingzhi.gazetteer.outline;

import java.time.Instant;
import java.util.List;

/**
 * One node of the book's outline (篇目大纲): a 篇, 章, 节 or 目 at any depth. {@code path} lists its ancestors from the
 * root, so a subtree is one query; {@code order} places it among its siblings.
 */
public record OutlineNode(String id, String parent, List<String> path, int order, String title, String level,
        String unit, String due, WritingStatus status, String notes, Instant createdAt, Instant updatedAt, long version) {

    public OutlineNode {
        path = path == null ? List.of() : List.copyOf(path);
    }

    /** How far the writing of a node has come. */
    public enum WritingStatus {
        PLANNED, COLLECTING, DRAFTING, REVIEWING, DONE
    }
}
