package org.yingzhi.asset;

import java.util.Map;
import org.bson.Document;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.DeserializationFeature;

/** The one mapping from a stored asset document to the typed {@link Asset} (and its parts to BSON). */
final class AssetMapper {

    // stored documents carry internal fields (searchKeys) the read model leaves out
    private static final tools.jackson.databind.json.JsonMapper MAPPER = Json.MAPPER.rebuild()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private AssetMapper() {
    }

    @SuppressWarnings("unchecked")
    static Asset toAsset(Document doc) {
        Map<String, Object> plain = (Map<String, Object>) Json.plain(doc);
        plain.put("id", plain.remove(AssetFields.ID));
        plain.remove(AssetFields.SEARCH_KEYS);
        try {
            // through a token buffer, not a JSON tree: a page of 50 assets is read many times a second
            return MAPPER.convertValue(plain, Asset.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalStateException("asset " + plain.get("id") + " does not map to the read model: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A record (step state, derivative description, subclip) as BSON for a write. */
    static Document toDocument(Object value) {
        return Json.toDocument(value);
    }
}
