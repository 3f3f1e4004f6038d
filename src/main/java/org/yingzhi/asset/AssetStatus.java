package org.yingzhi.asset;

/**
 * Where an asset is in processing, derived from its steps: INGESTED until the first step starts, PROCESSING while
 * any step is queued or running, READY when every step is done, PARTIAL when the rest is done but a step failed.
 */
public enum AssetStatus {
    INGESTED, PROCESSING, READY, PARTIAL
}
