package org.yingzhi.review;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetQueryService;
import org.yingzhi.asset.AssetReviews;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.AssetUrls;
import org.yingzhi.asset.CheckState;
import org.yingzhi.asset.ReviewCheck;
import org.yingzhi.asset.SourceRange;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The office's review of assets: both checks with their decisions (kept on the asset, see {@link AssetReviews}),
 * comments anchored to a timecode or range of a clip or a region of a photo, the unit's answer and resubmission,
 * queues per check and unit oldest first, and decisions over a selection (each recorded per item).
 */
@Service
public class ReviewService {

    static final int MAX_BATCH = 500;

    private final AssetReviews reviews;
    private final AssetQueryService assets;
    private final ReviewCommentRepository comments;
    private final AccessPolicy policy;
    private final org.yingzhi.gazetteer.link.LinkService links;

    private final org.yingzhi.shared.audit.AuditLog audit;

    ReviewService(AssetReviews reviews, AssetQueryService assets, ReviewCommentRepository comments, AccessPolicy policy,
            org.yingzhi.gazetteer.link.LinkService links, org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.links = links;
        this.reviews = reviews;
        this.assets = assets;
        this.comments = comments;
        this.policy = policy;
    }

    @Schema(description = "A decision on one check: APPROVED, RETURNED (to the unit, with reasons), REJECTED, or PENDING (undo)")
    public record DecisionInput(@NotNull @Pattern(regexp = "APPROVED|RETURNED|REJECTED|PENDING") String decision,
            @Size(max = 2000) String reason,
            @Schema(description = "The asset version the reviewer looked at; a change since is refused (409)") Long version,
            @Schema(description = "Where the reason points: a timecode, or a range, of the clip") @Size(max = 16) String at,
            @Size(max = 16) String in, @Size(max = 16) String out) {

        public DecisionInput(String decision, String reason, Long version) {
            this(decision, reason, version, null, null, null);
        }
    }

    @Schema(description = "A comment: on a check or the item, at a timecode (at) or range (in, out) of a clip, or a region of a photo")
    public record CommentInput(@Pattern(regexp = "political|facts") String check, @NotNull @Size(min = 1, max = 4000) String text,
            @Size(max = 16) String at, @Size(max = 16) String in, @Size(max = 16) String out, @Valid Region region) {
    }

    @Schema(description = "A region of a photo as fractions of its width and height")
    public record Region(@NotNull @DecimalMin("0") @DecimalMax("1") Double x, @NotNull @DecimalMin("0") @DecimalMax("1") Double y,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double w, @NotNull @DecimalMin("0") @DecimalMax("1") Double h) {
    }

    @Schema(description = "A comment as stored and shown")
    public record Comment(String id, String check, int round, String side, String in, String out, Long inMicros,
            Long durationMicros, Region region, String text, String author, String authorName, String authorUnit,
            Instant createdAt) {
    }

    @Schema(description = "An item's review: both checks, the overall status, the round, and the comments in order")
    public record ReviewView(String asset, String title, String unit, String type, long version, Asset.Review review,
            List<Comment> comments, boolean canPolitical, boolean canFacts, boolean canAnswer) {
    }

    @Schema(description = "The same decision over a selection; each item is decided (and recorded) on its own")
    public record BatchInput(@NotNull @Pattern(regexp = "political|facts") String check,
            @NotNull @Pattern(regexp = "APPROVED|RETURNED|REJECTED|PENDING") String decision, @Size(max = 2000) String reason,
            @NotNull @Size(min = 1, max = MAX_BATCH) List<@Pattern(regexp = "[0-9a-f]{24}") String> assets) {
    }

    @Schema(description = "What became of each item of a batch decision")
    public record BatchResult(int decided, List<Refused> refused) {
    }

    public record Refused(String asset, String title, String reason) {
    }

    @Schema(description = "An item in a review queue")
    public record QueueItem(String id, String title, String type, String unit, Instant createdAt, String poster,
            Asset.Review review) {
    }

