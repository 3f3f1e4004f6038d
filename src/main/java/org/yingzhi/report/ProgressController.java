package org.yingzhi.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.time.CatalogTime;
import org.yingzhi.shared.web.ApiException;

@RestController
@Tag(name = "Progress", description = "Targets per unit and node, progress against them, and the periodic report (通报)")
class ProgressController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProgressService progress;
    private final TargetService targets;
    private final ReportService reports;
    private final AuditLog audit;
    private final ReportPdf pdf;

    ProgressController(ProgressService progress, TargetService targets, ReportService reports, AuditLog audit,
            ReportPdf pdf) {
        this.pdf = pdf;
        this.progress = progress;
        this.targets = targets;
        this.reports = reports;
        this.audit = audit;
    }

    static LocalDate day(String day) {
        if (day == null || day.isBlank()) {
            return LocalDate.now(CatalogTime.ZONE);
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("audit.day", day).with("field", "day");
        }
    }

    @Operation(summary = "Progress against the plan", description = "On a day (default today, China time): totals, per unit "
            + "(uploads, minutes, photos, linked, approved, returned, percent of target, weekly uploads, idle), per outline "
            + "node (linked and approved material against target, due date, overdue), 红榜 and 黑榜 by the stated rule.")
    @GetMapping("/api/progress")
    Progress progress(@RequestParam(required = false) String day, User user) {
        return progress.on(day(day));
    }

    @GetMapping("/api/progress/plan")
    Plan plan(User user) {
        return targets.plan();
    }

    /** The book's dates. */
    record BookDates(LocalDate start, LocalDate deadline) {
    }

    @Operation(summary = "Set the book's start and deadline (administrators)")
    @PutMapping(path = "/api/progress/plan/book", consumes = MediaType.APPLICATION_JSON_VALUE)
    Plan book(@RequestBody BookDates body, User user) {
        return targets.setBook(body.start(), body.deadline(), user);
    }

    @Operation(summary = "Set a unit's target (administrators)", description = "Expected clips, minutes, photos, people interviewed.")
    @PutMapping(path = "/api/progress/plan/units", consumes = MediaType.APPLICATION_JSON_VALUE)
    Plan unit(@Valid @RequestBody Plan.UnitTarget body, User user) {
        return targets.setUnit(body, user);
    }

    @Operation(summary = "Set an outline node's target and due date (administrators)")
    @PutMapping(path = "/api/progress/plan/nodes", consumes = MediaType.APPLICATION_JSON_VALUE)
    Plan node(@Valid @RequestBody Plan.NodeTarget body, User user) {
        return targets.setNode(body, user);
    }

    @Operation(summary = "Import targets from .xlsx", description = "First sheet: 单位或篇目, 视频, 时长（分钟）, 照片, 受访人物, "
            + "截止日期; a row 全书 gives the deadline (and 开始日期 the start). Rows matching neither a unit nor a node "
            + "are reported, not applied.")
    @PostMapping(path = "/api/progress/plan/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TargetService.Imported importXlsx(@RequestParam("file") MultipartFile file, User user) throws IOException {
        return targets.importXlsx(file.getInputStream(), user);
    }

    @Operation(summary = "Reports issued", description = "Newest first.")
    @GetMapping("/api/reports")
    List<ReportService.Issued> issued(User user) {
        return reports.issued();
    }

    @Operation(summary = "Issue a report (administrators)", description = "Generates the 通报 as of day (default today), "
            + "numbers and saves it; the next one states the change since.")
    @PostMapping("/api/reports")
    ResponseEntity<Report> issue(@RequestParam(required = false) String day, User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.issue(day(day), user));
    }

    @Operation(summary = "A report", description = "id = a saved report's id, or 'current' for a preview as of day.")
    @GetMapping("/api/reports/{id}")
    Report report(@PathVariable String id, @RequestParam(required = false) String day, User user) {
        return find(id, day, user);
    }

    private Report find(String id, String day, User user) {
        return "current".equals(id) ? reports.preview(day(day), user) : reports.saved(id);
    }

    @Operation(summary = "A report as .docx, .xlsx or .pdf", description = "format = docx, xlsx or pdf (with an installed "
            + "Chinese font embedded); id as above.")
    @GetMapping("/api/reports/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String id, @RequestParam(defaultValue = "docx") String format,
            @RequestParam(required = false) String day, User user) {
        if (!List.of("docx", "xlsx", "pdf").contains(format)) {
            throw ApiException.invalid("report.format", format).with("field", "format");
        }
        Report r = find(id, day, user);
        byte[] body = switch (format) {
            case "docx" -> reports.docx(r);
            case "pdf" -> pdf.render(r);
            default -> reports.xlsx(r);
        };
        audit.record(Change.of(AuditActions.EXPORT, "report", id).with("format", format).with("number", r.number()));
        return ResponseEntity.ok().contentType(format.equals("docx") ? DOCX : format.equals("pdf") ? MediaType.APPLICATION_PDF : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("通报-第" + r.number() + "期-" + r.to() + "." + format, java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
