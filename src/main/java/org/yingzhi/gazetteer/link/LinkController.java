package org.yingzhi.gazetteer.link;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

@RestController
@Tag(name = "Links", description = "Whole assets, clip ranges and photos linked to chapters, people, projects and places")
class LinkController {

    private final LinkService links;
    private final LinkTargets targets;

    LinkController(LinkService links, LinkTargets targets) {
        this.links = links;
        this.targets = targets;
    }

    @Operation(summary = "Find what to link to", description = "Outline nodes by title (or pinyin initials) and people, "
            + "projects and places of the index by name, in one list: kind (chapter|person|project|place), id, name, "
            + "detail (a node's path, an entry's roles or unit). What the asset page's link picker shows.")
    @GetMapping("/api/links/targets")
    List<LinkTargets.Target> targets(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "12") int limit, User user) {
        return targets.find(q, limit);
    }

    @Operation(summary = "Link material", description = "Body: {asset, target (chapter|person|project|place), targetId, "
            + "in?, out? (source timecode of the clip, out exclusive), rate? (e.g. 30000/1001), scene?, note?}. A range must "
            + "lie inside the clip at its rate with out after in; photos link whole.")
    @PostMapping(path = "/api/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Link> create(@Valid @RequestBody LinkService.LinkInput body, User user) {
        Link l = links.create(body, user);
        return ResponseEntity.status(HttpStatus.CREATED).body(l);
    }

    /** A decision on one check of a link's claim. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A decision on one check of a link: APPROVED, RETURNED, REJECTED or PENDING, with a reason for returns and rejections")
    record ClaimDecision(@jakarta.validation.constraints.NotNull String decision,
            @jakarta.validation.constraints.Size(max = 2000) String reason) {
    }

    @Operation(summary = "Decide a check of a link", description = "The link as a claim (this range shows this person at "
            + "this chapter) passes the political check and the fact check; check = political or facts. Material counts as "
            + "approved in coverage and exports only when its asset and its link both passed.")
    @PostMapping(path = "/api/links/{id}/review/{check}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Link decide(@PathVariable String id, @PathVariable String check, @Valid @RequestBody ClaimDecision body, User user) {
        return links.decide(id, check, body.decision(), body.reason(), user);
    }

    @Operation(summary = "Links waiting for a check", description = "Claims in a state (default PENDING) for a check, "
            + "oldest first, that the caller may decide; with the asset's title, the target's name, poster and player.")
    @GetMapping("/api/links/review")
    List<LinkService.ClaimItem> claims(@RequestParam(defaultValue = "facts") String check,
            @RequestParam(defaultValue = "PENDING") String state, @RequestParam(defaultValue = "50") int limit, User user) {
        try {
            return links.claims(check, state, limit, user);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(e);
        }
    }

    @DeleteMapping("/api/links/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, User user) {
        links.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "An asset's links", description = "With the names of the chapters and entries they point to.")
    @GetMapping("/api/assets/{id}/links")
    List<LinkService.Named> assetLinks(@PathVariable String id, User user) {
        return links.assetLinks(id, user);
    }

    @Operation(summary = "A chapter's material", description = "Links to the node (subtree=true: and to every node under it), "
            + "with each asset's title, poster and player position (one page: offset, limit up to 200), and the totals of all "
            + "of it (links, clips, photos, linked duration).")
    @GetMapping("/api/outline/{id}/material")
    LinkService.ChapterMaterial material(@PathVariable String id, @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit, User user) {
        return links.chapterMaterial(id, subtree, offset, limit);
    }

    @Operation(summary = "An entry's appearances", description = "Every link to a person, project or place, with totals.")
    @GetMapping("/api/index/{kind}/{id}/material")
    LinkService.EntryMaterial entryMaterial(@PathVariable String kind, @PathVariable String id,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit, User user) {
        EntryKind k = EntryKind.fromPlural(kind);
        if (k == EntryKind.UNIT) {
            throw ApiException.badRequest("units are not linked to material; list the assets of a unit instead");
        }
        return links.entryMaterial(LinkTarget.of(k), id, offset, limit);
    }
}
