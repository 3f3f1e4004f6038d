package org.yingzhi.asset;

/**
 * The outcome of one accepted file: the asset that holds it, whether it was already there, and whether it had
 * been deleted and this upload restored it.
 */
public record IngestResult(Asset asset, boolean duplicate, boolean restored) {

    static IngestResult created(Asset asset) {
        return new IngestResult(asset, false, false);
    }

    static IngestResult existing(Asset asset) {
        return new IngestResult(asset, true, false);
    }
}
