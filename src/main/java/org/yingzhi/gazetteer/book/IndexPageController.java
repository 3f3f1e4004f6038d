package org.yingzhi.gazetteer.book;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.link.LinkService;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The book's index: people, aid projects and places found by name (Chinese or pinyin) with counts by kind, and an
 * entry's page with its appearances.
 */
@Controller
class IndexPageController {

    private final EntryService entries;
    private final LinkService links;

    IndexPageController(EntryService entries, LinkService links) {
        this.entries = entries;
        this.links = links;
    }

    @GetMapping("/index")
    String index(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, User user,
            Model model) {
        EntryKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = EntryKind.fromPlural(kind);
            } catch (IllegalArgumentException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
            }
        }
        EntryService.Found found = entries.search(k, q, 0, 100);
        if (found.byKind() == null) {
            found = found.withByKind(entries.search(null, q, 0, 1).byKind());
        }
        model.addAttribute("found", found);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", k == null ? "" : k.plural());
        model.addAttribute("user", user);
        return "book/index";
    }

    @GetMapping("/index/{kind}/{id}")
    String entry(@PathVariable String kind, @PathVariable String id, User user, Model model) {
        LinkTarget target;
        try {
            target = LinkTarget.valueOf(EntryKind.fromPlural(kind).name());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(kind, id); // units have no appearances
        }
        model.addAttribute("page", links.entryMaterial(target, id, 0, LinkService.MAX_PAGE));
        model.addAttribute("user", user);
        return "book/entry";
    }
}
