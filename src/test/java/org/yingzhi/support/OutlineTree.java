package org.yingzhi.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.yingzhi.gazetteer.outline.OutlineNode;

/**
 * Test data: an outline in reading order, written as it reads. {@code part("a", "第一篇")}, then
 * {@code under("a").chapter("b", "第一章")} ...: each node records its parent and path.
 */
public final class OutlineTree {

    private final List<OutlineNode> nodes = new ArrayList<>();

    public static OutlineTree outline() {
        return new OutlineTree();
    }

    /** A node under {@code parent} (null: top), appended in reading order. */
    public OutlineTree node(String id, String parent, String level, String title) {
        return node(id, parent, level, title, null);
    }

    public OutlineTree node(String id, String parent, String level, String title, String unit) {
        List<String> path = new ArrayList<>();
        if (parent != null) {
            OutlineNode p = nodes.stream().filter(n -> n.id().equals(parent)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no node " + parent + " before " + id));
            path.addAll(p.path());
            path.add(parent);
        }
        int order = (int) nodes.stream().filter(n -> java.util.Objects.equals(n.parent(), parent)).count();
        nodes.add(new OutlineNode(id, parent, path, order, title, level, unit, null, null, null,
                Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"), 0));
        return this;
    }

    public List<OutlineNode> inReadingOrder() {
        return List.copyOf(nodes);
    }
}
