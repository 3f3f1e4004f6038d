package org.yingzhi.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map on an asset's page: an XYZ tile source as a URL template ({z}, {x}, {y}, and {s} for one of
 * {@code subdomains}), its attribution and the starting zoom. A Chinese deployment points it at 天地图 (with its
 * key) or an in-house tile server; blank {@code tiles} shows the coordinates only. The page always prints the
 * coordinates, and says so when the tiles cannot be reached (an office network without internet).
 */
@ConfigurationProperties("yingzhi.map")
public record MapProperties(String tiles, String subdomains, String attribution, Integer zoom) {

    public MapProperties {
        tiles = tiles == null || tiles.isBlank() ? null : tiles.strip();
        subdomains = subdomains == null ? "" : subdomains.strip();
        attribution = attribution == null ? "" : attribution;
        zoom = zoom == null ? 13 : Math.max(1, Math.min(zoom, 18));
        if (tiles != null && !(tiles.startsWith("https://") || tiles.startsWith("http://"))) {
            throw new IllegalArgumentException("yingzhi.map.tiles must be an http(s) URL template, not " + tiles);
        }
    }
}
