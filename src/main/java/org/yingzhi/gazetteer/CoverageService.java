package org.yingzhi.gazetteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * How well each chapter is supplied with material, for the office's progress reports: for every node, what is
 * linked to it directly and to its whole subtree (clips, total linked duration, photos, and the people and projects
 * those same assets are linked to), the chapters with nothing at all, and the totals per responsible unit. Reads
 * the outline and the links once; durations come from the links themselves.
 */
@Service
public class CoverageService {

    private final OutlineRepository outline;
    private final LinkGraph links;

    public CoverageService(OutlineRepository outline, LinkGraph links) {
        this.outline = outline;
        this.links = links;
    }

    /** One node's figures: direct links, and the subtree's distinct clips, duration, photos, people and projects. */
    public record Row(String id, String title, String level, int depth, String unit, OutlineNode.WritingStatus status,
            String due, int directLinks, int clips, long durationMicros, int photos, int people, int projects) {
    }

    private static final class Acc {
        final Set<String> clips = new HashSet<>();
        final Set<String> photos = new HashSet<>();
        final Set<String> people = new HashSet<>();
        final Set<String> projects = new HashSet<>();
        long micros;
        int direct;
    }

    public Map<String, Object> coverage() {
        List<OutlineNode> nodes = outline.all();
        Map<String, List<String>> peopleByAsset = new HashMap<>();
        Map<String, List<String>> projectsByAsset = new HashMap<>();
        for (Link l : links.allOf(LinkTarget.PERSON)) {
            peopleByAsset.computeIfAbsent(l.asset(), k -> new ArrayList<>()).add(l.targetId());
        }
        for (Link l : links.allOf(LinkTarget.PROJECT)) {
            projectsByAsset.computeIfAbsent(l.asset(), k -> new ArrayList<>()).add(l.targetId());
        }
        Map<String, Acc> acc = new HashMap<>();
        nodes.forEach(n -> acc.put(n.id(), new Acc()));
        Map<String, OutlineNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        for (Link l : links.allOf(LinkTarget.CHAPTER)) {
            OutlineNode n = byId.get(l.targetId());
            if (n == null) {
                continue;
            }
            acc.get(n.id()).direct++;
            List<String> upward = new ArrayList<>(n.path());
            upward.add(n.id());
            for (String id : upward) {
                Acc a = acc.get(id);
                if (a == null) {
                    continue;
                }
                if ("PHOTO".equals(l.assetType())) {
                    a.photos.add(l.asset());
                } else {
                    a.clips.add(l.asset());
                    a.micros += l.durationMicros();
                }
                a.people.addAll(peopleByAsset.getOrDefault(l.asset(), List.of()));
                a.projects.addAll(projectsByAsset.getOrDefault(l.asset(), List.of()));
            }
        }
        List<Row> rows = new ArrayList<>();
        List<Row> empty = new ArrayList<>();
        Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
        for (OutlineNode n : tidy(nodes)) {
            Acc a = acc.get(n.id());
            Row r = new Row(n.id(), n.title(), n.level(), n.path().size() + 1, n.unit(), n.status(), n.due(), a.direct,
                    a.clips.size(), a.micros, a.photos.size(), a.people.size(), a.projects.size());
            rows.add(r);
            boolean leaf = nodes.stream().noneMatch(x -> n.id().equals(x.parent()));
            if (a.clips.isEmpty() && a.photos.isEmpty()) {
                empty.add(r);
            }
            String unit = n.unit() == null ? "（未指定）" : n.unit();
            Map<String, Object> u = byUnit.computeIfAbsent(unit, k -> new LinkedHashMap<>(Map.of("nodes", 0,
                    "withoutMaterial", 0, "directLinks", 0)));
            if (leaf) {
                u.merge("nodes", 1, (x, y) -> (Integer) x + (Integer) y);
                if (a.direct == 0) {
                    u.merge("withoutMaterial", 1, (x, y) -> (Integer) x + (Integer) y);
                }
            }
            u.merge("directLinks", a.direct, (x, y) -> (Integer) x + (Integer) y);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("withoutMaterial", empty);
        out.put("byUnit", byUnit);
        return out;
    }

    /** Depth-first, siblings in order: the book's reading order. */
    private static List<OutlineNode> tidy(List<OutlineNode> nodes) {
        Map<String, List<OutlineNode>> byParent = new HashMap<>();
        nodes.forEach(n -> byParent.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n));
        byParent.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(OutlineNode::order)));
        List<OutlineNode> out = new ArrayList<>();
        walk(byParent, null, out);
        return out;
    }

    private static void walk(Map<String, List<OutlineNode>> byParent, String parent, List<OutlineNode> out) {
        for (OutlineNode n : byParent.getOrDefault(parent, List.of())) {
            out.add(n);
            walk(byParent, n.id(), out);
        }
    }

    /** The coverage rows as a spreadsheet: one row per node, indented by depth, durations in minutes. */
    @SuppressWarnings("unchecked")
    public byte[] xlsx() {
        List<Row> rows = (List<Row>) coverage().get("rows");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("资料覆盖");
            String[] head = {"篇目", "层级", "承编单位", "状态", "直接关联", "视音频", "时长(分钟)", "照片", "人物", "项目"};
            org.apache.poi.ss.usermodel.Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            for (Row x : rows) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue("  ".repeat(x.depth() - 1) + x.title());
                row.createCell(1).setCellValue(x.level());
                row.createCell(2).setCellValue(x.unit() == null ? "" : x.unit());
                row.createCell(3).setCellValue(x.status().name());
                row.createCell(4).setCellValue(x.directLinks());
                row.createCell(5).setCellValue(x.clips());
                row.createCell(6).setCellValue(Math.round(x.durationMicros() / 600_000.0) / 100.0);
                row.createCell(7).setCellValue(x.photos());
                row.createCell(8).setCellValue(x.people());
                row.createCell(9).setCellValue(x.projects());
            }
            sheet.setColumnWidth(0, 40 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
