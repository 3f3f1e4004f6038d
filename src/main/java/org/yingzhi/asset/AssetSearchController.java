package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.search.SearchResult;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

@RestController
@RequestMapping("/api/search")
@Tag(name = "Search", description = "Chinese full-text search with filters, facets, highlights and deep paging")
class AssetSearchController {

    private final AssetQueryService queries;
    private final AssetJsonWriter json;

    AssetSearchController(AssetQueryService queries, AssetJsonWriter json) {
        this.queries = queries;
        this.json = json;
    }

    /** One page of search results. */
    @Schema(name = "SearchPage")
    record SearchPage(List<AssetJson> items, long total,
            @Schema(description = "Counts of all matches per type, unit, year, status, review, format, and the ids of the "
                    + "chapters, people, projects and places they are linked to")
            Map<String, Map<String, Long>> facets,
            @Schema(description = "Snippets with the matched words in <b>, by asset id") Map<String, String> highlights,
            @Schema(description = "Pass as cursor to get the next page, however deep; absent on the last page")
            String nextCursor, int size) {
    }

    @Operation(summary = "Search the catalog",
            description = "q: words or Chinese text (all must match; \"quoted\" for an exact phrase); filters type, unit, "
                    + "status, review (PENDING, APPROVED, REJECTED, CHANGES_REQUESTED), keyword, from/to (capture date); sort as in /api/assets (default: relevance with q, "
                    + "newest first without); page+size for the first pages, cursor for any depth; chapter (with "
                    + "subtree=true, the default: anything linked under it), person, project, place: what is linked "
                    + "to them. 503 while the index is being built.")
    @GetMapping
    SearchPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String status,
            @RequestParam(required = false) String keyword, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "true") boolean facets,
            @RequestParam(defaultValue = "true") boolean highlight,
            @RequestParam(defaultValue = "false") boolean includeDeleted,
            @RequestParam(required = false) String chapter, @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) String person, @RequestParam(required = false) String project,
            @RequestParam(required = false) String place, @RequestParam(required = false) String review, User user) {
        if (size < 1 || size > 200 || page < 0 || (long) page * size > AssetQueryService.MAX_OFFSET) {
            throw ApiException.badRequest("size must be 1-200 and page*size at most " + AssetQueryService.MAX_OFFSET
                    + "; page deeper with the cursor of the previous page");
        }
        AssetQuery query = new AssetQuery(type, unit, from, to, keyword, q, status, page, size, sort, includeDeleted,
                review);
        SearchResult r = queries.search(query, page * size, size, cursor, facets, highlight,
                new org.yingzhi.search.SearchQuery.Gazetteer(chapter, subtree, person, project, place), user);
        return new SearchPage(json.write(queries.byIds(r.ids())), r.total(), r.facets(),
                r.highlights(), r.nextCursor(), size);
    }
}
