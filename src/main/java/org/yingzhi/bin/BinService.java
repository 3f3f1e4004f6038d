package org.yingzhi.bin;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.AssetUrls;
import org.yingzhi.asset.SourceRange;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/** Bins: make, read, share, collect into, and tidy; every decision through the access policy. */
@Service
public class BinService {

    static final int MAX_PER_REQUEST = 500;
    static final int MAX_LISTED = 200;

    private final BinRepository bins;
    private final AssetReader assets;
    private final AccessPolicy policy;

    BinService(BinRepository bins, AssetReader assets, AccessPolicy policy) {
        this.bins = bins;
        this.assets = assets;
        this.policy = policy;
    }

    @Schema(description = "A bin's name, note and sharing; on a change, only the fields given change")
    public record BinInput(@Size(max = 200) String name, @Size(max = 2000) String note, Boolean shared,
            @Size(max = 50) List<@Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String> editors) {
    }

    @Schema(description = "Something to collect: an asset whole, a range in its source timecode, or one of its suggested scenes")
    public record ItemInput(@NotNull @Pattern(regexp = "[0-9a-f]{24}") String asset,
            @Schema(description = "Source in, the clip's timecode", example = "01:00:59;10") @Size(max = 16) String in,
            @Schema(description = "Source out (exclusive)") @Size(max = 16) String out,
            @Schema(description = "The rate the marks were counted at; checked against the clip's") @Size(max = 20) String rate,
            @Schema(description = "A suggested scene's number instead of in and out") Integer scene,
            @Size(max = 2000) String note,
            @Schema(description = "Where it was collected: player, scene, chapter:ID, person:ID, project:ID, place:ID, library")
            @Pattern(regexp = "(player|scene|library|chapter|person|project|place)(:[0-9a-f]{24})?") String from) {
    }

    @Schema(description = "Items to add")
    public record ItemsInput(@NotNull @Size(min = 1, max = MAX_PER_REQUEST) List<@Valid ItemInput> items) {
    }

    @Schema(description = "A bin in a list")
    public record Summary(String id, String name, String owner, String ownerName, boolean shared, int items,
            boolean mine, boolean canEdit, Instant updatedAt) {
    }

    @Schema(description = "A collected item with what a page shows of its asset")
    public record ItemView(String id, String asset, String title, String type, String unit, String in, String out,
            String rate, long inMicros, long durationMicros, String note, String from, String poster, String player,
            String addedBy, Instant addedAt) {
    }

    @Schema(description = "A bin with its items; items whose asset was deleted or is not visible are left out and counted")
    public record BinView(String id, String name, String note, String owner, String ownerName, boolean shared,
            List<String> editors, long version, Instant createdAt, Instant updatedAt, boolean canEdit,
            boolean canManage, List<ItemView> items, int hidden) {
    }

    public List<Summary> list(User user) {
        List<Summary> out = new ArrayList<>();
        for (Bin b : bins.visibleTo(user.name(), MAX_LISTED)) {
            if (policy.allows(user, Action.VIEW, resource(b))) {
                out.add(new Summary(b.id(), b.name(), b.owner(), b.ownerName(), b.shared(), b.items().size(),
                        b.owner().equals(user.name()), policy.allows(user, Action.EDIT, resource(b)), b.updatedAt()));
            }
        }
        return out;
    }

