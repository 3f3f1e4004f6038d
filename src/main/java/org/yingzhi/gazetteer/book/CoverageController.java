package org.yingzhi.gazetteer.book;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;

@RestController
@Tag(name = "Outline", description = "The book's outline (篇目大纲): a tree of 篇, 章, 节, 目; import and export")
class CoverageController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CoverageService coverage;

    private final org.yingzhi.shared.audit.AuditLog audit;

    CoverageController(CoverageService coverage, org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.coverage = coverage;
    }

    @Operation(summary = "Coverage of the outline", description = "Per node and subtree: linked clips, duration, photos, "
            + "people and projects; nodes without material; per responsible unit.")
    @GetMapping("/api/outline/coverage")
    CoverageService.Coverage coverage(User user) {
        return coverage.coverage();
    }

    @Operation(summary = "Coverage as a spreadsheet", description = "The rows of /api/outline/coverage as .xlsx.")
    @GetMapping("/api/outline/coverage.xlsx")
    ResponseEntity<byte[]> coverageXlsx(User user) {
        audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.EXPORT, "coverage", null).with("format", "xlsx"));
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("coverage.xlsx").build().toString()).body(coverage.xlsx());
    }
}
