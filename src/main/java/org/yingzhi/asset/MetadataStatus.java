package org.yingzhi.asset;

/** Whether the file's own metadata was read: fully, with warnings, or not at all (the asset is kept either way). */
public enum MetadataStatus {
    OK, PARTIAL, FAILED
}
