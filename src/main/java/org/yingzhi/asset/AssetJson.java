package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An asset as the API writes it ({@link AssetResponse}), already serialized: list and search pages are mostly the
 * writing of their 20 to 50 assets, so an asset written once is kept with the cached asset
 * ({@link AssetCache}) and copied into each page that shows it until the asset changes.
 */
@JsonSerialize(using = AssetJson.Raw.class)
@Schema(implementation = AssetResponse.class)
public record AssetJson(String json) {

    /** Writes the JSON as it is. */
    static final class Raw extends ValueSerializer<AssetJson> {
        @Override
        public void serialize(AssetJson value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeRawValue(value.json());
        }
    }
}
