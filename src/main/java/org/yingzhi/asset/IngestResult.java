package org.yingzhi.asset;

/** The outcome of one accepted file: the asset that holds it, and whether it was already there. */
public record IngestResult(Asset asset, boolean duplicate) {
}
