package org.yingzhi.asset;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.audit.Probe;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.web.ApiException;

/** Changes assets: descriptive edits, soft delete and restore, and asking for processing again. */
@Service
public class AssetEditService {

    private static final Set<String> PATCHABLE = Set.of("title", "description", "contributorUnit", "source",
            "captureDate", "place", "keywords", "rights");

    private final AssetRepository repo;
    private final AssetQueryService queries;
    private final AssetProcessing processing;
    private final AccessPolicy policy;

    private final org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units;
    private final AuditLog audit;

    public AssetEditService(AssetRepository repo, AssetQueryService queries, AssetProcessing processing,
            AccessPolicy policy, org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units,
            AuditLog audit) {
        this.units = units;
        this.audit = audit;
        this.repo = repo;
        this.queries = queries;
        this.processing = processing;
        this.policy = policy;
    }

    /** JSON merge patch of the descriptive fields; null removes a field. Optimistic: a concurrent edit gets 409. */
    public Asset patch(String id, Map<String, Object> patch, User user) {
        if (patch == null || patch.isEmpty()) {
            throw ApiException.badRequest("the patch is empty");
        }
        for (String k : patch.keySet()) {
            if (!PATCHABLE.contains(k)) {
                throw ApiException.badRequest("'" + k + "' cannot be changed here; descriptive fields are " + PATCHABLE);
            }
        }
        Asset asset = queries.get(id, user);
        policy.check(user, Action.EDIT, AssetDocuments.resource(asset));
        if (patch.containsKey("contributorUnit")) {
            policy.check(user, Action.CHANGE_UNIT, AssetDocuments.resource(asset));
        }
        Document current = currentDocument(asset);
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String f : PATCHABLE) {
            merged.put(f, current.get(f));
        }
        merged.putAll(patch);
        if (merged.get("contributorUnit") instanceof String unit) {
            // the unit list's name for it
            merged.put("contributorUnit", units.getIfAvailable(() -> org.yingzhi.security.UnitNames.AS_GIVEN).canonical(unit));
        }
        AssetDescription d;
        try {
            d = Json.MAPPER.convertValue(merged, AssetDescription.class).normalized();
        } catch (IllegalArgumentException e) {
            throw ApiException.of(e);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("fields have the wrong type: title, description, contributorUnit, source, "
                    + "captureDate, place and rights are strings; keywords is a list of strings");
        }
        Document updated = AssetRepository.deepCopy(current);
        AssetDocuments.putDescription(updated, d);
        if (patch.containsKey("captureDate")) {
            updated.remove(AssetFields.CAPTURE_DATE_SOURCE);
        }
        updated.put(AssetFields.UPDATED_AT, new Date());
        updated.put(AssetFields.UPDATED_BY, AssetDocuments.actor(user));
        // a decided check that reads a changed field is open again (ReviewCheck says which fields reopen which)
        List<String> changed = PATCHABLE.stream().filter(f -> !java.util.Objects.equals(updated.get(f), current.get(f))).toList();
        AssetReviews.reopen(updated, changed, user);
        updated.put(AssetFields.SEARCH_KEYS, AssetDocuments.searchKeys(updated));
        Asset saved = save(AuditActions.ASSET_EDIT, current, updated, changed, null);
        if (!java.util.Objects.equals(saved.contributorUnit(), asset.contributorUnit())) {
            processing.rescope(saved);
        }
        return saved;
    }

    /**
     * Gives every asset that carries the unit string {@code from} the unit {@code to} (the unit list's name for it),
     * one versioned edit per asset, by the system: the unit list is the office's decision, already checked where it
     * was changed. Returns how many assets changed.
     */
    public int renameUnit(String from, String to, String by) {
        int n = 0;
        for (org.bson.types.ObjectId id : repo.idsWithUnit(from)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Document current = repo.findDocument(id).orElse(null);
                if (current == null || !from.equals(current.getString(AssetFields.CONTRIBUTOR_UNIT))) {
                    break;
                }
                Document updated = AssetRepository.deepCopy(current);
                updated.put(AssetFields.CONTRIBUTOR_UNIT, to);
                updated.put(AssetFields.UPDATED_AT, new Date());
                updated.put(AssetFields.UPDATED_BY, new Document("name", by).append("unit", ""));
                updated.put(AssetFields.SEARCH_KEYS, AssetDocuments.searchKeys(updated));
                Optional<Asset> saved;
                try {
                    saved = Optional.of(save(AuditActions.ASSET_EDIT, current, updated,
                            List.of(AssetFields.CONTRIBUTOR_UNIT), "unit list: " + from + " -> " + to));
                } catch (ApiException conflict) {
                    saved = Optional.empty();
                }
                if (saved.isPresent()) {
                    processing.rescope(saved.get());
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    public Asset delete(String id, String reason, User user) {
        Asset asset = queries.get(id, user);
        policy.check(user, Action.DELETE, AssetDocuments.resource(asset));
        if (asset.deleted()) {
            AuditLog.unchanged();
            return asset;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw ApiException.invalid("asset.deleteReason").with("field", "reason");
        }
        if (why.length() > 2000) {
            throw ApiException.invalid("review.reasonLength", 2000).with("field", "reason");
        }
        Document current = currentDocument(asset);
        Document updated = AssetRepository.deepCopy(current);
        updated.put(AssetFields.DELETED, true);
        updated.put(AssetFields.DELETED_AT, new Date());
        updated.put(AssetFields.DELETED_BY, AssetDocuments.actor(user));
        Asset saved = save(AuditActions.ASSET_DELETE, current, updated, List.of(AssetFields.DELETED), why);
        processing.rescope(saved);
        return saved;
    }

    public Asset restore(String id, User user) {
        Asset asset = repo.findById(AssetDocuments.objectId(id)).orElseThrow(() -> ApiException.notFound("asset", id));
        policy.check(user, Action.RESTORE, AssetDocuments.resource(asset));
        Document current = currentDocument(asset);
        Document updated = AssetRepository.deepCopy(current);
        updated.put(AssetFields.DELETED, false);
        updated.remove(AssetFields.DELETED_AT);
        updated.remove(AssetFields.DELETED_BY);
        updated.put(AssetFields.UPDATED_AT, new Date());
        Asset saved = save(AuditActions.ASSET_RESTORE, current, updated, List.of(AssetFields.DELETED), null);
        processing.rescope(saved);
        return saved;
    }

    /**
     * Writes a new version of an asset and its audit record (the changed fields before and after, the version):
     * the record is journaled first and appended once the versioned update is in; a concurrent edit (409) leaves
     * none. After a crash the sweep finds the write by the asset's new version.
     */
    private Asset save(String action, Document current, Document updated, List<String> fields, String reason) {
        String id = current.getObjectId(AssetFields.ID).toHexString();
        Change c = Change.of(action, "asset", id).unit(updated.getString(AssetFields.CONTRIBUTOR_UNIT)).reason(reason);
        for (String f : fields) {
            c = c.field(f, current.get(f), updated.get(f));
        }
        return save(audit, repo, c, current, updated);
    }

    /** A versioned update of an asset with its audit record (the change plus the version it made). */
    static Asset save(AuditLog audit, AssetRepository repo, Change change, Document current, Document updated) {
        String id = current.getObjectId(AssetFields.ID).toHexString();
        long v = current.get(AssetFields.VERSION, Number.class).longValue();
        // the write carries its operation id, so the probe finds this write and not a concurrent one
        String op = AuditLog.newOp();
        updated.put(AssetFields.AUDIT_OP, op);
        return audit.write(op, change.field(AssetFields.VERSION, v, v + 1), Probe.exists(AssetRepository.COLLECTION,
                new Document("_id", current.get(AssetFields.ID)).append(AssetFields.AUDIT_OP, op)),
                () -> repo.update(current, updated).orElseThrow(() -> conflict(id)), (c, r) -> c);
    }

    /** Queues chosen steps again (all of the asset's steps when none are named); returns the steps queued. */
    public List<Step> reprocess(String id, List<String> steps, User user) {
        Asset asset = queries.get(id, user);
        policy.check(user, Action.REPROCESS, AssetDocuments.resource(asset));
        List<Step> chosen = new ArrayList<>();
        for (String s : steps == null ? List.<String>of() : steps) {
            chosen.add(Step.ofKey(s));
        }
        return audit.write(Change.of(AuditActions.ASSET_REPROCESS, "asset", asset.id()).unit(asset.contributorUnit())
                .with("steps", chosen.stream().map(Step::key).toList()), null, () -> processing.reprocess(asset, chosen),
                (c, queued) -> c.with("queued", queued.stream().map(Step::key).toList()));
    }

    /** The stored document at the version the typed asset was read at (edits diff against it). */
    private Document currentDocument(Asset asset) {
        Document d = repo.findDocument(AssetDocuments.objectId(asset.id()))
                .orElseThrow(() -> ApiException.notFound("asset", asset.id()));
        if (d.get(AssetFields.VERSION, Number.class).longValue() != asset.version()) {
            throw conflict(asset.id());
        }
        return d;
    }

    static ApiException conflict(String id) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict",
                "asset " + id + " was changed by someone else meanwhile; reload and try again");
    }
}
