package org.yingzhi.asset;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assets of a page as the API writes them, through the service's own JSON mapper (so the output is exactly what
 * writing {@link AssetResponse} would give), reusing what was written for the same asset object before: the cache
 * replaces its asset object whenever the asset changes, and the writing goes with it.
 */
@Component
public class AssetJsonWriter {

    private final AssetCache cache;
    private final JsonMapper mapper;

    AssetJsonWriter(AssetCache cache, JsonMapper mapper) {
        this.cache = cache;
        this.mapper = mapper;
    }

    public List<AssetJson> write(List<Asset> assets) {
        return assets.stream().map(this::write).toList();
    }

    public AssetJson write(Asset a) {
        String kept = cache.json(a);
        if (kept != null) {
            return new AssetJson(kept);
        }
        String json = mapper.writeValueAsString(AssetResponse.of(a));
        cache.keepJson(a, json);
        return new AssetJson(json);
    }
}
