package org.yingzhi.gazetteer.link;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.SourceRange;
import org.yingzhi.gazetteer.index.Entry;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.audit.Probe;
import org.yingzhi.shared.web.ApiException;

/**
 * Links material to the gazetteer and lists it from every side. A range is given in the clip's own source
 * timecode and must lie inside the clip, at the clip's rate, with out after in; a photo links whole; a range can
 * be taken from a suggested scene. Whether the user may link the asset is the access policy's decision (the
 * office and editors link anything; contributors their own unit's media).
 */
@Service
public class LinkService {

    private final LinkRepository links;
    private final LinkGraph graph;
    private final OutlineService outline;
    private final EntryService entries;
    private final AssetReader assets;
    private final AccessPolicy policy;
    private final AuditLog audit;

    public LinkService(LinkRepository links, LinkGraph graph, OutlineService outline, EntryService entries, AssetReader assets,
            AccessPolicy policy, AuditLog audit) {
        this.audit = audit;
        this.links = links;
        this.graph = graph;
        this.outline = outline;
        this.entries = entries;
        this.assets = assets;
        this.policy = policy;
    }

    /**
     * What a client sends: the asset, the target, and optionally a range (in and out as source timecode labels,
     * and the rate they were counted at, e.g. "30000/1001") or a scene number, and a note.
     */
    @Schema(description = "A link: the asset, its target, and optionally a range or a scene, and a note")
    public record LinkInput(@Schema(description = "the asset id") String asset,
            @Schema(description = "chapter, person, project or place") String target, String targetId,
            @Size(max = 20) @Schema(description = "source timecode of the first frame, e.g. 01:00:59;20") String in,
            @Size(max = 20) @Schema(description = "source timecode after the last frame (exclusive)") String out,
            @Size(max = 20) @Schema(description = "the rate the labels count, e.g. 30000/1001") String rate,
            Integer scene, @Size(max = 2000) String note) {
    }

    public Link create(LinkInput in, User user) {
        if (in.asset() == null || !ObjectId.isValid(in.asset())) {
            throw ApiException.badRequest("asset must be the id of an asset");
        }
        Asset asset = assets.findById(new ObjectId(in.asset()))
                .filter(a -> !a.deleted()).orElseThrow(() -> ApiException.notFound("asset", in.asset()));
        policy.check(user, Action.LINK, Resource.of(ResourceKind.ASSET, asset.contributorUnit()));
        LinkTarget kind = LinkTarget.parse(in.target());
        String targetId = resolveTarget(kind, in.targetId());
        Document d = new Document("asset", new ObjectId(asset.id())).append("assetType", asset.type().name())
                .append("target", new Document("kind", kind.wire()).append("id", new ObjectId(targetId)));
        if (asset.contributorUnit() != null) {
            d.append("unit", asset.contributorUnit());
        }
        Document range = range(asset, in);
        if (range != null) {
            d.append("range", range);
        }
        long whole = asset.media() != null && asset.media().durationMicros() != null ? asset.media().durationMicros() : 0;
        d.append("durationMicros", range != null ? range.get("durationMicros", Number.class).longValue() : whole);
        if (in.scene() != null) {
            d.append("scene", in.scene());
        }
        if (in.note() != null && !in.note().isBlank()) {
            d.append("note", in.note().strip());
        }
        Document by = new Document("name", user.name());
        if (user.unit() != null && !user.unit().isBlank()) {
            by.append("unit", user.unit());
        }
        d.append("createdBy", by);
        ObjectId id = new ObjectId();
        d.put("_id", id);
        Change c = Change.of(AuditActions.LINK_CREATE, "link", id.toHexString()).unit(asset.contributorUnit())
                .with("asset", asset.id()).with("target", kind.wire() + ":" + targetId)
                .with("in", range == null ? null : range.getString("in"))
                .with("out", range == null ? null : range.getString("out")).with("note", d.getString("note"));
        return audit.write(c, Probe.exists(LinkRepository.COLLECTION, new Document("_id", id)), () -> links.insert(d));
    }

