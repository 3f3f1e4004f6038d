package org.yingzhi.asset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.yingzhi.shared.json.Json;

/** The API shape of an asset: the stored document with {@code id} for {@code _id}, internals left out, links added. */
final class AssetJson {

    private AssetJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Document doc) {
        Map<String, Object> plain = (Map<String, Object>) Json.plain(doc);
        Map<String, Object> out = new LinkedHashMap<>();
        String id = String.valueOf(plain.remove("_id"));
        out.put("id", id);
        plain.remove(AssetRepository.F.SEARCH_KEYS);
        out.putAll(plain);
        out.put("links", Map.of("self", "/api/assets/" + id, "original", "/api/assets/" + id + "/original"));
        return out;
    }
}
