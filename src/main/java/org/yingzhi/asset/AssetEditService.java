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

    public AssetEditService(AssetRepository repo, AssetQueryService queries, AssetProcessing processing,
            AccessPolicy policy, org.springframework.beans.factory.ObjectProvider<org.yingzhi.security.UnitNames> units) {
        this.units = units;
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
        Asset saved = repo.update(current, updated).orElseThrow(() -> conflict(id));
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
                Optional<Asset> saved = repo.update(current, updated);
                if (saved.isPresent()) {
                    processing.rescope(saved.get());
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    public Asset delete(String id, User user) {
        Asset asset = queries.get(id, user);
        policy.check(user, Action.DELETE, AssetDocuments.resource(asset));
        if (asset.deleted()) {
            return asset;
        }
        Document current = currentDocument(asset);
        Document updated = AssetRepository.deepCopy(current);
        updated.put(AssetFields.DELETED, true);
        updated.put(AssetFields.DELETED_AT, new Date());
        updated.put(AssetFields.DELETED_BY, AssetDocuments.actor(user));
        Asset saved = repo.update(current, updated).orElseThrow(() -> conflict(id));
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
        Asset saved = repo.update(current, updated).orElseThrow(() -> conflict(id));
        processing.rescope(saved);
        return saved;
    }

    /** Queues chosen steps again (all of the asset's steps when none are named); returns the steps queued. */
    public List<Step> reprocess(String id, List<String> steps, User user) {
        Asset asset = queries.get(id, user);
        policy.check(user, Action.REPROCESS, AssetDocuments.resource(asset));
        List<Step> chosen = new ArrayList<>();
        for (String s : steps == null ? List.<String>of() : steps) {
            chosen.add(Step.ofKey(s));
        }
        return processing.reprocess(asset, chosen);
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

    private static ApiException conflict(String id) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict",
                "asset " + id + " was changed by someone else meanwhile; reload and try again");
    }
}
