package org.yingzhi.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.AuditRecord;

@RestController
@Tag(name = "Audit", description = "The append-only audit log: one record per write, chained by hashes (administrators)")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Operation(summary = "Audit records", description = "Newest first; filters: target (an asset's or other target's id), "
            + "actor (login name), unit (the target's or the actor's), day (yyyy-MM-dd, China time); before = a seq to page "
            + "back from; limit 1-500. No API changes or deletes a record.")
    @GetMapping("/api/audit")
    List<AuditRecord> find(@RequestParam(required = false) String target, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String day,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit, User caller) {
        return audit.find(audit.query(target, actor, unit, day, before, limit), caller);
    }

    /** What verify says, and whether a head stated elsewhere (a backup, a report) still holds. */
    record VerifyResponse(AuditLog.Verification chain, Boolean statedHeadHolds) {
    }

    @Operation(summary = "Verify the chain", description = "Walks every record from the first: recomputes each hash, checks "
            + "each link and number; names the first record altered or missing. With seq and hash (a head stated by a "
            + "backup or a 通报), also says whether that record still has that hash.")
    @GetMapping("/api/audit/verify")
    VerifyResponse verify(@RequestParam(required = false) Long seq, @RequestParam(required = false) String hash,
            User caller) {
        AuditLog.Verification v = audit.verify(caller);
        return new VerifyResponse(v, seq != null && hash != null ? audit.holds(seq, hash, caller) : null);
    }

    @Operation(summary = "Export audit records", description = "The stored records that match (same filters), oldest first, "
            + "as JSON lines with their seq, prev and hash: verifiable outside the machine.")
    @GetMapping("/api/audit/export.jsonl")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String target,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String day, User caller) {
        AuditLog.Query q = audit.query(target, actor, unit, day, null, null);
        audit.find(q, caller); // the policy decides before the body starts
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit.jsonl").build().toString())
                .body(out -> audit.export(q, caller, out));
    }
}
