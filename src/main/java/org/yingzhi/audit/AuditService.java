package org.yingzhi.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.AuditRecord;
import org.yingzhi.shared.web.ApiException;

/**
 * The audit log for administrators: records per asset (or any target), per user, per unit and per day, newest
 * first; the chain's verification; an export that can be verified elsewhere (the stored records as JSON lines,
 * with their hashes). Reading and exporting go through the access policy.
 */
@Service
public class AuditService {

    public static final int MAX_PAGE = 500;

    private final AuditLog log;
    private final AccessPolicy policy;

    AuditService(AuditLog log, AccessPolicy policy) {
        this.log = log;
        this.policy = policy;
    }

    /** The filters a page or a client gives, checked: a day as yyyy-MM-dd, a limit of 1 to 500. */
    public AuditLog.Query query(String target, String user, String unit, String day, Long before, Integer limit) {
        LocalDate d = null;
        if (day != null && !day.isBlank()) {
            try {
                d = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("audit.day", day).with("field", "day");
            }
        }
        int l = limit == null ? 100 : limit;
        if (l < 1 || l > MAX_PAGE) {
            throw ApiException.invalid("audit.limit", MAX_PAGE).with("field", "limit");
        }
        return new AuditLog.Query(target, user, unit, d, before == null ? 0 : before, l);
    }

    public List<AuditRecord> find(AuditLog.Query q, User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        return log.find(q);
    }

    public AuditLog.Verification verify(User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        return log.verify();
    }

    /** Whether record {@code seq} still has the hash a backup or report stated. */
    public boolean holds(long seq, String hash, User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        return log.holds(seq, hash);
    }

    public AuditLog.Head head() {
        return log.head();
    }

    /** The matching records as stored, one JSON object per line (hash and prev included), oldest first. */
    public void export(AuditLog.Query q, User user, OutputStream out) throws IOException {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        IOException[] failed = {null};
        log.forEachStored(q, d -> {
            if (failed[0] != null) {
                return;
            }
            try {
                out.write(d.toJson(org.bson.json.JsonWriterSettings.builder()
                        .outputMode(org.bson.json.JsonMode.RELAXED).build()).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        log.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.EXPORT, "audit", null)
                .with("target", q.target()).with("user", q.user()).with("unit", q.unit())
                .with("day", q.day() == null ? null : q.day().toString()));
    }
}
