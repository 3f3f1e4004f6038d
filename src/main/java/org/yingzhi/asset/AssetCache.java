package org.yingzhi.asset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Recently listed assets, as read from the catalog, for pages answered by the search index: the index gives the
 * ids of a page, this gives the assets without reading and mapping them again. It follows the catalog exactly as
 * the index does: every change record the index applies, this process's at once and other processes' within the
 * poll interval, re-reads the asset here too ({@link AssetSearchSource#load}), so a page never shows an asset older
 * than the index that chose it. Entries also expire after {@link #TTL_MILLIS}, a bound on any race between two
 * re-reads of one asset. Only the index path uses it.
 */
@Component
class AssetCache {

    static final int MAX = 5_000;
    static final long TTL_MILLIS = 30_000;

    /** An asset as read, when, and (once a page wrote it) its JSON. */
    private static final class Held {
        final Asset asset;
        final long at;
        volatile String json;

        Held(Asset asset, long at) {
            this.asset = asset;
            this.at = at;
        }

        Asset asset() {
            return asset;
        }

        long at() {
            return at;
        }
    }

    private final Map<String, Held> byId = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX;
        }
    };

    synchronized Asset get(String id) {
        Held h = byId.get(id);
        if (h == null) {
            return null;
        }
        if (System.currentTimeMillis() - h.at() > TTL_MILLIS) {
            byId.remove(id);
            return null;
        }
        return h.asset();
    }

    synchronized void put(Asset a) {
        byId.put(a.id(), new Held(a, System.currentTimeMillis()));
    }

    /**
     * Keeps an asset a page read from the catalog, unless the index's follower put one meanwhile (which is at least
     * as new: it was read for a change the page's read may have missed).
     */
    synchronized void putIfAbsent(Asset a) {
        byId.putIfAbsent(a.id(), new Held(a, System.currentTimeMillis()));
    }

    /** The JSON written for this very asset object, if a page wrote it while the object was held here. */
    synchronized String json(Asset a) {
        Held h = byId.get(a.id());
        return h != null && h.asset == a ? h.json : null;
    }

    /** Keeps the JSON of an asset object while that object is the one held (a newer read drops it). */
    synchronized void keepJson(Asset a, String json) {
        Held h = byId.get(a.id());
        if (h != null && h.asset == a) {
            h.json = json;
        }
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }

    synchronized void clear() {
        byId.clear();
    }
}