    public void delete(String id, User user) {
        Link l = links.find(id).orElseThrow(() -> ApiException.notFound("link", id));
        // the asset's unit now (it may have moved to another unit since it was linked)
        String unit = assets.findById(new ObjectId(l.asset())).map(Asset::contributorUnit).orElse(l.unit());
        policy.check(user, Action.LINK, Resource.of(ResourceKind.ASSET, unit));
        Change c = Change.of(AuditActions.LINK_DELETE, "link", id).unit(unit)
                .field("asset", l.asset(), null).field("target", l.targetKind().wire() + ":" + l.targetId(), null)
                .field("in", l.range() == null ? null : l.range().in(), null)
                .field("out", l.range() == null ? null : l.range().out(), null);
        audit.write(c, Probe.gone(LinkRepository.COLLECTION, new Document("_id", new ObjectId(id))), () -> links.delete(id));
    }

    /**
     * Decides one check of a link as a claim: approve, return (with a reason), reject (with a reason), or set it
     * back to pending. The reviewer must hold the check for the asset's unit, as for the asset itself.
     */
    public Link decide(String id, String check, String decision, String reason, User user) {
        Link l = links.find(id).orElseThrow(() -> ApiException.notFound("link", id));
        org.yingzhi.asset.ReviewCheck c;
        org.yingzhi.asset.CheckState state;
        try {
            c = org.yingzhi.asset.ReviewCheck.parse(check);
            state = org.yingzhi.asset.CheckState.valueOf(decision == null ? "" : decision.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw e instanceof org.yingzhi.shared.i18n.CodedArgumentException ? ApiException.of(e)
                    : ApiException.invalid("review.state", decision).with("field", "decision");
        }
        String unit = assets.findById(new ObjectId(l.asset())).map(Asset::contributorUnit).orElse(l.unit());
        policy.check(user, c.action(), Resource.of(ResourceKind.ASSET, unit));
        String why = reason == null ? "" : reason.strip();
        if ((state == org.yingzhi.asset.CheckState.RETURNED || state == org.yingzhi.asset.CheckState.REJECTED) && why.isEmpty()) {
            throw ApiException.invalid("review.reasonNeeded", c.wire()).with("field", "reason");
        }
        if (why.length() > 2000) {
            throw ApiException.invalid("review.reasonLength", 2000).with("field", "reason");
        }
        Document by = new Document("name", user.name());
        if (user.unit() != null && !user.unit().isBlank()) {
            by.append("unit", user.unit());
        }
        Document d = new Document("state", state.name()).append("by", by).append("at", new java.util.Date());
        if (!why.isEmpty()) {
            d.append("reason", why);
        }
        org.yingzhi.asset.Asset.Check was = c == org.yingzhi.asset.ReviewCheck.POLITICAL ? l.claim().political() : l.claim().facts();
        audit.write(Change.of(AuditActions.LINK_REVIEW, "link", id).unit(unit).field("check", c.wire(), c.wire())
                .field("state", was.state().name(), state.name()).with("asset", l.asset())
                .with("target", l.targetKind().wire() + ":" + l.targetId()).reason(why.isEmpty() ? null : why),
                Probe.exists(LinkRepository.COLLECTION, new Document("_id", new ObjectId(id))
                        .append("review." + c.wire() + ".at", d.get("at"))),
                () -> {
                    if (!links.setCheck(id, c.wire(), d)) {
                        throw ApiException.notFound("link", id);
                    }
                });
        graph.apply(id);
        return links.find(id).orElseThrow(() -> ApiException.notFound("link", id));
    }

    /** A link waiting for a check, with what the reviewer needs to judge the claim. */
    @Schema(description = "A link waiting for a check: the claim (asset, range, target) and its review")
    public record ClaimItem(Link link, String title, String targetName, String poster, String player) {
    }

    /**
     * The links (claims) in a state for a check, oldest first, that the reviewer may decide: of approved assets
     * only by default, since a claim about material that is itself not cleared waits for it.
     */
    public List<ClaimItem> claims(String check, String state, int limit, User user) {
        org.yingzhi.asset.ReviewCheck c = org.yingzhi.asset.ReviewCheck.parse(check);
        org.yingzhi.asset.CheckState s = org.yingzhi.asset.CheckState.valueOf(state == null ? "PENDING" : state.strip().toUpperCase(java.util.Locale.ROOT));
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("review.limit", MAX_PAGE).with("field", "limit");
        }
        // the oldest (by id) in a bounded heap: the graph holds hundreds of thousands of links
        java.util.PriorityQueue<Link> heap = new java.util.PriorityQueue<>(limit + 1, java.util.Comparator.comparing(Link::id).reversed());
        Map<String, Boolean> mayByUnit = new HashMap<>();
        for (Link l : graph.all()) {
            org.yingzhi.asset.Asset.Check x = c == org.yingzhi.asset.ReviewCheck.POLITICAL ? l.claim().political() : l.claim().facts();
            if (x.state() == s && mayByUnit.computeIfAbsent(String.valueOf(l.unit()),
                    u -> policy.allows(user, c.action(), Resource.of(ResourceKind.ASSET, l.unit())))) {
                heap.add(l);
                if (heap.size() > limit) {
                    heap.poll();
                }
            }
        }
        List<Link> found = new ArrayList<>(heap);
        found.sort(java.util.Comparator.comparing(Link::id));
        List<ClaimItem> out = new ArrayList<>();
        for (Material m : material(found.size() > limit ? found.subList(0, limit) : found)) {
            Link l = m.link();
            String name = l.targetKind() == LinkTarget.CHAPTER
                    ? outline.find(l.targetId()).map(OutlineNode::title).orElse(null)
                    : entries.find(l.targetId()).map(Entry::name).orElse(null);
            out.add(new ClaimItem(l, m.title(), name, m.poster(), m.player()));
        }
        return out;
    }

