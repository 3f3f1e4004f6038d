package org.yingzhi.shared.audit;

import org.bson.Document;

/**
 * How the sweep tells, after a crash, whether a journaled write reached the catalog: whether a document matching
 * {@code filter} is (or, with {@code present} false, is no longer) in {@code collection}. A write without a probe
 * is recorded by the sweep as uncertain rather than left without a record.
 */
public record Probe(String collection, Document filter, boolean present) {

    public static Probe exists(String collection, Document filter) {
        return new Probe(collection, filter, true);
    }

    public static Probe gone(String collection, Document filter) {
        return new Probe(collection, filter, false);
    }
}