    public BinView create(BinInput in, User user) {
        policy.check(user, Action.COLLECT, Resource.catalog());
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty()) {
            throw ApiException.invalid("bin.name");
        }
        Bin b = bins.insert(name, in.note(), user.name(), user.displayName(), Boolean.TRUE.equals(in.shared()),
                editors(in.editors(), user));
        return view(b, user);
    }

    public BinView get(String id, User user) {
        Bin b = find(id);
        policy.check(user, Action.VIEW, resource(b));
        return view(b, user);
    }

    public BinView update(String id, BinInput in, User user) {
        Bin b = find(id);
        policy.check(user, Action.EDIT, resource(b));
        if (in.shared() != null || in.editors() != null) {
            // who else sees and changes it is its owner's decision
            policy.check(user, Action.DELETE, resource(b));
        }
        String name = in.name() == null ? null : in.name().strip();
        if (name != null && name.isEmpty()) {
            throw ApiException.invalid("bin.name");
        }
        bins.update(id, name, in.note(), in.shared(), in.editors() == null ? null : editors(in.editors(), user));
        return get(id, user);
    }

    public void delete(String id, User user) {
        Bin b = find(id);
        policy.check(user, Action.DELETE, resource(b));
        bins.setDeleted(id, true);
    }

    public BinView restore(String id, User user) {
        Bin b = find(id);
        policy.check(user, Action.RESTORE, resource(b));
        bins.setDeleted(id, false);
        return get(id, user);
    }

    /** Adds items, each checked against its asset; all or none (a bad one is named by its position). */
    public BinView add(String id, ItemsInput in, User user) {
        Bin b = find(id);
        policy.check(user, Action.EDIT, resource(b));
        policy.check(user, Action.COLLECT, Resource.catalog());
        Map<String, Asset> byId = new HashMap<>();
        for (Asset a : assets.findByIds(in.items().stream().map(ItemInput::asset).distinct().toList())) {
            byId.put(a.id(), a);
        }
        List<Document> docs = new ArrayList<>();
        Date now = new Date();
        for (int k = 0; k < in.items().size(); k++) {
            ItemInput i = in.items().get(k);
            Asset a = byId.get(i.asset());
            if (a == null || !policy.allows(user, Action.VIEW, assetResource(a))) {
                throw ApiException.invalid("bin.itemAsset", k + 1, i.asset());
            }
            SourceRange r;
            try {
                r = SourceRange.of(a, i.in(), i.out(), i.rate(), i.scene());
            } catch (ApiException e) {
                throw e.with("item", k + 1);
            }
            Document d = new Document("id", new ObjectId().toHexString()).append("asset", a.id())
                    .append("type", a.type().name());
            if (r != null) {
                d.append("in", r.in()).append("out", r.out()).append("rate", r.rate()).append("dropFrame", r.dropFrame())
                        .append("startFrame", r.startFrame()).append("frames", r.frames())
                        .append("inMicros", r.inMicros()).append("durationMicros", r.durationMicros());
            } else if (a.type() != AssetType.PHOTO) {
                a.durationMicros().ifPresent(dur -> d.append("durationMicros", dur));
            }
            if (i.note() != null && !i.note().isBlank()) {
                d.append("note", i.note().strip());
            }
            d.append("from", i.from() == null ? (i.scene() != null ? "scene" : "player") : i.from());
            d.append("addedBy", user.name()).append("addedAt", now);
            docs.add(d);
        }
        if (!bins.push(id, docs)) {
            throw ApiException.invalid("bin.full", BinRepository.MAX_ITEMS);
        }
        return get(id, user);
    }

    public BinView removeItem(String id, String itemId, User user) {
        Bin b = find(id);
        policy.check(user, Action.EDIT, resource(b));
        if (!bins.pull(id, itemId)) {
            throw ApiException.notFound("bin item", itemId);
        }
        return get(id, user);
    }

    public BinView noteItem(String id, String itemId, String note, User user) {
        Bin b = find(id);
        policy.check(user, Action.EDIT, resource(b));
        if (note != null && note.length() > 2000) {
            throw ApiException.invalid("bin.noteLength", 2000);
        }
        if (b.items().stream().noneMatch(i -> i.id().equals(itemId)) || !bins.noteItem(id, itemId, note)) {
            throw ApiException.notFound("bin item", itemId);
        }
        return get(id, user);
    }

    /** Items of a bin the user may read, in the bin's order (all when {@code itemIds} is empty); for making cuts. */
    public List<Bin.Item> items(String id, List<String> itemIds, User user) {
        Bin b = find(id);
        policy.check(user, Action.VIEW, resource(b));
        if (itemIds == null || itemIds.isEmpty()) {
            return b.items();
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>(itemIds);
        List<Bin.Item> out = new ArrayList<>();
        for (String w : wanted) {
            out.add(b.items().stream().filter(i -> i.id().equals(w)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("bin item", w)));
        }
        return out;
    }

    private Bin find(String id) {
        return bins.find(id).orElseThrow(() -> ApiException.notFound("bin", id));
    }

    private static Resource resource(Bin b) {
        return Resource.collection(ResourceKind.BIN, b.owner(), b.shared(), b.editors(), b.deleted());
    }

    private static Resource assetResource(Asset a) {
        return new Resource(ResourceKind.ASSET, a.contributorUnit(), a.deleted());
    }

    private static List<String> editors(List<String> given, User owner) {
        return given == null ? List.of() : given.stream().map(String::strip).filter(s -> !s.isEmpty())
                .filter(s -> !s.equals(owner.name())).distinct().toList();
    }

    private BinView view(Bin b, User user) {
        Map<String, Asset> byId = new HashMap<>();
        for (Asset a : assets.findByIds(b.items().stream().map(Bin.Item::asset).distinct().toList())) {
            byId.put(a.id(), a);
        }
        List<ItemView> items = new ArrayList<>();
        int hidden = 0;
        for (Bin.Item i : b.items()) {
            Asset a = byId.get(i.asset());
            if (a == null || a.deleted() || !policy.allows(user, Action.VIEW, assetResource(a))) {
                hidden++;
                continue;
            }
            Long in = i.in() != null ? i.inMicros() : null;
            String poster = AssetUrls.poster(a, in);
            String player = AssetUrls.player(a, in, i.durationMicros());
            items.add(new ItemView(i.id(), a.id(), a.title(), a.type().name(), a.contributorUnit(), i.in(), i.out(),
                    i.rate(), i.inMicros(), i.durationMicros(), i.note(), i.from(), poster, player, i.addedBy(), i.addedAt()));
        }
        Resource r = resource(b);
        return new BinView(b.id(), b.name(), b.note(), b.owner(), b.ownerName(), b.shared(), b.editors(), b.version(),
                b.createdAt(), b.updatedAt(), policy.allows(user, Action.EDIT, r), policy.allows(user, Action.DELETE, r),
                items, hidden);
    }
}
