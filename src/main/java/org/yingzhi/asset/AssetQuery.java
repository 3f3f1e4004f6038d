package org.yingzhi.asset;

/** Filters and paging of the asset list; every field optional. */
public record AssetQuery(String type, String unit, String from, String to, String keyword, String q, String status,
        Integer page, Integer size, String sort, boolean includeDeleted) {
}
