package org.yingzhi.asset;

import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Service;
import org.yingzhi.shared.mongo.IdPages;

/**
 * Every asset reduced to what progress reports count: type, unit, when it came, duration, whether deleted, the
 * review's state. Read in pages by id with a projection (progress is computed from the catalog, not kept apart).
 */
@Service
public class AssetTallies {

    /** One asset as progress counts it; {@code returned} when a check sent it back to its unit. */
    public record Tally(String id, AssetType type, String unit, Instant createdAt, long durationMicros,
            boolean deleted, ReviewStatus review, boolean approved, boolean returned) {
    }

    private final AssetRepository repo;

    AssetTallies(AssetRepository repo) {
        this.repo = repo;
    }

    public void forEach(Consumer<Tally> each) {
        Document projection = new Document(AssetFields.TYPE, 1).append(AssetFields.CONTRIBUTOR_UNIT, 1)
                .append(AssetFields.CREATED_AT, 1).append("media.durationMicros", 1).append(AssetFields.DELETED, 1)
                .append(AssetFields.REVIEW, 1);
        IdPages.forEach(repo.collection(), projection, 5000, d -> each.accept(tally(d)));
    }

    static Tally tally(Document d) {
        Document media = d.get(AssetFields.MEDIA, Document.class);
        Number micros = media == null ? null : media.get("durationMicros", Number.class);
        Date created = d.getDate(AssetFields.CREATED_AT);
        Document review = d.get(AssetFields.REVIEW, Document.class);
        ReviewStatus status = ReviewStatus.PENDING;
        boolean approved = false;
        boolean returned = false;
        if (review != null) {
            try {
                status = ReviewStatus.valueOf(review.getString("status"));
            } catch (RuntimeException e) {
                status = ReviewStatus.PENDING;
            }
            approved = state(review, "political").equals("APPROVED") && state(review, "facts").equals("APPROVED");
            returned = state(review, "political").equals("RETURNED") || state(review, "facts").equals("RETURNED");
        }
        AssetType type;
        try {
            type = AssetType.valueOf(d.getString(AssetFields.TYPE));
        } catch (RuntimeException e) {
            type = AssetType.VIDEO;
        }
        return new Tally(d.getObjectId(AssetFields.ID).toHexString(), type, d.getString(AssetFields.CONTRIBUTOR_UNIT),
                created == null ? Instant.EPOCH : created.toInstant(), micros == null ? 0 : micros.longValue(),
                d.getBoolean(AssetFields.DELETED, false), status, approved, returned);
    }

    private static String state(Document review, String check) {
        Document c = review.get(check, Document.class);
        return c == null ? "PENDING" : String.valueOf(c.getString("state"));
    }
}
