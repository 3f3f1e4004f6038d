package org.yingzhi.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.yingzhi.shared.audit.AuditLog;

/**
 * A 通报: the period and totals against the plan with the change since the last report, the progress per unit
 * and per node, a chapter × unit table, 红榜 and 黑榜, the items returned with their reasons, and the audit
 * chain's head at the time (so that a printed report pins the log).
 */
@Schema(description = "A progress report (通报): period, totals and change, per unit, chapter × unit, 红榜/黑榜, returned items")
public record Report(String id, int number, Instant generatedAt, String by, LocalDate from, LocalDate to,
        Progress progress, Previous previous, List<String> units, List<MatrixRow> matrix, List<Returned> returned,
        AuditLog.Head auditHead) {

    /** The totals the last report gave (null for the first), to state the change. */
    @Schema(description = "The totals of the report before, to state the change since")
    public record Previous(String id, int number, LocalDate to, int uploads, int approved, int returned, long minutes,
            int photos, Map<String, Integer> approvedByUnit) {
    }

    /** A 篇 or 章 and, per unit, the distinct assets linked under it: all of them and those approved. */
    @Schema(description = "A part or chapter and, per unit, the material linked under it (all, approved)")
    public record MatrixRow(String node, String title, int depth, Map<String, int[]> cells) {
    }

    /** An item a check sent back to its unit, and why. */
    @Schema(description = "An item returned to its unit, with the reasons")
    public record Returned(String asset, String title, String unit, String check, String reason, Instant at) {
    }
}