    private String resolveTarget(LinkTarget kind, String id) {
        if (id == null || !ObjectId.isValid(id)) {
            throw ApiException.badRequest("targetId must be the id of a " + kind.wire());
        }
        if (kind == LinkTarget.CHAPTER) {
            return outline.find(id).orElseThrow(() -> ApiException.notFound("outline node", id)).id();
        }
        Entry e = entries.find(id).filter(x -> x.kind() == kind.entryKind())
                .orElseThrow(() -> ApiException.notFound(kind.wire(), id));
        return e.id();
    }

    /** The range document, or null for a whole-asset link; every refusal says what is wrong in the clip's terms. */
    private static Document range(Asset asset, LinkInput in) {
        SourceRange r = SourceRange.of(asset, in.in(), in.out(), in.rate(), in.scene());
        if (r == null) {
            return null;
        }
        return new Document("in", r.in()).append("out", r.out()).append("rate", r.rate())
                .append("dropFrame", r.dropFrame()).append("startFrame", r.startFrame()).append("frames", r.frames())
                .append("inMicros", r.inMicros()).append("durationMicros", r.durationMicros());
    }

    /** A link with what a page needs of its asset: title, type, poster and player positions. */
    public record Material(Link link, String title, String type, String unit, long durationMicros, String poster,
            String player) {
    }

    public List<Material> material(List<Link> found) {
        Map<String, Asset> byId = new HashMap<>();
        for (Asset a : assets.findByIds(found.stream().map(Link::asset).distinct().toList())) {
            byId.put(a.id(), a);
        }
        List<Material> out = new ArrayList<>();
        for (Link l : found) {
            Asset a = byId.get(l.asset());
            if (a == null || a.deleted()) {
                continue;
            }
            // a range shows the frame at its in-point; a whole clip its poster
            Long in = l.range() == null ? null : l.range().inMicros();
            String poster = org.yingzhi.asset.AssetUrls.poster(a, in);
            String player = org.yingzhi.asset.AssetUrls.player(a, in, l.range() == null ? 0 : l.range().durationMicros());
            out.add(new Material(l, a.title(), a.type().name(), a.contributorUnit(), l.durationMicros(), poster, player));
        }
        return out;
    }

    /** The links in pages: the totals count them all (from the links alone), the items show one page of them. */
    public static final int MAX_PAGE = 200;

    /** Links, distinct clips and photos, and the linked duration (ranges, or whole clips). */
    @io.swagger.v3.oas.annotations.media.Schema(description = "What a set of links adds up to")
    public record Totals(int links, int clips, int photos, long durationMicros) {
    }

