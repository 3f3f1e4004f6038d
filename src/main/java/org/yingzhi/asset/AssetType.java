package org.yingzhi.asset;

/** What an asset is, decided from its content. */
public enum AssetType {
    VIDEO, AUDIO, PHOTO
}
