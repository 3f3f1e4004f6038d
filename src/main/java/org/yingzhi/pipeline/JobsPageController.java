package org.yingzhi.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetEditService;
import org.yingzhi.asset.AssetQueryService;
import org.yingzhi.asset.Step;
import org.yingzhi.job.JobBoard;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The processing queue for the office (and for contributors, their unit's jobs): counts by status and type, the
 * latest jobs with the reason each failed, and a button to run a failed step again.
 */
@Controller
class JobsPageController {

    private final org.yingzhi.shared.web.ProblemMessages problems;

    static final int PAGE = 50;

    private final JobBoard board;
    private final AssetQueryService assets;
    private final AssetEditService edits;
    private final org.yingzhi.security.UnitNames units;

    JobsPageController(JobBoard board, AssetQueryService assets, AssetEditService edits,
            org.yingzhi.shared.web.ProblemMessages problems,
            org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units) {
        this.units = units.getIfAvailable(() -> org.yingzhi.security.UnitNames.AS_GIVEN);
        this.problems = problems;
        this.board = board;
        this.assets = assets;
        this.edits = edits;
    }

    @GetMapping("/jobs")
    String jobs(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "0") int page, User user, Model model) {
        JobBoard.JobPage p = board.list(status, type, unit, Math.max(0, page), PAGE, user);
        model.addAttribute("unit", unit == null ? "" : unit.strip());
        model.addAttribute("units", units.listed());
        Map<String, String> titles = new HashMap<>();
        List<String> ids = p.items().stream().filter(j -> j.subject().kind().equals(Step.SUBJECT_KIND))
                .map(j -> j.subject().id()).distinct().toList();
        for (Asset a : assets.byIds(ids)) {
            titles.put(a.id(), a.title() != null ? a.title() : a.original().fileName());
        }
        model.addAttribute("board", p);
        model.addAttribute("statuses", org.yingzhi.job.JobStatus.values());
        model.addAttribute("failedStatus", org.yingzhi.job.JobStatus.FAILED);
        model.addAttribute("all", p.totals().values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("titles", titles);
        model.addAttribute("status", status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("type", type == null ? "" : type.strip());
        model.addAttribute("pages", (p.total() + PAGE - 1) / PAGE);
        model.addAttribute("user", user);
        return "pipeline/jobs";
    }

    @PostMapping("/jobs/reprocess")
    String reprocess(@RequestParam String asset, @RequestParam String step, User user, RedirectAttributes flash) {
        try {
            edits.reprocess(asset, List.of(step), user);
            flash.addFlashAttribute("queued", step);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", problems.of(e));
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/jobs?status=FAILED";
    }

    /** Every failed job of one step (of one unit, when chosen) the user may see, queued again: at most 500 at once. */
    @PostMapping("/jobs/reprocess-failed")
    String reprocessFailed(@RequestParam String type, @RequestParam(required = false) String unit, User user,
            RedirectAttributes flash) {
        Step step;
        try {
            step = Step.ofKey(type);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", problems.of(e));
            return "redirect:/jobs?status=FAILED";
        }
        int queued = 0;
        int refused = 0;
        for (org.yingzhi.job.Subject s : board.failed(step.key(), unit, 500, user)) {
            if (!s.kind().equals(Step.SUBJECT_KIND)) {
                continue;
            }
            try {
                edits.reprocess(s.id(), List.of(step.key()), user);
                queued++;
            } catch (ApiException | IllegalArgumentException e) {
                refused++; // deleted meanwhile, or not this user's to redo: the rest still go
            }
        }
        flash.addFlashAttribute("queuedMany", String.valueOf(queued));
        flash.addFlashAttribute("queuedStep", step.key());
        if (refused > 0) {
            flash.addFlashAttribute("refusedMany", String.valueOf(refused));
        }
        return "redirect:/jobs?status=FAILED&type=" + step.key();
    }
}
