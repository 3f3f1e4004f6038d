package org.yingzhi.gazetteer.figure;

import java.time.Instant;

/**
 * A photo the book's editors attach to a node of the outline, with its caption (图注), credit (摄影 / 来源) and
 * place among the node's figures. Figure numbers (图3-2) are not stored: they follow from the outline and the
 * order when a list is exported, so moving or reordering never leaves stale numbers.
 */
public record Figure(String id, String chapter, String asset, String caption, String credit, int order,
        String createdBy, Instant createdAt, Instant updatedAt) {
}
