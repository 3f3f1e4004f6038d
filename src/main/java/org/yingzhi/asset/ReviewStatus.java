package org.yingzhi.asset;

/** The political and fact check of an asset (政治关、史实关). */
public enum ReviewStatus {
    PENDING, APPROVED, REJECTED, CHANGES_REQUESTED
}
