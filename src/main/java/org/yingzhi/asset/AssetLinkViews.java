package org.yingzhi.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the asset and library pages show of the gazetteer: an asset's links with their targets' names, and the
 * names of chapters and entries the library filters by. Implemented by the gazetteer, which depends on assets and
 * not the other way round; without an implementation the pages show no links.
 */
public interface AssetLinkViews {

    /** One link of an asset as its page lists it; {@code in}/{@code out} are source timecode, null for a whole asset. */
    record Shown(String id, String targetKind, String targetId, String targetName, String in, String out,
            double inSeconds, String note) {
    }

    /** The asset's links, with the names of what they point to. */
    List<Shown> of(String assetId);

    /** The name of every id known as an outline node or an index entry (unknown ids are left out). */
    Map<String, String> names(Collection<String> targetIds);

    AssetLinkViews NONE = new AssetLinkViews() {
        @Override
        public List<Shown> of(String assetId) {
            return List.of();
        }

        @Override
        public Map<String, String> names(Collection<String> targetIds) {
            return Map.of();
        }
    };
}
