package org.yingzhi.asset;

/** Where one check of an item stands: not decided yet, passed, sent back to its unit with reasons, or refused. */
public enum CheckState {
    PENDING, APPROVED, RETURNED, REJECTED
}
