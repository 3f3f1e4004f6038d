package org.yingzhi.asset;

import org.bson.Document;

/** The outcome of one accepted file: the asset that holds it, and whether it was already there. */
public record IngestResult(Document asset, boolean duplicate) {
}