    public ReviewView get(String id, User user) {
        Asset a = assets.get(id, user);
        Resource r = resource(a);
        List<Comment> list = new ArrayList<>();
        for (Document d : comments.ofAsset(a.id())) {
            list.add(comment(d));
        }
        return new ReviewView(a.id(), a.title(), a.contributorUnit(), a.type().name(), a.version(), a.review(), list,
                policy.allows(user, Action.REVIEW_POLITICAL, r), policy.allows(user, Action.REVIEW_FACTS, r),
                policy.allows(user, Action.EDIT, r));
    }

    public ReviewView decide(String id, String check, DecisionInput in, User user) {
        ReviewCheck c = parse(check);
        Asset before = assets.get(id, user);
        Document range = range(before, in.at(), in.in(), in.out()); // checked before anything is written
        reviews.decide(id, c, CheckState.valueOf(in.decision()), in.reason(), in.version(), user);
        if (in.reason() != null && !in.reason().isBlank() && !"APPROVED".equals(in.decision())) {
            // the reasons of a return or rejection are the unit's to read beside the item, at the point they concern
            insert(assets.get(id, user), c.wire(), "reviewer", in.reason().strip(), range, null, user);
        }
        return get(id, user);
    }

    public ReviewView resubmit(String id, String note, User user) {
        Asset a = reviews.resubmit(id, user);
        if (note != null && !note.isBlank()) {
            insert(a, null, "unit", note.strip(), null, null, user);
        }
        return get(id, user);
    }

