package org.yingzhi.gazetteer.index;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

@RestController
@RequestMapping("/api/index")
@Tag(name = "Index", description = "The book's index: people (人物), aid projects (援建项目), places (地名), units")
class IndexController {

    private final EntryService entries;

    private final Units units;

    IndexController(EntryService entries, Units units) {
        this.units = units;
        this.entries = entries;
    }

    @Operation(summary = "Find entries", description = "kind = people, projects, places or units; q matches names in Chinese, "
            + "or pinyin initials/full pinyin from their start (zxm, zhang).")
    @GetMapping("/{kind}")
    EntryService.Found search(@PathVariable String kind, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit, User user) {
        return entries.search(EntryKind.fromPlural(kind), q, offset, limit);
    }

    @Operation(summary = "Add an entry", description = "Editors, reviewers and administrators.")
    @PostMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Entry> create(@PathVariable String kind, @Valid @RequestBody Entry.Input body, User user) {
        Entry e = entries.create(EntryKind.fromPlural(kind), body, user);
        return ResponseEntity.status(HttpStatus.CREATED).body(e);
    }

    @Operation(summary = "Find people, projects, places and units at once", description = "The same matching as a "
            + "search of one kind (names in Chinese, pinyin initials or full pinyin, words of biographies and notes), "
            + "best matches first, with how many of each kind matched (byKind).")
    @GetMapping("/search")
    EntryService.Found searchAll(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit, User user) {
        return entries.search(null, q, offset, limit);
    }

    @Operation(summary = "Known places nearest a position", description = "For a photo's or clip's GPS position.")
    @GetMapping("/places/nearest")
    List<EntryService.NearPlace> nearest(@RequestParam double lat, @RequestParam double lon,
            @RequestParam(defaultValue = "5") int limit, User user) {
        return entries.nearestPlaces(lat, lon, limit);
    }

    @Operation(summary = "Unit strings in use", description = "Every contributor and responsible unit string of the "
            + "catalog (assets, outline nodes, people, projects) with how often it is used: those the unit list knows "
            + "(with the unit they name) and those it does not.")
    @GetMapping("/units/report")
    Units.Report unitReport(User user) {
        return units.report();
    }

    @Operation(summary = "Map unit strings to the unit list now", description = "Rewrites every string that is another "
            + "name of a listed unit to the unit's name (done at start-up and after every change of the list anyway); "
            + "answers the report. Editors, reviewers and administrators.")
    @PostMapping("/units/remap")
    Units.Report remapUnits(User user) {
        return units.remap(user);
    }

    @GetMapping("/{kind}/{id}")
    Entry get(@PathVariable String kind, @PathVariable String id, User user) {
        return entries.get(EntryKind.fromPlural(kind), id);
    }

    @Operation(summary = "Change an entry", description = "Fields given are changed; an empty string removes one.")
    @PatchMapping(path = "/{kind}/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Entry update(@PathVariable String kind, @PathVariable String id, @Valid @RequestBody Entry.Input body, User user) {
        return entries.update(EntryKind.fromPlural(kind), id, body, user);
    }

    @Schema(description = "The entry to merge into this one")
    record MergeInput(@Schema(description = "the other entry's id") String other) {
    }

    @Operation(summary = "Merge another entry into this one", description = "Body: {other}. Every link moves; the other id keeps resolving.")
    @PostMapping(path = "/{kind}/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    EntryService.Merged merge(@PathVariable String kind, @PathVariable String id, @Valid @RequestBody MergeInput m, User user) {
        if (m.other() == null) {
            throw ApiException.badRequest("other must be the id of the entry to merge into this one");
        }
        return entries.merge(EntryKind.fromPlural(kind), id, m.other(), user);
    }
}
