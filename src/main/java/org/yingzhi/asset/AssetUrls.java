package org.yingzhi.asset;

/**
 * The URLs a page shows an asset or a range of it by: its poster (a photo's preview; for a range of a clip the
 * frame at its in-point, for a whole clip its thumbnail; none for sound) and its player (a clip's proxy, played
 * from the range when one is given; a recording's audio proxy).
 */
public final class AssetUrls {

    private AssetUrls() {
    }

    /** {@code inMicros} null: the whole asset. */
    public static String poster(Asset a, Long inMicros) {
        String base = "/api/assets/" + a.id();
        return a.type() == AssetType.PHOTO ? base + "/preview?size=512"
                : a.type() != AssetType.VIDEO ? null
                : inMicros != null ? base + "/frame?size=320&at=" + inMicros / 1e6
                : base + "/thumbnail?size=320";
    }

    /** {@code inMicros} null: the whole asset. */
    public static String player(Asset a, Long inMicros, long durationMicros) {
        String base = "/api/assets/" + a.id();
        return a.type() == AssetType.VIDEO ? base + "/proxy" + (inMicros == null ? ""
                : "#t=" + inMicros / 1e6 + "," + (inMicros + durationMicros) / 1e6)
                : a.type() == AssetType.AUDIO ? base + "/audio" : null;
    }
}