    /** A chapter's material: one page of it, and the totals of all of it. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A chapter's material: one page of it, and the totals of all of it")
    public record ChapterMaterial(OutlineNode chapter, boolean subtree, Totals totals, int offset, int limit,
            List<Material> items) {
    }

    /** An index entry's appearances: one page of them, and the totals of all of them. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "An entry's appearances: one page of them, and the totals of all")
    public record EntryMaterial(Entry entry, Totals totals, int offset, int limit, List<Material> items) {
    }

    private List<Material> page(List<Link> all, int offset, int limit) {
        return material(window(all, offset, limit));
    }

    /** The links of one page: {@code limit} from {@code offset} (past the end: none), limit 1 to {@link #MAX_PAGE}. */
    static List<Link> window(List<Link> all, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("offset must be 0 or more and limit 1-" + MAX_PAGE);
        }
        return all.subList(Math.min(offset, all.size()), (int) Math.min(all.size(), (long) offset + limit));
    }

    /** A chapter's material (with its subtree when asked) and what it adds up to. */
    public ChapterMaterial chapterMaterial(String chapter, boolean subtree, int offset, int limit) {
        OutlineNode node = outline.find(chapter).orElseThrow(() -> ApiException.notFound("outline node", chapter));
        List<String> ids = subtree ? outline.subtree(chapter).stream().map(OutlineNode::id).toList() : List.of(node.id());
        List<Link> all = graph.byTargets(LinkTarget.CHAPTER, ids);
        return new ChapterMaterial(node, subtree, totals(all), offset, limit, page(all, offset, limit));
    }

    /** Every asset linked to a node or its subtree (clips, recordings and photos): their ids. */
    public Set<String> assetsLinkedTo(String chapter) {
        outline.find(chapter).orElseThrow(() -> ApiException.notFound("outline node", chapter));
        Set<String> out = new LinkedHashSet<>();
        for (Link l : graph.byTargets(LinkTarget.CHAPTER, outline.subtree(chapter).stream().map(OutlineNode::id).toList())) {
            out.add(l.asset());
        }
        return out;
    }

    /** The photos linked to a node (or its subtree): their asset ids (deleted ones are not linked material). */
    public Set<String> photosLinkedTo(String chapter, boolean subtree) {
        List<String> ids = subtree ? outline.subtree(chapter).stream().map(OutlineNode::id).toList() : List.of(chapter);
        Set<String> out = new LinkedHashSet<>();
        for (Link l : graph.byTargets(LinkTarget.CHAPTER, ids)) {
            if ("PHOTO".equals(l.assetType())) {
                out.add(l.asset());
            }
        }
        return out;
    }

    /** An index entry's appearances. */
    public EntryMaterial entryMaterial(LinkTarget kind, String id, int offset, int limit) {
        Entry e = entries.find(id).filter(x -> x.kind() == kind.entryKind())
                .orElseThrow(() -> ApiException.notFound(kind.wire(), id));
        List<String> ids = new ArrayList<>(e.formerIds());
        ids.add(e.id());
        List<Link> all = graph.byTargets(kind, ids);
        return new EntryMaterial(e, totals(all), offset, limit, page(all, offset, limit));
    }

    /** An asset's links, with the names of what they point to. */
    /** A link with the title or name of what it points to. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A link with the title or name of what it points to")
    public record Named(Link link, String targetName) {
    }

    /**
     * An asset's links, for whoever may see the asset: a deleted asset's links (targets, notes) are "not found" like
     * the asset itself, except to those the policy lets see deleted material.
     */
    public List<Named> assetLinks(String asset, User user) {
        org.yingzhi.asset.Asset a = ObjectId.isValid(asset) ? assets.findById(new ObjectId(asset)).orElse(null) : null;
        if (a == null || !policy.allows(user, org.yingzhi.security.Action.VIEW,
                new org.yingzhi.security.Resource(org.yingzhi.security.ResourceKind.ASSET, a.contributorUnit(), a.deleted()))) {
            throw ApiException.notFound("asset", asset);
        }
        return named(asset);
    }

    /** An asset's links with their targets' names, for a page that has checked the asset may be seen. */
    List<Named> named(String asset) {
        List<Named> out = new ArrayList<>();
        for (Link l : graph.byAsset(asset)) {
            out.add(new Named(l, l.targetKind() == LinkTarget.CHAPTER
                    ? outline.find(l.targetId()).map(OutlineNode::title).orElse(null)
                    : entries.find(l.targetId()).map(Entry::name).orElse(null)));
        }
        return out;
    }

    /** Links, distinct clips and photos, and the linked duration (ranges, or whole clips), from the links alone. */
    static Totals totals(List<Link> all) {
        Set<String> clips = new LinkedHashSet<>();
        Set<String> photos = new LinkedHashSet<>();
        long micros = 0;
        for (Link l : all) {
            if ("PHOTO".equals(l.assetType())) {
                photos.add(l.asset());
            } else {
                clips.add(l.asset());
                micros += l.durationMicros();
            }
        }
        return new Totals(all.size(), clips.size(), photos.size(), micros);
    }
}
