package org.yingzhi.gazetteer.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.AssetLinkFacts;
import org.yingzhi.gazetteer.index.Entry;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.search.SearchDocument;

/**
 * Tells the search index what each asset is linked to: the outline nodes (and their ancestors, for subtree
 * searches), the people, projects and places, and their titles and names as searchable text. One read of the
 * links, nodes and entries per batch of assets.
 */
@Component
class LinkFacts implements AssetLinkFacts {

    private final LinkGraph links;
    private final OutlineService outline;
    private final EntryService entries;

    LinkFacts(LinkGraph links, OutlineService outline, EntryService entries) {
        this.links = links;
        this.outline = outline;
        this.entries = entries;
    }

    @Override
    public Map<String, SearchDocument.Links> of(Collection<String> assetIds) {
        // an index rebuild at start-up waits for the graph rather than ask the catalog batch by batch
        links.awaitBuilt(120_000);
        List<Link> all = links.byAssets(assetIds);
        if (all.isEmpty()) {
            return Map.of();
        }
        Set<String> nodeIds = new HashSet<>();
        Set<String> entryIds = new HashSet<>();
        for (Link l : all) {
            (l.targetKind() == LinkTarget.CHAPTER ? nodeIds : entryIds).add(l.targetId());
        }
        Map<String, OutlineNode> nodes = new HashMap<>();
        outline.findAll(nodeIds).forEach(n -> nodes.put(n.id(), n));
        Map<String, Entry> byId = new HashMap<>();
        entries.findAll(entryIds).forEach(e -> byId.put(e.id(), e));
        Map<String, List<Link>> byAsset = new HashMap<>();
        all.forEach(l -> byAsset.computeIfAbsent(l.asset(), k -> new ArrayList<>()).add(l));
        Map<String, SearchDocument.Links> out = new HashMap<>();
        byAsset.forEach((asset, ls) -> {
            Set<String> chapters = new LinkedHashSet<>();
            Set<String> tree = new LinkedHashSet<>();
            Set<String> people = new LinkedHashSet<>();
            Set<String> projects = new LinkedHashSet<>();
            Set<String> places = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (Link l : ls) {
                switch (l.targetKind()) {
                    case CHAPTER -> {
                        OutlineNode n = nodes.get(l.targetId());
                        if (n != null) {
                            chapters.add(n.id());
                            tree.add(n.id());
                            tree.addAll(n.path());
                            names.add(n.title());
                        }
                    }
                    case PERSON -> people.add(l.targetId());
                    case PROJECT -> projects.add(l.targetId());
                    case PLACE -> places.add(l.targetId());
                }
                Entry e = byId.get(l.targetId());
                if (e != null) {
                    names.add(e.name());
                    names.addAll(e.otherNames());
                }
            }
            out.put(asset, new SearchDocument.Links(List.copyOf(chapters), List.copyOf(tree), List.copyOf(people),
                    List.copyOf(projects), List.copyOf(places), List.copyOf(names)));
        });
        return out;
    }
}
