package org.yingzhi.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditLog;

/** The audit page for administrators: records by asset, user, unit and day, the chain's verification, the export. */
@Controller
class AuditPageController {

    private final AuditService audit;

    AuditPageController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String target, @RequestParam(required = false) String who,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String day,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "false") boolean verify,
            User user, Model model) {
        AuditLog.Query q = audit.query(target, who, unit, day, before, 100);
        var records = audit.find(q, user);
        model.addAttribute("records", records);
        model.addAttribute("q", q);
        model.addAttribute("head", audit.head());
        if (verify) {
            model.addAttribute("verification", audit.verify(user));
        }
        model.addAttribute("older", records.size() == 100 ? records.get(records.size() - 1).seq() : null);
        model.addAttribute("user", user);
        return "audit/audit";
    }
}
