package org.yingzhi.gazetteer.book;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.yingzhi.gazetteer.link.Link;
import org.yingzhi.gazetteer.link.LinkGraph;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.shared.office.Sheets;

/**
 * How well each chapter is supplied with material, for the office's progress reports: for every node, what is
 * linked to it directly and to its whole subtree (clips, total linked duration, photos, and the people and projects
 * those same assets are linked to), the chapters with nothing at all, and the totals per responsible unit. Reads
 * the outline and the links once; durations come from the links themselves.
 */
@Service
public class CoverageService {

    private final OutlineService outline;
    private final LinkGraph links;
    private final org.yingzhi.gazetteer.figure.FigureService figures;
    private final org.springframework.context.MessageSource messages;

    public CoverageService(OutlineService outline, LinkGraph links, org.yingzhi.gazetteer.figure.FigureService figures,
            org.springframework.context.MessageSource messages) {
        this.outline = outline;
        this.links = links;
        this.figures = figures;
        this.messages = messages;
    }

    /**
     * One node's counts: direct links, and the subtree's distinct clips, duration, photos (linked or figures, each
     * photo once), figures, people and projects.
     */
    public record Row(String id, String title, String level, int depth, String unit, OutlineNode.WritingStatus status,
            String due, int directLinks, int clips, long durationMicros, int photos, int people, int projects,
            @io.swagger.v3.oas.annotations.media.Schema(description = "figures attached to the node and its subtree")
            int figures,
            @io.swagger.v3.oas.annotations.media.Schema(description = "clips whose asset and link both passed 政治关 and 史实关")
            int approvedClips,
            @io.swagger.v3.oas.annotations.media.Schema(description = "linked duration of approved clips and links")
            long approvedMicros,
            @io.swagger.v3.oas.annotations.media.Schema(description = "photos whose asset and link both passed both checks")
            int approvedPhotos) {
    }

    /** A responsible unit's share of the outline: its leaf nodes, those of them without material, its direct links. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A responsible unit's leaf nodes, those without material, and its direct links")
    public record UnitCoverage(int nodes, int withoutMaterial, int directLinks) {
    }

    /** The coverage report: every node in reading order, the nodes without material, and per responsible unit. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "Coverage of the outline: per node, the nodes without material, per unit")
    public record Coverage(List<Row> rows, List<Row> withoutMaterial, Map<String, UnitCoverage> byUnit) {
    }

    /** The outline in reading order, kept until the outline changes (any process). */
    private record Outline(long version, List<OutlineNode> reading) {
    }

    private volatile Outline cachedOutline;

    private List<OutlineNode> reading() {
        long v = links.outlineVersion();
        Outline o = cachedOutline;
        if (o != null && o.version() == v && links.ready()) {
            return o.reading();
        }
        List<OutlineNode> reading = outline.inReadingOrder();
        if (links.ready()) {
            cachedOutline = new Outline(v, reading);
        }
        return reading;
    }

    /**
     * Counts per node and subtree in one pass over the links. Nodes are laid out in reading order, so a subtree is
     * a contiguous range of positions; the chapter links are bucketed by position, and each node's distinct clips,
     * photos, people and projects are counted over its range with stamp arrays (no sets): the cost is the number
     * of links times the depth of the tree.
     */
    public Coverage coverage() {
        List<OutlineNode> reading = reading();
        List<String[]> placed = new ArrayList<>();
        for (org.yingzhi.gazetteer.figure.Figure f : figures.of(reading)) {
            placed.add(new String[] {f.chapter(), f.asset()});
        }
        return count(reading, prepared(), placed);
    }

    static Coverage count(List<OutlineNode> reading, Prepared prep) {
        return count(reading, prep, List.of());
    }

    /** The links prepared with every one counted as not approved (the counting tests of linked material). */
    static Prepared prepare(long version, List<Link> chapter, List<Link> people, List<Link> projects) {
        return prepare(version, chapter, people, projects, l -> false);
    }

