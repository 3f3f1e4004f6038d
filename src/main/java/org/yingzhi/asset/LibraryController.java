package org.yingzhi.asset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.beans.factory.ObjectProvider;
import org.yingzhi.search.SearchQuery;
import org.yingzhi.search.SearchResult;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The library: a grid of posters and previews with Chinese search, facet counts to narrow by (type, year, unit,
 * processing status) and pages. Served from the search index; while it is being built, from the
 * catalog without facets.
 */
@Controller
class LibraryController {

    static final int PAGE = 48;
    /** The facets the page offers, in order. */
    static final List<String> FACETS = List.of("type", "review", "year", "unit", "status", "chapter", "person",
            "project", "place");
    /** Facets whose values are ids of outline nodes or index entries, shown by name. */
    static final List<String> NAMED = List.of("chapter", "person", "project", "place");
    /** Sort orders offered (the API's sort values). */
    static final List<String> SORTS = List.of("", "-createdAt", "-captureStart", "captureStart", "title");

    private final AssetQueryService queries;
    private final AssetLinkViews names;
    private final AccessPolicy policy;

    LibraryController(AssetQueryService queries, ObjectProvider<AssetLinkViews> names, AccessPolicy policy) {
        this.queries = queries;
        this.names = names.getIfAvailable(() -> AssetLinkViews.NONE);
        this.policy = policy;
    }

    @GetMapping("/")
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String year,
            @RequestParam(required = false) String status, @RequestParam(required = false) String review,
            @RequestParam(required = false) String chapter, @RequestParam(required = false) String person,
            @RequestParam(required = false) String project, @RequestParam(required = false) String place,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, User user, Model model) {
        if (year != null && !year.matches("\\d{4}")) {
            year = null;
        }
        if (sort != null && !SORTS.contains(sort)) {
            sort = null;
        }
        page = Math.max(0, Math.min(page, 10_000 / PAGE));
        AssetQuery aq;
        try {
            aq = new AssetQuery(blank(type), blank(unit), year, year, null, blank(q), blank(status), page, PAGE,
                    blank(sort), false, blank(review));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
        }
        SearchQuery.Gazetteer gazetteer = new SearchQuery.Gazetteer(blank(chapter), true, blank(person), blank(project),
                blank(place));
        List<Asset> items;
        long total;
        Map<String, Map<String, Long>> facets = Map.of();
        try {
            SearchResult r = queries.search(aq, page * PAGE, PAGE, null, true, false, gazetteer, user);
            items = queries.byIds(r.ids());
            total = r.total();
            facets = r.facets();
        } catch (ApiException e) {
            if (e.status() != HttpStatus.SERVICE_UNAVAILABLE) {
                throw e;
            }
            // the index is being rebuilt, newest first: what it holds so far answers, and the page says how much
            // that is; before it holds anything (or without a rebuild) the catalog answers, and no notice is shown
            java.util.Optional<AssetQueryService.Indexed> part = queries.searchIndexed(aq, page * PAGE, PAGE, true,
                    gazetteer, user).filter(p -> p.indexed() > 0);
            if (part.isPresent()) {
                items = queries.byIds(part.get().result().ids());
                total = part.get().result().total();
                facets = part.get().result().facets();
                model.addAttribute("rebuild", part.get());
            } else {
                AssetQueryService.Page p = queries.list(aq, user);
                items = p.items();
                total = p.total();
            }
        }
        Map<String, Map<String, Long>> shown = new LinkedHashMap<>();
        for (String f : FACETS) {
            if (facets.containsKey(f) && !facets.get(f).isEmpty()) {
                shown.put(f, facets.get(f));
            }
        }
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "q", q);
        put(filters, "type", type);
        put(filters, "review", review);
        put(filters, "year", year);
        put(filters, "unit", unit);
        put(filters, "status", status);
        put(filters, "chapter", chapter);
        put(filters, "person", person);
        put(filters, "project", project);
        put(filters, "place", place);
        put(filters, "sort", sort);
        // chapters, people, projects and places are counted by id and shown by name
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String f : NAMED) {
            ids.addAll(shown.getOrDefault(f, Map.of()).keySet());
            if (filters.containsKey(f)) {
                ids.add(filters.get(f));
            }
        }
        model.addAttribute("names", ids.isEmpty() ? Map.of() : names.names(ids));
        model.addAttribute("sorts", SORTS);
        model.addAttribute("canBatch", policy.allows(user, Action.LINK, Resource.of(ResourceKind.ASSET, user.unit())));
        model.addAttribute("canBatchEdit", policy.allows(user, Action.EDIT, Resource.of(ResourceKind.ASSET, user.unit())));
        model.addAttribute("canCollect", policy.allows(user, Action.COLLECT, Resource.catalog()));
        model.addAttribute("items", items.stream().map(AssetResponse::of).toList());
        model.addAttribute("total", total);
        model.addAttribute("facets", shown);
        model.addAttribute("filters", filters);
        model.addAttribute("links", new Links(filters));
        model.addAttribute("page", page);
        model.addAttribute("pages", (total + PAGE - 1) / PAGE);
        model.addAttribute("user", user);
        return "asset/library";
    }

    /** Links to this page with one filter set, removed, or another page; the rest of the filters kept. */
    public record Links(Map<String, String> filters) {

        public String with(String key, String value) {
            Map<String, String> m = new LinkedHashMap<>(filters);
            m.put(key, value);
            return url(m, 0);
        }

        public String without(String key) {
            Map<String, String> m = new LinkedHashMap<>(filters);
            m.remove(key);
            return url(m, 0);
        }

        public String page(int page) {
            return url(filters, page);
        }

        private static String url(Map<String, String> m, int page) {
            StringBuilder s = new StringBuilder("/");
            String sep = "?";
            for (Map.Entry<String, String> e : m.entrySet()) {
                s.append(sep).append(e.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                sep = "&";
            }
            if (page > 0) {
                s.append(sep).append("page=").append(page);
            }
            return s.toString();
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v.strip());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
