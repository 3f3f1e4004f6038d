package org.yingzhi.asset;

import java.util.List;

/**
 * The figures a photo is in, as its page shows them (图5-1 in 第一节 …). Implemented by the gazetteer's figures,
 * which depend on assets and not the other way round; without an implementation the page shows none.
 */
public interface AssetFigureViews {

    /** One figure of the photo: its number, caption and the outline node it is attached to. */
    record Shown(String number, String caption, String credit, String nodeId, String nodeTitle) {
    }

    List<Shown> of(String assetId);

    AssetFigureViews NONE = assetId -> List.of();
}
