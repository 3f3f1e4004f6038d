package org.yingzhi.asset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.beans.factory.ObjectProvider;
import org.yingzhi.web.MapProperties;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * One asset: the proxy player with the source timecode, the metadata, the asset's links, and the description
 * form for those the policy lets edit it (the server checks again on saving: a form sent by someone else is
 * refused whatever the page showed).
 */
@Controller
class AssetPageController {

    private final org.yingzhi.shared.web.ProblemMessages problems;

    private final AssetQueryService queries;
    private final AssetEditService edits;
    private final AssetLinkViews links;
    private final AssetFigureViews figures;
    private final org.yingzhi.security.UnitNames units;
    private final AccessPolicy policy;
    private final MapProperties map;

    AssetPageController(AssetQueryService queries, AssetEditService edits, ObjectProvider<AssetLinkViews> links,
            ObjectProvider<AssetFigureViews> figures, ObjectProvider<org.yingzhi.security.UnitNames> units,
            AccessPolicy policy, MapProperties map, org.yingzhi.shared.web.ProblemMessages problems) {
        this.figures = figures.getIfAvailable(() -> AssetFigureViews.NONE);
        this.units = units.getIfAvailable(() -> org.yingzhi.security.UnitNames.AS_GIVEN);
        this.problems = problems;
        this.map = map;
        this.queries = queries;
        this.edits = edits;
        this.links = links.getIfAvailable(() -> AssetLinkViews.NONE);
        this.policy = policy;
    }

    @GetMapping("/assets/{id}")
    String asset(@PathVariable String id, User user, Model model) {
        Asset a = queries.get(id, user);
        Resource r = new Resource(ResourceKind.ASSET, a.contributorUnit(), a.deleted());
        model.addAttribute("asset", AssetResponse.of(a));
        model.addAttribute("canEdit", policy.allows(user, Action.EDIT, r));
        model.addAttribute("canLink", policy.allows(user, Action.LINK, r));
        model.addAttribute("canFigure", a.type() == AssetType.PHOTO
                && policy.allows(user, Action.EDIT_GAZETTEER, Resource.of(ResourceKind.OUTLINE, null)));
        model.addAttribute("canReprocess", policy.allows(user, Action.REPROCESS, r));
        model.addAttribute("canDownload", policy.allows(user, Action.DOWNLOAD, r));
        model.addAttribute("links", links.of(a.id()));
        model.addAttribute("figures", a.type() == AssetType.PHOTO && !a.deleted() ? figures.of(a.id()) : List.of());
        model.addAttribute("units", units.listed());
        // the steps in pipeline order, and those done (what the page may ask for: sprite, waveform)
        Map<String, StepState> steps = new LinkedHashMap<>();
        for (Step s : Step.values()) {
            StepState st = a.processing().steps().get(s.key());
            if (st != null) {
                steps.put(s.key(), st);
            }
        }
        model.addAttribute("steps", steps);
        model.addAttribute("done", steps.entrySet().stream().filter(e -> e.getValue().status() == StepStatus.DONE)
                .map(Map.Entry::getKey).collect(Collectors.toSet()));
        model.addAttribute("map", map);
        model.addAttribute("user", user);
        return "asset/asset";
    }

    @PostMapping("/assets/{id}")
    String save(@PathVariable String id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String description, @RequestParam(required = false) String place,
            @RequestParam(required = false) String captureDate, @RequestParam(required = false) String keywords,
            @RequestParam(required = false) String rights, @RequestParam(required = false) String source,
            @RequestParam(required = false) String contributorUnit, User user, RedirectAttributes flash) {
        AssetPatch patch = new AssetPatch();
        if (keywords != null) { // 、 or , or spaces between words, as on the upload page
            patch.setKeywords(Arrays.stream(keywords.split("[、，,;；\\s]+")).filter(k -> !k.isBlank()).distinct().toList());
        }
        patch.setTitle(blank(title));
        patch.setDescription(blank(description));
        patch.setPlace(blank(place));
        patch.setCaptureDate(blank(captureDate));
        if (rights != null) {
            patch.setRights(blank(rights));
        }
        if (source != null) {
            patch.setSource(blank(source));
        }
        if (contributorUnit != null && blank(contributorUnit) != null) {
            patch.setContributorUnit(blank(contributorUnit)); // a unit is changed, never removed
        }
        try {
            edits.patch(id, patch.given(), user);
            flash.addFlashAttribute("saved", true);
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/assets/" + id;
    }

    @PostMapping("/assets/{id}/reprocess")
    String reprocess(@PathVariable String id, @RequestParam(required = false) String step, User user,
            RedirectAttributes flash) {
        try {
            List<String> queued = edits.reprocess(id, step == null || step.isBlank() ? List.of() : List.of(step), user)
                    .stream().map(Step::key).toList();
            flash.addFlashAttribute("queued", String.join("、", queued));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", problems.of(e));
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/assets/" + id;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