    /**
     * The report for an outline in reading order, the links prepared for counting and the figures as (node, photo)
     * pairs (pure: unit-tested). A figure counts as its node's photo (once per photo, however it is also linked)
     * and as a figure, not as a link.
     */
    static Coverage count(List<OutlineNode> reading, Prepared prep, List<String[]> figures) {
        int n = reading.size();
        Map<String, Integer> pos = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            pos.put(reading.get(i).id(), i);
        }
        int[] end = new int[n]; // exclusive end of each subtree in reading order
        for (int i = n - 1; i >= 0; i--) {
            end[i] = i + 1;
        }
        for (int i = n - 1; i >= 0; i--) {
            OutlineNode node = reading.get(i);
            Integer parent = node.parent() == null ? null : pos.get(node.parent());
            if (parent != null) {
                end[parent] = Math.max(end[parent], end[i]);
            }
        }
        int[] perPos = new int[n + 1];
        int links = prep.chapterTargets.length;
        int[] nodeOf = new int[links + figures.size()];
        Map<String, Integer> assetNo = new HashMap<>(prep.assetNo);
        int[] entryAsset = new int[nodeOf.length];
        for (int k = 0; k < nodeOf.length; k++) {
            String target = k < links ? prep.chapterTargets[k] : figures.get(k - links)[0];
            entryAsset[k] = k < links ? prep.chapterAsset[k]
                    : assetNo.computeIfAbsent(figures.get(k - links)[1], x -> assetNo.size());
            Integer p = pos.get(target);
            nodeOf[k] = p == null ? -1 : p;
            if (p != null) {
                perPos[p + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            perPos[i + 1] += perPos[i];
        }
        int total = perPos[n];
        int[] linkAsset = new int[total];
        boolean[] linkPhoto = new boolean[total];
        boolean[] linkFigure = new boolean[total];
        long[] linkMicros = new long[total];
        boolean[] linkApproved = new boolean[total];
        int[] fill = perPos.clone();
        for (int k = 0; k < nodeOf.length; k++) {
            if (nodeOf[k] < 0) {
                continue;
            }
            int at = fill[nodeOf[k]]++;
            linkAsset[at] = entryAsset[k];
            linkPhoto[at] = k >= links || prep.chapterPhoto[k];
            linkFigure[at] = k >= links;
            linkMicros[at] = k < links ? prep.chapterMicros[k] : 0;
            linkApproved[at] = k < links && prep.chapterApproved[k];
        }
        int[][] peopleOf = java.util.Arrays.copyOf(prep.peopleOf, assetNo.size());
        int[][] projectsOf = java.util.Arrays.copyOf(prep.projectsOf, assetNo.size());
        for (int i = prep.peopleOf.length; i < peopleOf.length; i++) {
            peopleOf[i] = new int[0];
            projectsOf[i] = new int[0];
        }
        int[] assetStamp = new int[assetNo.size()];
        int[] approvedStamp = new int[assetNo.size()];
        int[] personStamp = new int[maxOf(peopleOf) + 1];
        int[] projectStamp = new int[maxOf(projectsOf) + 1];
        List<Row> rows = new ArrayList<>(n);
        List<Row> empty = new ArrayList<>();
        Map<String, int[]> byUnit = new LinkedHashMap<>(); // nodes, without material, direct links
        for (int i = 0; i < n; i++) {
            OutlineNode node = reading.get(i);
            int stamp = i + 1;
            int clips = 0;
            int photos = 0;
            int people = 0;
            int projects = 0;
            long micros = 0;
            int figureCount = 0;
            int figuresHere = 0;
            int approvedClips = 0;
            int approvedPhotos = 0;
            long approvedMicros = 0;
            for (int k = perPos[i]; k < perPos[end[i]]; k++) {
                int a = linkAsset[k];
                if (linkApproved[k]) {
                    if (!linkPhoto[k]) {
                        approvedMicros += linkMicros[k];
                    }
                    if (approvedStamp[a] != stamp) {
                        approvedStamp[a] = stamp;
                        if (linkPhoto[k]) {
                            approvedPhotos++;
                        } else {
                            approvedClips++;
                        }
                    }
                }
                if (linkFigure[k]) {
                    figureCount++;
                    if (k < perPos[i + 1]) {
                        figuresHere++;
                    }
                }
                if (!linkPhoto[k]) {
                    micros += linkMicros[k];
                }
                if (assetStamp[a] == stamp) {
                    continue;
                }
                assetStamp[a] = stamp;
                if (linkPhoto[k]) {
                    photos++;
                } else {
                    clips++;
                }
                for (int person : peopleOf[a]) {
                    if (personStamp[person] != stamp) {
                        personStamp[person] = stamp;
                        people++;
                    }
                }
                for (int project : projectsOf[a]) {
                    if (projectStamp[project] != stamp) {
                        projectStamp[project] = stamp;
                        projects++;
                    }
                }
            }
            int direct = perPos[i + 1] - perPos[i] - figuresHere;
            Row r = new Row(node.id(), node.title(), node.level(), node.path().size() + 1, node.unit(), node.status(),
                    node.due(), direct, clips, micros, photos, people, projects, figureCount, approvedClips, approvedMicros,
                    approvedPhotos);
            rows.add(r);
            if (clips == 0 && photos == 0) {
                empty.add(r);
            }
            boolean leaf = end[i] == i + 1;
            String unit = node.unit() == null ? "（未指定）" : node.unit();
            int[] u = byUnit.computeIfAbsent(unit, k -> new int[3]);
            if (leaf) {
                u[0]++;
                if (direct == 0 && figuresHere == 0) {
                    u[1]++;
                }
            }
            u[2] += direct;
        }
        Map<String, UnitCoverage> units = new LinkedHashMap<>();
        byUnit.forEach((unit, u) -> units.put(unit, new UnitCoverage(u[0], u[1], u[2])));
        return new Coverage(rows, empty, units);
    }

    /**
     * The links as small ints, ready for counting: kept until the link graph changes, so the report pays for the
     * outline (which it reads afresh) and the counting only.
     */
    record Prepared(long version, Map<String, Integer> assetNo, String[] chapterTargets, int[] chapterAsset,
            boolean[] chapterPhoto, long[] chapterMicros, boolean[] chapterApproved, int[][] peopleOf, int[][] projectsOf) {
    }

    private volatile Prepared prepared;

    private Prepared prepared() {
        long v = links.version();
        Prepared p = prepared;
        if (p != null && p.version() == v && links.ready()) {
            return p;
        }
        p = prepare(v, links.allOf(LinkTarget.CHAPTER), links.allOf(LinkTarget.PERSON), links.allOf(LinkTarget.PROJECT),
                l -> l.claim().approved() && links.assetApproved(l.asset()));
        prepared = p;
        return p;
    }

    /** The chapter links as small ints, and for each of their assets the people and projects it is linked to. */
    static Prepared prepare(long version, List<Link> chapter, List<Link> people, List<Link> projects,
            java.util.function.Predicate<Link> approved) {
        Map<String, Integer> assetNo = new HashMap<>();
        boolean[] ok = new boolean[chapter.size()];
        String[] targets = new String[chapter.size()];
        int[] asset = new int[chapter.size()];
        boolean[] photo = new boolean[chapter.size()];
        long[] micros = new long[chapter.size()];
        for (int k = 0; k < targets.length; k++) {
            Link l = chapter.get(k);
            targets[k] = l.targetId();
            asset[k] = assetNo.computeIfAbsent(l.asset(), x -> assetNo.size());
            photo[k] = "PHOTO".equals(l.assetType());
            micros[k] = l.durationMicros();
            ok[k] = approved.test(l);
        }
        return new Prepared(version, assetNo, targets, asset, photo, micros, ok, entriesOf(people, assetNo),
                entriesOf(projects, assetNo));
    }

    /** For each numbered asset, the numbers of the entries (people or projects) it is linked to. */
    private static int[][] entriesOf(List<Link> all, Map<String, Integer> assetNo) {
        Map<String, Integer> entryNo = new HashMap<>();
        int[] a = new int[all.size()];
        int[] e = new int[all.size()];
        int[] count = new int[assetNo.size()];
        for (int k = 0; k < a.length; k++) {
            Link l = all.get(k);
            Integer n = assetNo.get(l.asset());
            a[k] = n == null ? -1 : n;
            if (n != null) {
                e[k] = entryNo.computeIfAbsent(l.targetId(), x -> entryNo.size());
                count[n]++;
            }
        }
        int[][] out = new int[assetNo.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[count[i]];
        }
        int[] fill = new int[assetNo.size()];
        for (int k = 0; k < a.length; k++) {
            if (a[k] >= 0) {
                out[a[k]][fill[a[k]]++] = e[k];
            }
        }
        return out;
    }

    private static int maxOf(int[][] a) {
        int m = 0;
        for (int[] x : a) {
            for (int v : x) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** The coverage rows as a spreadsheet: one row per node, indented by depth, durations in minutes. */
    @SuppressWarnings("unchecked")
    public byte[] xlsx() {
        List<List<Object>> rows = new ArrayList<>();
        for (Row x : coverage().rows()) {
            rows.add(java.util.Arrays.asList("  ".repeat(x.depth() - 1) + x.title(), x.level(), x.unit(),
                    x.status() == null ? "" : messages.getMessage("value.writing." + x.status().name(), null,
                            x.status().name(), java.util.Locale.SIMPLIFIED_CHINESE),
                    x.directLinks(), x.clips(), Math.round(x.durationMicros() / 600_000.0) / 100.0, x.photos(),
                    x.figures(), x.people(), x.projects(), x.approvedClips(),
                    Math.round(x.approvedMicros() / 600_000.0) / 100.0, x.approvedPhotos()));
        }
        return Sheets.xlsx("资料覆盖", List.of("篇目", "层级", "承编单位", "编写状态", "直接关联", "视音频", "时长(分钟)", "照片",
                "插图", "人物", "项目", "已审视音频", "已审时长(分钟)", "已审照片"), rows, 0, 40);
    }
}
