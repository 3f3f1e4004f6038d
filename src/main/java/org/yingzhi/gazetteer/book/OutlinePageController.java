package org.yingzhi.gazetteer.book;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yingzhi.gazetteer.figure.FigureService;
import org.yingzhi.gazetteer.link.LinkService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;

/**
 * The book's outline with what each node and its subtree has linked (clips, duration, photos: a bar per node, so
 * chapters without material stand out), and a chapter's page with its linked moments and photos.
 */
@Controller
class OutlinePageController {

    private final CoverageService coverage;
    private final LinkService links;
    private final FigureService figures;
    private final AccessPolicy policy;

    private final org.yingzhi.security.UnitNames units;

    OutlinePageController(CoverageService coverage, LinkService links, FigureService figures, AccessPolicy policy,
            org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units) {
        this.units = units.getIfAvailable(() -> org.yingzhi.security.UnitNames.AS_GIVEN);
        this.coverage = coverage;
        this.links = links;
        this.figures = figures;
        this.policy = policy;
    }

    @GetMapping("/outline")
    String outline(User user, Model model) {
        List<CoverageService.Row> rows = coverage.coverage().rows();
        long most = rows.stream().mapToLong(r -> r.clips() + r.photos()).max().orElse(0);
        model.addAttribute("rows", rows);
        model.addAttribute("most", Math.max(1, most));
        model.addAttribute("user", user);
        return "book/outline";
    }

    @GetMapping("/outline/{id}")
    String chapter(@PathVariable String id, User user, Model model) {
        model.addAttribute("page", links.chapterMaterial(id, true, 0, LinkService.MAX_PAGE));
        model.addAttribute("chapterId", id);
        // the node's own figures can be reordered and captioned here; its sections' are listed with their numbers
        List<FigureService.Numbered> all = figures.numbered(id);
        model.addAttribute("ownFigures", all.stream().filter(f -> f.figure().chapter().equals(id)).toList());
        model.addAttribute("subFigures", all.stream().filter(f -> !f.figure().chapter().equals(id)).toList());
        // a chapter's photos are those linked to it and its figures, each photo once
        java.util.Set<String> photos = new java.util.HashSet<>(links.photosLinkedTo(id, true));
        all.forEach(f -> photos.add(f.figure().asset()));
        model.addAttribute("photoCount", String.valueOf(photos.size()));
        // a library search for the node: its title without its numbering (第一节 拉萨市人民医院 -> 拉萨市人民医院)
        String title = ((org.yingzhi.gazetteer.link.LinkService.ChapterMaterial) model.getAttribute("page")).chapter().title();
        model.addAttribute("findQuery", title.replaceFirst("^(第[一二三四五六七八九十百零〇0-9]+[篇章节]|附录|[0-9.]+)[\\s\u3000、.]*", "").strip());
        model.addAttribute("units", units.listed());
        model.addAttribute("figureCount", String.valueOf(all.size()));
        model.addAttribute("canEditFigures", policy.allows(user, Action.EDIT_GAZETTEER, Resource.of(ResourceKind.OUTLINE, null)));
        model.addAttribute("user", user);
        return "book/chapter";
    }
}
