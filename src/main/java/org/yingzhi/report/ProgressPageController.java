package org.yingzhi.report;

import java.io.IOException;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/** The progress dashboard, the targets editor and the printable 通报. */
@Controller
class ProgressPageController {

    private final ProgressService progress;
    private final TargetService targets;
    private final ReportService reports;
    private final OutlineService outline;
    private final AccessPolicy policy;

    ProgressPageController(ProgressService progress, TargetService targets, ReportService reports, OutlineService outline,
            AccessPolicy policy) {
        this.progress = progress;
        this.targets = targets;
        this.reports = reports;
        this.outline = outline;
        this.policy = policy;
    }

    private boolean admin(User user) {
        return policy.allows(user, Action.ADMINISTER, Resource.catalog());
    }

    @GetMapping("/progress")
    String dashboard(User user, Model model) {
        Progress p = progress.today();
        model.addAttribute("p", p);
        model.addAttribute("issued", reports.issued());
        model.addAttribute("admin", admin(user));
        model.addAttribute("user", user);
        int most = 1;
        for (Progress.UnitRow u : p.units()) {
            most = Math.max(most, u.uploads());
        }
        model.addAttribute("most", most);
        return "progress/dashboard";
    }

    @GetMapping("/progress/targets")
    String targets(User user, Model model) {
        model.addAttribute("plan", targets.plan());
        model.addAttribute("units", progress.today().units());
        model.addAttribute("nodes", outline.inReadingOrder());
        model.addAttribute("admin", admin(user));
        model.addAttribute("user", user);
        return "progress/targets";
    }

    @PostMapping("/progress/targets/import")
    String importTargets(@RequestParam("file") MultipartFile file, User user, RedirectAttributes flash) throws IOException {
        try {
            flash.addFlashAttribute("imported", targets.importXlsx(file.getInputStream(), user));
        } catch (ApiException e) {
            flash.addFlashAttribute("importError", e.code() == null ? e.getMessage() : "problem." + e.code());
        }
        return "redirect:/progress/targets";
    }

    @PostMapping("/progress/reports")
    String issue(User user) {
        Report r = reports.issue(LocalDate.now(org.yingzhi.shared.time.CatalogTime.ZONE), user);
        return "redirect:/progress/report?id=" + r.id();
    }

    @GetMapping("/progress/report")
    String report(@RequestParam(required = false) String id, User user, Model model) {
        Report r = id == null || id.isBlank() || id.equals("current")
                ? reports.preview(LocalDate.now(org.yingzhi.shared.time.CatalogTime.ZONE), user) : reports.saved(id);
        model.addAttribute("r", r);
        model.addAttribute("id", id == null || id.isBlank() ? "current" : id);
        model.addAttribute("summary", ReportService.summary(r));
        model.addAttribute("rule", r.progress().rule());
        model.addAttribute("user", user);
        return "progress/report";
    }
}
