package org.yingzhi.asset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * The review state of assets: a reviewer decides a check (approve, return with reasons, reject, or set it back to
 * pending); the unit resubmits what was returned; an edit of a descriptive field reopens the checks that read it
 * ({@link ReviewCheck#fields()}). Each is one versioned write of the asset, so a decision made on a version that
 * changed meanwhile is refused (409) rather than applied to something the reviewer did not see.
 */
@Service
public class AssetReviews {

    static final int MAX_REASON = 2000;

    private final AssetRepository repo;
    private final AssetQueryService queries;
    private final AccessPolicy policy;

    private final org.yingzhi.shared.audit.AuditLog audit;
    private final AssetTallies tallies;

    AssetReviews(AssetRepository repo, AssetQueryService queries, AccessPolicy policy,
            org.yingzhi.shared.audit.AuditLog audit, AssetTallies tallies) {
        this.audit = audit;
        this.tallies = tallies;
        this.repo = repo;
        this.queries = queries;
        this.policy = policy;
    }

    /**
     * Decides one check of an asset. Returns and rejections need a reason. {@code version}, when given, is the
     * version the reviewer looked at.
     */
    public Asset decide(String id, ReviewCheck check, CheckState decision, String reason, Long version, User user) {
        Asset asset = queries.get(id, user);
        policy.check(user, check.action(), AssetDocuments.resource(asset));
        String why = reason == null ? null : reason.strip();
        if ((decision == CheckState.RETURNED || decision == CheckState.REJECTED) && (why == null || why.isEmpty())) {
            throw ApiException.invalid("review.reasonNeeded", check.wire());
        }
        if (why != null && why.length() > MAX_REASON) {
            throw ApiException.invalid("review.reasonLength", MAX_REASON);
        }
        if (version != null && version != asset.version()) {
            throw conflict(id);
        }
        Document current = repo.findDocument(AssetDocuments.objectId(id)).orElseThrow(() -> ApiException.notFound("asset", id));
        Document updated = AssetRepository.deepCopy(current);
        Document review = review(updated);
        review.put(check.wire(), check(decision, user, why));
        putOverall(review);
        updated.put(AssetFields.REVIEW, review);
        updated.put(AssetFields.UPDATED_AT, new Date());
        updated.put(AssetFields.UPDATED_BY, AssetDocuments.actor(user));
        Document was = review(current).get(check.wire(), Document.class);
        return AssetEditService.save(audit, repo, org.yingzhi.shared.audit.Change.of(
                org.yingzhi.shared.audit.AuditActions.REVIEW_DECISION, "asset", id).unit(asset.contributorUnit())
                .field("check", check.wire(), check.wire())
                .field("state", was == null ? CheckState.PENDING.name() : was.getString("state"), decision.name())
                .field("review", review(current).getString("status"), review.getString("status"))
                .with("round", review.getInteger("round", 1)).reason(why), current, updated);
    }

    /**
     * The unit sends back what was returned, corrected: every returned check is pending again and the round
     * counts one more. Refused when nothing is returned.
     */
    public Asset resubmit(String id, User user) {
        Asset asset = queries.get(id, user);
        policy.check(user, Action.EDIT, AssetDocuments.resource(asset));
        Document current = repo.findDocument(AssetDocuments.objectId(id)).orElseThrow(() -> ApiException.notFound("asset", id));
        Document updated = AssetRepository.deepCopy(current);
        Document review = review(updated);
        boolean any = false;
        for (ReviewCheck c : ReviewCheck.values()) {
            Document d = review.get(c.wire(), Document.class);
            if (d != null && CheckState.RETURNED.name().equals(d.getString("state"))) {
                review.put(c.wire(), check(CheckState.PENDING, user, "resubmitted"));
                any = true;
            }
        }
        if (!any) {
            throw ApiException.invalid("review.nothingReturned");
        }
        review.put("round", review.getInteger("round", 1) + 1);
        putOverall(review);
        updated.put(AssetFields.REVIEW, review);
        updated.put(AssetFields.UPDATED_AT, new Date());
        updated.put(AssetFields.UPDATED_BY, AssetDocuments.actor(user));
        return AssetEditService.save(audit, repo, org.yingzhi.shared.audit.Change.of(
                org.yingzhi.shared.audit.AuditActions.REVIEW_RESUBMIT, "asset", id).unit(asset.contributorUnit())
                .field("review", review(current).getString("status"), review.getString("status"))
                .field("round", review.getInteger("round") - 1, review.getInteger("round")), current, updated);
    }

    /**
     * Reopens, in a document being edited, the approved checks that read one of the changed fields: pending again,
     * with the fields named. A returned check waits for the unit's resubmission (its edits are the correction), and
     * a rejection stands. Returns the checks reopened.
     */
    static List<ReviewCheck> reopen(Document updated, Collection<String> changedFields, User user) {
        List<ReviewCheck> out = new ArrayList<>();
        Document review = review(updated);
        for (ReviewCheck c : ReviewCheck.values()) {
            Document d = review.get(c.wire(), Document.class);
            if (d == null || !CheckState.APPROVED.name().equals(d.getString("state"))) {
                continue;
            }
            List<String> hit = c.fields().stream().filter(changedFields::contains).toList();
            if (!hit.isEmpty()) {
                review.put(c.wire(), check(CheckState.PENDING, user, "reopened by a change of " + String.join(", ", hit)));
                out.add(c);
            }
        }
        if (!out.isEmpty()) {
            putOverall(review);
            updated.put(AssetFields.REVIEW, review);
        }
        return out;
    }

    private static Document review(Document asset) {
        Document r = asset.get(AssetFields.REVIEW, Document.class);
        Document copy = r == null ? new Document("status", ReviewStatus.PENDING.name()) : new Document(r);
        if (!copy.containsKey("round")) {
            copy.put("round", 1);
        }
        return copy;
    }

    private static Document check(CheckState state, User user, String reason) {
        Document d = new Document("state", state.name()).append("by", AssetDocuments.actor(user)).append("at", new Date());
        if (reason != null && !reason.isEmpty()) {
            d.append("reason", reason);
        }
        return d;
    }

    private static void putOverall(Document review) {
        review.put("status", Asset.Review.overall(state(review, ReviewCheck.POLITICAL), state(review, ReviewCheck.FACTS)).name());
    }

    private static Asset.Check state(Document review, ReviewCheck c) {
        Document d = review.get(c.wire(), Document.class);
        return d == null ? Asset.Check.PENDING : new Asset.Check(CheckState.valueOf(d.getString("state")), null, null, null);
    }

    private static ApiException conflict(String id) {
        return ApiException.coded(HttpStatus.CONFLICT, "Changed meanwhile", "review.conflict", id);
    }

    /**
     * A review queue: assets whose check is in {@code state}, of one unit or all, among some (a chapter's material)
     * or all ({@code among} null), oldest first; only for those who hold the check.
     */
    public List<Asset> queue(ReviewCheck check, CheckState state, String unit, java.util.Collection<String> among,
            int limit, User user) {
        // holding the check at all (an item of no unit in particular)
        policy.check(user, check.action(), org.yingzhi.security.Resource.of(AssetDocuments.KIND, ""));
        int n = Math.max(1, Math.min(limit, 500));
        if (!tallies.ready()) {
            return repo.inReview(check.wire(), state.name(), unit, among, n);
        }
        java.util.Set<String> in = among == null ? null : new java.util.HashSet<>(among);
        String u = unit == null || unit.isBlank() ? null : unit;
        return repo.findByIds(tallies.oldest(t -> t.state(check) == state && (u == null || u.equals(t.unit()))
                && (in == null || in.contains(t.id())), n));
    }

    /** The items returned to the user's unit (the office: every unit's), oldest first. */
    public List<Asset> returned(User user, int limit) {
        AccessPolicy.ListScope scope = policy.listScope(user, Action.EDIT, AssetDocuments.KIND);
        int n = Math.max(1, Math.min(limit, 500));
        if (!tallies.ready()) {
            return repo.returned(scope.unit(), n);
        }
        String u = scope.unit();
        return repo.findByIds(tallies.oldest(t -> t.review() == ReviewStatus.CHANGES_REQUESTED
                && (u == null || u.equals(t.unit())), n));
    }

    /** Whether the asset passed both checks (for features that only count approved material). */
    public static boolean approved(Asset a) {
        return Optional.ofNullable(a.review()).map(Asset.Review::approved).orElse(false);
    }
}
