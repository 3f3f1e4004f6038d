package org.yingzhi.asset;

import static com.mongodb.client.model.Filters.all;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.search.SearchKeys;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.search.SearchQuery;
import org.yingzhi.search.SearchResult;
import org.yingzhi.search.SearchService;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.Derivative;
import org.yingzhi.storage.MediaStore;

/** Finds assets: one by id, lists with filters and Chinese search, and the files behind them. */
@Service
public class AssetQueryService {

    private static final Set<String> SORTABLE = Set.of("createdAt", "captureStart", "title", "media.durationSeconds",
            "original.size", "updatedAt");

    /**
     * How deep offset paging goes: the embedded catalog sorts by keeping the best skip + limit documents of a scan,
     * so deeper pages would hold that many documents in memory.
     */
    static final int MAX_OFFSET = 10_000;

    private final AssetRepository repo;
    private final MediaStore store;
    private final AccessPolicy policy;
    private final SearchService search;

    private final AssetCache cache;

    public AssetQueryService(AssetRepository repo, MediaStore store, AccessPolicy policy, SearchService search,
            AssetCache cache) {
        this.cache = cache;
        this.repo = repo;
        this.store = store;
        this.policy = policy;
        this.search = search;
    }

    /** One asset the user may see; a deleted one is "not found" to everyone but administrators. */
    public Asset get(String id, User user) {
        Asset a = repo.findById(AssetDocuments.objectId(id)).orElseThrow(() -> ApiException.notFound("asset", id));
        if (!policy.allows(user, Action.VIEW, AssetDocuments.resource(a))) {
            throw ApiException.notFound("asset", id);
        }
        return a;
    }

    public record Page(List<Asset> items, long total, int page, int size) {
    }

    /** At most this many assets per state request (a page of cards, a batch of uploads). */
    public static final int MAX_STATES = 200;

    /**
     * The current processing state of the given assets, read from the catalog (not the index, so a page polling for
     * progress sees each step as it ends); unknown ids and those the user may not see are left out.
     */
    public List<AssetState> states(List<String> ids, User user) {
        if (ids.size() > MAX_STATES) {
            throw ApiException.coded(org.springframework.http.HttpStatus.BAD_REQUEST, "Too many ids", "assets.tooManyIds",
                    String.valueOf(MAX_STATES));
        }
        List<String> valid = ids.stream().filter(org.bson.types.ObjectId::isValid).distinct().toList();
        List<AssetState> out = new ArrayList<>();
        for (Asset a : repo.findByIds(valid)) {
            if (policy.allows(user, Action.VIEW, AssetDocuments.resource(a))) {
                out.add(AssetState.of(a));
            }
        }
        return out;
    }

