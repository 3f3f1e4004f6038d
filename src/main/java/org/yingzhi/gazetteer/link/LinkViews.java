package org.yingzhi.gazetteer.link;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetLinkViews;

/** The asset and library pages' view of links: an asset's links with their targets' names, and target names. */
@Component
class LinkViews implements AssetLinkViews {

    private final LinkService links;
    private final TargetNames names;

    LinkViews(LinkService links, TargetNames names) {
        this.links = links;
        this.names = names;
    }

    @Override
    public List<Shown> of(String assetId) {
        return links.named(assetId).stream().map(n -> {
            Link l = n.link();
            Link.Range r = l.range();
            return new Shown(l.id(), l.targetKind().name(), l.targetId(), n.targetName(), r == null ? null : r.in(),
                    r == null ? null : r.out(), r == null ? 0 : r.inMicros() / 1_000_000.0, l.note());
        }).toList();
    }

    @Override
    public Map<String, String> names(Collection<String> targetIds) {
        return names.of(targetIds);
    }
}
