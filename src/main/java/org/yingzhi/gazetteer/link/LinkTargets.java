package org.yingzhi.gazetteer.link;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.yingzhi.gazetteer.index.Entry;
import org.yingzhi.gazetteer.index.EntryDirectory;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.gazetteer.index.Pinyin;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.shared.web.ApiException;

/**
 * What an asset or a marked range can be linked to, found by one query: nodes of the outline by title (or pinyin
 * initials of it) and people, projects and places of the index (as the index search finds them). The asset
 * page's picker and batch linking in the library use it, so a range is linked in two clicks: pick, link.
 */
@Component
public class LinkTargets {

    /** One candidate: the link's target kind and id, its name, and what tells it apart (a node's path, roles). */
    public record Target(String kind, String id, String name, String detail) {
    }

    private final OutlineService outline;
    private final EntryDirectory entries;

    LinkTargets(OutlineService outline, EntryDirectory entries) {
        this.outline = outline;
        this.entries = entries;
    }

    public List<Target> find(String q, int limit) {
        if (q != null && q.length() > 100) {
            throw ApiException.badRequest("q may be at most 100 characters");
        }
        int max = Math.max(1, Math.min(limit, 50));
        String s = fold(q == null ? "" : q.strip());
        List<Target> out = new ArrayList<>(chapters(s, max));
        if (!entries.ready()) {
            if (out.isEmpty()) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Index directory not ready",
                        "the index of people, projects and places is being read; try again shortly");
            }
            return out;
        }
        EntryDirectory.Found f = entries.search(null, s, 0, max * 2);
        for (Entry e : f.items()) {
            if (e.kind() == EntryKind.UNIT || out.size() >= max * 2) {
                continue;
            }
            out.add(new Target(e.kind().name().toLowerCase(Locale.ROOT), e.id(), e.name(), detail(e)));
        }
        return out.size() > max ? interleave(out, max) : out;
    }

    /** Outline nodes whose title holds the text (or whose title's pinyin starts with it), in reading order. */
    private List<Target> chapters(String s, int max) {
        List<OutlineNode> nodes = outline.inReadingOrder();
        Map<String, OutlineNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        boolean pinyin = !s.isEmpty() && Pinyin.isPinyinQuery(s);
        record Hit(OutlineNode node, int rank, int order) {
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            OutlineNode n = nodes.get(i);
            String title = fold(n.title());
            int rank = s.isEmpty() ? 1 : title.equals(s) ? 0 : title.contains(s) ? 1
                    : pinyin && Pinyin.keys(n.title()).stream().anyMatch(k -> k.startsWith(s)) ? 2 : -1;
            if (rank >= 0) {
                hits.add(new Hit(n, rank, i));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::order));
        return hits.stream().limit(max).map(h -> new Target("chapter", h.node().id(), h.node().title(),
                path(h.node(), byId))).toList();
    }

    private static String path(OutlineNode n, Map<String, OutlineNode> byId) {
        List<String> titles = new ArrayList<>();
        for (String id : n.path()) {
            OutlineNode p = byId.get(id);
            if (p != null && !p.id().equals(n.id())) {
                titles.add(p.title());
            }
        }
        return String.join(" › ", titles);
    }

    private static String detail(Entry e) {
        List<String> parts = new ArrayList<>(e.roles());
        if (e.unit() != null) {
            parts.add(e.unit());
        }
        if (e.placeKind() != null) {
            parts.add(e.placeKind());
        }
        if (e.fundingUnit() != null) {
            parts.add(e.fundingUnit());
        }
        return String.join(" · ", parts);
    }

    /** Chapters and entries both get a share of a short list (a query matching many chapters leaves room for people). */
    private static List<Target> interleave(List<Target> all, int max) {
        List<Target> chapters = all.stream().filter(t -> t.kind().equals("chapter")).toList();
        List<Target> others = all.stream().filter(t -> !t.kind().equals("chapter")).toList();
        int forChapters = Math.min(chapters.size(), Math.max(max - others.size(), max / 2));
        List<Target> out = new ArrayList<>(chapters.subList(0, forChapters));
        out.addAll(others.subList(0, Math.min(others.size(), max - forChapters)));
        return out;
    }

    private static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
