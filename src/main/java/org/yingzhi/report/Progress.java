package org.yingzhi.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yingzhi.asset.AssetTallies.Tally;
import org.yingzhi.asset.AssetType;
import org.yingzhi.shared.time.CatalogTime;

/**
 * Progress against the plan on a day, a pure function of the catalog's assets, the coverage of the outline, the
 * linked assets and the plan (unit-tested). Material counts as approved only when it passed both checks; a
 * unit's percent of target is the mean, over the measures it has a target for (clips, minutes, photos), of its
 * approved material against the target, each capped at 100. The schedule is the share of the days from the
 * plan's start to the deadline that has passed. 红榜: units at or above the schedule (the best first, at most
 * five); 黑榜: units more than 20 points behind it, or that sent nothing for {@code idleWeeks} weeks.
 */
@Schema(description = "Progress against the plan on a day: totals, per unit, per outline node, weekly series, 红榜/黑榜")
public record Progress(LocalDate day, LocalDate start, LocalDate deadline, Long daysToDeadline, Double schedule,
        List<LocalDate> weeks, Totals totals, List<UnitRow> units, List<NodeRow> nodes, List<String> ahead,
        List<String> behind, int idleWeeks) {

    /** The rule the lists follow, as the report states it. */
    public static final String RULE = "红榜：已通过两关的资料占任务的比例不低于时间进度的单位（按比例从高到低，至多五个）；"
            + "黑榜：比时间进度落后 20 个百分点以上，或连续 {0} 周未报送资料的单位。";

    public static final int BEHIND_BY = 20;

    /** The rule as this report states it, with its number of idle weeks. */
    public String rule() {
        return RULE.replace("{0}", String.valueOf(idleWeeks));
    }

    @Schema(description = "All units together, with the plan's totals")
    public record Totals(int uploads, int clips, long minutes, int photos, int linked, int approved, int returned,
            int targetClips, int targetMinutes, int targetPhotos, int targetInterviews, int nodes, int overdueNodes) {
    }

    @Schema(description = "One unit: what it sent, what passed, what came back, against its target; its weekly uploads")
    public record UnitRow(String unit, int uploads, int clips, long minutes, int photos, int linked, int approved,
            int approvedClips, long approvedMinutes, int approvedPhotos, int returned, Plan.UnitTarget target,
            Integer percent, int nodes, int overdueNodes, List<Integer> weekly, LocalDate lastUpload, boolean idle) {
    }

    @Schema(description = "One outline node: its material (linked and approved, subtree) against its target and due date")
    public record NodeRow(String id, String title, String level, int depth, String unit, LocalDate due, Long daysLeft,
            Plan.NodeTarget target, int clips, long minutes, int photos, int approvedClips, long approvedMinutes,
            int approvedPhotos, Integer percent, boolean overdue) {
    }

    /** A node of the outline as progress needs it: its coverage and whether it is a leaf. */
    public record NodeIn(String id, String title, String level, int depth, String unit, String due, boolean leaf,
            int clips, long micros, int photos, int approvedClips, long approvedMicros, int approvedPhotos) {
    }

    public static Progress compute(Plan plan, java.util.Collection<Tally> tallies, List<NodeIn> outline, Set<String> linkedAssets,
            LocalDate day, int weekCount, int idleWeeks) {
        LocalDate thisWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> weeks = new ArrayList<>();
        for (int i = weekCount - 1; i >= 0; i--) {
            weeks.add(thisWeek.minusWeeks(i));
        }
        Instant end = day.plusDays(1).atStartOfDay(CatalogTime.ZONE).toInstant();
        Map<String, int[]> counts = new LinkedHashMap<>(); // uploads clips photos linked approved aClips aPhotos returned
        Map<String, long[]> minutes = new HashMap<>(); // minutes, approved minutes (micros)
        Map<String, int[]> weekly = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        Set<String> units = new LinkedHashSet<>();
        plan.units().forEach(u -> units.add(u.unit()));
        for (Tally t : tallies) {
            if (t.deleted() || t.createdAt().isAfter(end)) {
                continue;
            }
            String unit = t.unit() == null || t.unit().isBlank() ? "（未指定）" : t.unit();
            units.add(unit);
            int[] c = counts.computeIfAbsent(unit, k -> new int[8]);
            long[] m = minutes.computeIfAbsent(unit, k -> new long[2]);
            boolean photo = t.type() == AssetType.PHOTO;
            c[0]++;
            if (photo) {
                c[2]++;
            } else {
                c[1]++;
                m[0] += t.durationMicros();
            }
            if (linkedAssets.contains(t.id())) {
                c[3]++;
            }
            if (t.approved()) {
                c[4]++;
                if (photo) {
                    c[6]++;
                } else {
                    c[5]++;
                    m[1] += t.durationMicros();
                }
            }
            if (t.returned()) {
                c[7]++;
            }
            LocalDate d = LocalDate.ofInstant(t.createdAt(), CatalogTime.ZONE);
            last.merge(unit, d, (a, b) -> a.isAfter(b) ? a : b);
            long w = ChronoUnit.WEEKS.between(weeks.get(0), d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (w >= 0 && w < weekCount) {
                weekly.computeIfAbsent(unit, k -> new int[weekCount])[(int) w]++;
            }
        }
        Map<String, Plan.NodeTarget> nodeTargets = new HashMap<>();
        plan.nodes().forEach(n -> nodeTargets.put(n.node(), n));
        List<NodeRow> nodes = new ArrayList<>();
        Map<String, int[]> nodesOfUnit = new HashMap<>(); // assigned leaves, overdue
        int overdueTotal = 0;
        for (NodeIn n : outline) {
            Plan.NodeTarget t = nodeTargets.get(n.id());
            LocalDate due = t != null && t.due() != null ? t.due() : parse(n.due());
            Integer percent = t == null ? null : percent(new long[] {n.approvedClips(), n.approvedMicros() / 60_000_000,
                    n.approvedPhotos()}, new long[] {t.clips(), t.minutes(), t.photos()});
            boolean met = percent != null ? percent >= 100 : n.approvedClips() + n.approvedPhotos() > 0;
            boolean overdue = due != null && due.isBefore(day) && !met;
            Long left = due == null ? null : ChronoUnit.DAYS.between(day, due);
            nodes.add(new NodeRow(n.id(), n.title(), n.level(), n.depth(), n.unit(), due, left, t, n.clips(),
                    n.micros() / 60_000_000, n.photos(), n.approvedClips(), n.approvedMicros() / 60_000_000,
                    n.approvedPhotos(), percent, overdue));
            if (n.leaf() && n.unit() != null) {
                int[] x = nodesOfUnit.computeIfAbsent(n.unit(), k -> new int[2]);
                x[0]++;
                if (overdue) {
                    x[1]++;
                }
            }
            if (overdue) {
                overdueTotal++;
            }
        }
        Double sched = null;
        Long daysLeft = plan.deadline() == null ? null : ChronoUnit.DAYS.between(day, plan.deadline());
        if (plan.start() != null && plan.deadline() != null && plan.deadline().isAfter(plan.start())) {
            double all = ChronoUnit.DAYS.between(plan.start(), plan.deadline());
            double gone = ChronoUnit.DAYS.between(plan.start(), day);
            sched = Math.round(Math.max(0, Math.min(1, gone / all)) * 1000) / 10.0;
        }
        Double schedule = sched;
        List<UnitRow> rows = new ArrayList<>();
        int[] tot = new int[8];
        long totMinutes = 0;
        int[] targets = new int[4];
        for (String unit : units) {
            int[] c = counts.getOrDefault(unit, new int[8]);
            long[] m = minutes.getOrDefault(unit, new long[2]);
            Plan.UnitTarget t = plan.unit(unit);
            Integer percent = t == null ? null : percent(new long[] {c[5], m[1] / 60_000_000, c[6]},
                    new long[] {t.clips(), t.minutes(), t.photos()});
            int[] w = weekly.getOrDefault(unit, new int[weekCount]);
            boolean idle = true;
            for (int i = Math.max(0, weekCount - idleWeeks); i < weekCount; i++) {
                idle &= w[i] == 0;
            }
            int[] nu = nodesOfUnit.getOrDefault(unit, new int[2]);
            rows.add(new UnitRow(unit, c[0], c[1], m[0] / 60_000_000, c[2], c[3], c[4], c[5], m[1] / 60_000_000, c[6],
                    c[7], t, percent, nu[0], nu[1], java.util.Arrays.stream(w).boxed().toList(), last.get(unit), idle));
            for (int i = 0; i < 8; i++) {
                tot[i] += c[i];
            }
            totMinutes += m[0];
            if (t != null) {
                targets[0] += t.clips();
                targets[1] += t.minutes();
                targets[2] += t.photos();
                targets[3] += t.interviews();
            }
        }
        double bar = schedule == null ? 0 : schedule;
        List<String> ahead = rows.stream().filter(r -> r.percent() != null && !r.idle() && r.percent() >= bar
                && (schedule != null || r.percent() > 0))
                .sorted(Comparator.comparing(UnitRow::percent).reversed().thenComparing(UnitRow::unit))
                .limit(5).map(UnitRow::unit).toList();
        List<String> behind = rows.stream().filter(r -> r.target() != null || r.uploads() > 0)
                .filter(r -> r.idle() || (r.percent() != null && schedule != null && r.percent() < bar - BEHIND_BY))
                .sorted(Comparator.comparing((UnitRow r) -> r.percent() == null ? -1 : r.percent()).thenComparing(UnitRow::unit))
                .map(UnitRow::unit).toList();
        Totals totals = new Totals(tot[0], tot[1], totMinutes / 60_000_000, tot[2], tot[3], tot[4], tot[7], targets[0],
                targets[1], targets[2], targets[3], outline.size(), overdueTotal);
        return new Progress(day, plan.start(), plan.deadline(), daysLeft, schedule, weeks, totals, rows, nodes, ahead,
                behind, idleWeeks);
    }

    /** The mean over the measures with a target of actual/target, each capped at 100; null without any target. */
    static Integer percent(long[] actual, long[] target) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            if (target[i] > 0) {
                sum += Math.min(1.0, (double) actual[i] / target[i]);
                n++;
            }
        }
        return n == 0 ? null : (int) Math.round(sum / n * 100);
    }

    private static LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip().length() == 7 ? s.strip() + "-01" : s.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
