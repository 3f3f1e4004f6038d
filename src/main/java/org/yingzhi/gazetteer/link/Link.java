package org.yingzhi.gazetteer.link;

import java.time.Instant;

/**
 * A piece of material linked to the gazetteer: a whole asset, or the range {@code [in, out)} of a clip in its
 * source timecode, linked to a chapter, a person, a project or a place, with a note, who linked it and when.
 * {@code durationMicros} is the range's length, or the whole clip's (0 for photos), kept with the link so that
 * coverage adds up without reading the assets.
 */
public record Link(String id, String asset, String assetType, String unit, LinkTarget targetKind, String targetId,
        Range range, long durationMicros, Integer scene, String note, String createdBy, Instant createdAt, Claim claim) {

    public Link {
        claim = claim == null ? Claim.PENDING : claim;
    }

    /**
     * The link as a claim ("this range shows 张晓明 at the opening of ..."): it passes the political check and the
     * fact check like an asset does. Material counts as approved only when the asset and its link both passed.
     */
    public record Claim(org.yingzhi.asset.Asset.Check political, org.yingzhi.asset.Asset.Check facts) {

        public static final Claim PENDING = new Claim(org.yingzhi.asset.Asset.Check.PENDING,
                org.yingzhi.asset.Asset.Check.PENDING);

        public boolean approved() {
            return political.state() == org.yingzhi.asset.CheckState.APPROVED
                    && facts.state() == org.yingzhi.asset.CheckState.APPROVED;
        }

        public org.yingzhi.asset.ReviewStatus status() {
            return org.yingzhi.asset.Asset.Review.overall(political, facts);
        }
    }

    /**
     * A range of a clip: in and out as source timecode labels, the rate, where it starts counted in frames and
     * microseconds from the clip's first frame, and its length.
     */
    public record Range(String in, String out, String rate, boolean dropFrame, long startFrame, long frames,
            long inMicros, long durationMicros) {
    }
}