    /**
     * A page of assets: from the search index once it holds the whole catalog (it filters, sorts and counts
     * without reading the catalog), else straight from the catalog.
     */
    public Page list(AssetQuery q, User user) {
        int size = q.size() == null ? 50 : q.size();
        int page = q.page() == null ? 0 : q.page();
        if (size < 1 || size > 500) {
            throw ApiException.badRequest("size must be between 1 and 500");
        }
        if (page < 0 || (long) page * size > MAX_OFFSET) {
            throw ApiException.badRequest("page must be between 0 and " + (MAX_OFFSET / size) + " at size " + size
                    + "; narrow the list with filters or search words to reach older items");
        }
        if (search.ready()) {
            try {
                SearchResult r = search.search(searchQuery(q, page * size, size, null, false, false,
                        SearchQuery.Gazetteer.ANY, user));
                return new Page(cached(r.ids()), r.total(), page, size);
            } catch (IllegalStateException e) {
                // the index went away between the check and the search (a full disk closed it): the catalog answers
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (newestListing(q)) {
            // while the index is rebuilt, newest first: the newest pages are in it long before it ends, while walking
            // the whole catalog for them would take minutes at a million assets. Until it holds a page, the page
            // shows what it holds (its total is the catalog's, so the pages say how much more there is).
            java.util.Optional<Indexed> part = searchIndexed(q, page * size, size, false, SearchQuery.Gazetteer.ANY, user);
            if (part.isPresent()) { // else no rebuild runs, it restarted or the index closed: the catalog answers
                SearchResult r = part.get().result();
                return new Page(cached(r.ids()), Math.max(r.total(), part.get().catalog()), page, size);
            }
        }
        return listFromCatalog(q, page, size, user);
    }

    /** A plain list of the newest items (no filters, no words, the default order): what a partial index can answer. */
    private static boolean newestListing(AssetQuery q) {
        return blank(q.type()) && blank(q.unit()) && blank(q.from()) && blank(q.to()) && blank(q.keyword())
                && blank(q.q()) && blank(q.status()) && blank(q.review())
                && (blank(q.sort()) || "-createdAt".equals(q.sort().strip()));
    }

    /** Assets by id in the order given (ids a search returned: it already applied what the user may see). */
    /** The asset holding a file of this fingerprint, deleted or not. */
    public java.util.Optional<Asset> findBySha256(String sha256) {
        return repo.findBySha256(sha256);
    }

    /** How many assets name each contributing unit string, as stored. */
    public Map<String, Long> countByUnit() {
        return repo.countByUnit();
    }

    /**
     * Assets not deleted that an editing suite's list may name: by original file name, title or tape name (what the
     * caller may see is the caller's to check).
     */
    public List<Asset> findByNames(java.util.Collection<String> names, int limit) {
        return repo.findByNames(names, limit);
    }

    public List<Asset> byIds(List<String> ids) {
        return cached(ids);
    }

    /** The assets of ids the index chose: from the cache that follows the index, the rest in one catalog read. */
    private List<Asset> cached(List<String> ids) {
        java.util.Map<String, Asset> found = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Asset a = cache.get(id);
            if (a != null) {
                found.put(id, a);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (Asset a : repo.findByIds(missing)) {
                cache.putIfAbsent(a);
                found.put(a.id(), a);
            }
        }
        List<Asset> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Asset a = found.get(id);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The same filters as {@link #list}, answered by the search index (503 while it is being built), and what is
     * linked to a chapter (or its subtree), a person, a project, a place.
     */
    public SearchResult search(AssetQuery q, int offset, int size, String cursor, boolean facets, boolean highlight,
            SearchQuery.Gazetteer gazetteer, User user) {
        SearchQuery sq = searchQuery(q, offset, size, cursor, facets, highlight, gazetteer, user);
        try {
            return search.search(sq);
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Search index not ready",
                    e.getMessage() + "; try again shortly (lists keep working meanwhile)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * While the search index is rebuilt (newest first), a search of what it holds so far, with how many of the
     * catalog's items that is: the library answers any filter or words from it at once, saying that older items are
     * still being indexed, instead of scanning the whole catalog (minutes at a million assets). Empty when no
     * rebuild runs.
     */
    public java.util.Optional<Indexed> searchIndexed(AssetQuery q, int offset, int size, boolean facets,
            SearchQuery.Gazetteer gazetteer, User user) {
        if (!search.rebuilding()) {
            return java.util.Optional.empty();
        }
        try {
            long indexed = search.status().newestSearchable();
            SearchResult r = search.searchNewest(searchQuery(q, offset, size, null, facets, false, gazetteer, user));
            return java.util.Optional.of(new Indexed(r, Math.max(0, indexed), Math.max(indexed, repo.estimatedCount())));
        } catch (IllegalStateException | java.io.IOException e) {
            return java.util.Optional.empty(); // the rebuild restarted or the index closed
        }
    }

    /** A search over the {@code indexed} newest of the catalog's {@code catalog} items (during a rebuild). */
    public record Indexed(SearchResult result, long indexed, long catalog) {
    }

    private SearchQuery searchQuery(AssetQuery q, int offset, int size, String cursor, boolean facets,
            boolean highlight, SearchQuery.Gazetteer gazetteer, User user) {
        boolean deleted = q.includeDeleted() && policy.allows(user, Action.VIEW_DELETED, Resource.catalog());
        Long from = q.from() == null || q.from().isBlank() ? null : dateParam("from", q.from())[0].toInstant().toEpochMilli();
        Long to = q.to() == null || q.to().isBlank() ? null : dateParam("to", q.to())[1].toInstant().toEpochMilli();
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        boolean desc = true;
        if (q.sort() != null && !q.sort().isBlank()) {
            String[] sd = sortParam(q.sort());
            desc = sd[1] != null;
            sort = switch (sd[0]) {
                case "createdAt" -> SearchQuery.Sort.CREATED;
                case "captureStart" -> SearchQuery.Sort.CAPTURED;
                case "title" -> SearchQuery.Sort.TITLE;
                case "media.durationSeconds" -> SearchQuery.Sort.DURATION;
                case "original.size" -> SearchQuery.Sort.SIZE;
                default -> SearchQuery.Sort.UPDATED;
            };
        }
        return new SearchQuery(q.q(), blank(q.type()) ? null : parseType(q.type()).name(), trim(q.unit()),
                blank(q.status()) ? null : parseStatus(q.status()).name(),
                blank(q.review()) ? null : parseReview(q.review()).name(), null, trim(q.keyword()), from, to, null,
                deleted, sort, desc, offset, size, cursor, facets, highlight, gazetteer);
    }

    private static ReviewStatus parseReview(String s) {
        try {
            return ReviewStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("review must be one of " + java.util.Arrays.toString(ReviewStatus.values()));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private Page listFromCatalog(AssetQuery q, int page, int size, User user) {
        List<Bson> filters = new ArrayList<>();
        if (!(q.includeDeleted() && policy.allows(user, Action.VIEW_DELETED, Resource.catalog()))) {
            filters.add(ne(AssetFields.DELETED, true));
        }
        if (q.type() != null && !q.type().isBlank()) {
            filters.add(eq(AssetFields.TYPE, parseType(q.type()).name()));
        }
        if (q.unit() != null && !q.unit().isBlank()) {
            filters.add(eq(AssetFields.CONTRIBUTOR_UNIT, q.unit().strip()));
        }
        if (q.status() != null && !q.status().isBlank()) {
            filters.add(eq(AssetFields.STATUS, parseStatus(q.status()).name()));
        }
        if (!blank(q.review())) {
            filters.add(eq(AssetFields.REVIEW + ".status", parseReview(q.review()).name()));
        }
        if (q.keyword() != null && !q.keyword().isBlank()) {
            filters.add(eq(AssetFields.KEYWORDS, q.keyword().strip()));
        }
        if (q.from() != null && !q.from().isBlank()) {
            filters.add(gt(AssetFields.CAPTURE_END, Date.from(dateParam("from", q.from())[0].toInstant())));
        }
        if (q.to() != null && !q.to().isBlank()) {
            filters.add(lt(AssetFields.CAPTURE_START, Date.from(dateParam("to", q.to())[1].toInstant())));
        }
        if (q.q() != null && !q.q().isBlank()) {
            List<String> keys = SearchKeys.query(q.q());
            if (!keys.isEmpty()) {
                filters.add(all(AssetFields.SEARCH_KEYS, keys));
            }
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return new Page(repo.find(filter, sort(q.sort()), page * size, size), repo.count(filter), page, size);
    }

    private static OffsetDateTime[] dateParam(String name, String value) {
        try {
            return AssetDescription.captureRange(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + " '" + value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }

    private static Bson sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sorts.descending(AssetFields.CREATED_AT);
        }
        String[] sd = sortParam(sort);
        return sd[1] != null ? Sorts.descending(sd[0]) : Sorts.ascending(sd[0]);
    }

    /** "-field", "field,desc" or "field": the field, and non-null second element when descending. */
    private static String[] sortParam(String sort) {
        String s = sort.strip();
        boolean desc = s.startsWith("-");
        if (desc) {
            s = s.substring(1);
        }
        if (s.contains(",")) {
            String[] p = s.split(",", 2);
            s = p[0].strip();
            desc = p[1].strip().equalsIgnoreCase("desc");
        }
        if (!SORTABLE.contains(s)) {
            throw ApiException.badRequest("cannot sort by '" + s + "'; use one of " + SORTABLE);
        }
        return new String[] {s, desc ? "desc" : null};
    }

    static AssetType parseType(String t) {
        try {
            return AssetType.valueOf(t.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("type must be VIDEO, AUDIO or PHOTO, not '" + t + "'");
        }
    }

    private static AssetStatus parseStatus(String s) {
        try {
            return AssetStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be INGESTED, PROCESSING, READY or PARTIAL, not '" + s + "'");
        }
    }

    /** The stored original of an asset and the name to offer for download. */
    public record Original(Path path, String mimeType, String fileName, long size) {
    }

    public Original original(String id, User user) {
        Asset a = get(id, user);
        policy.check(user, Action.DOWNLOAD, new Resource(ResourceKind.ASSET, a.contributorUnit(), a.deleted()));
        Asset.Original o = a.original();
        return new Original(store.original(o.sha256(), o.ext()), o.mimeType(), o.fileName(), o.size());
    }

    /** A derivative file of an asset (of a size, for sized kinds), once the step that makes it is done. */
    public Path derivative(String id, Derivative kind, int size, User user) {
        return derivative(get(id, user), kind, size);
    }

    /** The same, for an asset already read for the user. */
    Path derivative(Asset asset, Derivative kind, int size) {
        String id = asset.id();
        StepState st = asset.processing().steps().get(kind.step());
        if (st == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "asset " + id + " is a "
                    + asset.type().name().toLowerCase(Locale.ROOT) + " and has no " + kind.step() + " step");
        }
        if (st.status() != StepStatus.DONE) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not ready", "the " + kind.step() + " of asset " + id + " is "
                    + st.status() + (st.error() != null ? ": " + st.error() : ""))
                    .with("step", kind.step()).with("stepStatus", st.status().name());
        }
        return store.derivative(id, kind, size);
    }
}