    public Comment comment(String id, CommentInput in, User user) {
        Asset a = assets.get(id, user);
        Resource r = resource(a);
        boolean reviewer = policy.allows(user, Action.REVIEW_POLITICAL, r) || policy.allows(user, Action.REVIEW_FACTS, r);
        if (!reviewer) {
            policy.check(user, Action.EDIT, r); // the unit answers
        }
        Document range = range(a, in.at(), in.in(), in.out());
        if (in.region() != null) {
            if (a.type() != AssetType.PHOTO) {
                throw ApiException.invalid("review.regionPhoto");
            }
            if (in.region().x() + in.region().w() > 1.0001 || in.region().y() + in.region().h() > 1.0001) {
                throw ApiException.invalid("review.regionOutside");
            }
        }
        String side = reviewer ? "reviewer" : "unit";
        var c = org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.REVIEW_COMMENT, "asset", a.id())
                .unit(a.contributorUnit()).with("check", in.check()).with("side", side).with("text", in.text().strip())
                .with("in", range == null ? null : range.getString("in"))
                .with("out", range == null ? null : range.getString("out"))
                .with("region", in.region() == null ? null : java.util.List.of(in.region().x(), in.region().y(),
                        in.region().w(), in.region().h()));
        return comment(audit.write(c, null, () -> insert(a, in.check(), side, in.text().strip(), range, in.region(), user)));
    }

    public List<QueueItem> queue(String check, String state, String unit, int limit, User user) {
        return queue(check, state, unit, null, limit, user);
    }

    /** A queue, optionally of the material linked to a chapter (篇/章/节) and everything under it. */
    public List<QueueItem> queue(String check, String state, String unit, String chapter, int limit, User user) {
        ReviewCheck c = parse(check);
        CheckState s;
        try {
            s = CheckState.valueOf(state == null ? "PENDING" : state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("review.state", state);
        }
        List<QueueItem> out = new ArrayList<>();
        java.util.Set<String> among = chapter == null || chapter.isBlank() ? null : links.assetsLinkedTo(chapter.strip());
        for (Asset a : reviews.queue(c, s, unit, among, limit, user)) {
            out.add(item(a));
        }
        return out;
    }

    /** What was returned to the user's unit (the office sees every unit's), oldest first. */
    public List<QueueItem> returned(User user) {
        List<QueueItem> out = new ArrayList<>();
        for (Asset a : reviews.returned(user, 200)) {
            out.add(item(a));
        }
        return out;
    }

    private static QueueItem item(Asset a) {
        return new QueueItem(a.id(), a.title(), a.type().name(), a.contributorUnit(), a.createdAt(),
                AssetUrls.poster(a, null), a.review());
    }

    public BatchResult batch(BatchInput in, User user) {
        ReviewCheck c = parse(in.check());
        int decided = 0;
        List<Refused> refused = new ArrayList<>();
        DecisionInput one = new DecisionInput(in.decision(), in.reason(), null);
        for (String id : in.assets().stream().distinct().toList()) {
            try {
                decide(id, c.wire(), one, user);
                decided++;
            } catch (ApiException e) {
                String title = null;
                try {
                    title = assets.get(id, user).title();
                } catch (ApiException ignored) {
                    // not found or not visible: named by id
                }
                refused.add(new Refused(id, title, e.getMessage()));
            }
        }
        return new BatchResult(decided, refused);
    }

    /** A timecode ({@code at}: that frame) or range of a clip as stored with a comment; null when none is given. */
    private static Document range(Asset a, String at, String in, String out) {
        if (at == null && in == null && out == null) {
            return null;
        }
        if (a.type() == AssetType.PHOTO) {
            throw ApiException.invalid("review.photoRange");
        }
        SourceRange sr;
        if (at != null) {
            var tb = a.timebase().orElseThrow(() -> ApiException.invalid("link.noTimebase"));
            String next;
            try {
                next = org.yingzhi.timecode.Timecode.parse(at, tb.rate()).plusFrames(1).toString();
            } catch (IllegalArgumentException e) {
                throw ApiException.of(e);
            }
            sr = SourceRange.of(a, at, next, null, null);
        } else {
            sr = SourceRange.of(a, in, out, null, null);
        }
        return new Document("in", sr.in()).append("out", sr.out()).append("rate", sr.rate())
                .append("inMicros", sr.inMicros()).append("durationMicros", sr.durationMicros());
    }

    private Document insert(Asset a, String check, String side, String text, Document range, Region region, User user) {
        Document d = new Document("_id", new ObjectId().toHexString()).append("asset", a.id())
                .append("round", a.review() == null ? 1 : a.review().roundOrFirst()).append("side", side).append("text", text)
                .append("author", new Document("name", user.name()).append("displayName", user.displayName())
                        .append("role", user.role().name()).append("unit", user.unit()))
                .append("createdAt", new Date());
        if (check != null) {
            d.append("check", check);
        }
        if (range != null) {
            d.append("range", range);
        }
        if (region != null) {
            d.append("region", new Document("x", region.x()).append("y", region.y()).append("w", region.w()).append("h", region.h()));
        }
        return comments.insert(d);
    }

    private static Comment comment(Document d) {
        Document range = d.get("range", Document.class);
        Document region = d.get("region", Document.class);
        Document author = d.get("author", Document.class);
        return new Comment(d.getString("_id"), d.getString("check"), d.getInteger("round", 1), d.getString("side"),
                range == null ? null : range.getString("in"), range == null ? null : range.getString("out"),
                range == null ? null : ((Number) range.get("inMicros")).longValue(),
                range == null ? null : ((Number) range.get("durationMicros")).longValue(),
                region == null ? null : new Region(region.getDouble("x"), region.getDouble("y"), region.getDouble("w"), region.getDouble("h")),
                d.getString("text"), author.getString("name"), author.getString("displayName"), author.getString("unit"),
                d.getDate("createdAt").toInstant());
    }

    private static ReviewCheck parse(String check) {
        try {
            return ReviewCheck.parse(check);
        } catch (IllegalArgumentException e) {
            throw ApiException.of(e);
        }
    }

    private static Resource resource(Asset a) {
        return new Resource(ResourceKind.ASSET, a.contributorUnit(), a.deleted());
    }
}
