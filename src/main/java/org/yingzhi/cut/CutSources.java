package org.yingzhi.cut;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.asset.Timebase;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.MediaStore;

/**
 * What a cut's exports and renders know of its entries' assets ({@link CutSource}), and a cut laid out for
 * background work (the rough-cut render) from the assets that exist and are not deleted. Depends only on the
 * catalog reader and the store, so job handlers can use it.
 */
@Component
class CutSources {

    private final AssetReader assets;
    private final MediaStore store;

    CutSources(AssetReader assets, MediaStore store) {
        this.assets = assets;
        this.store = store;
    }

    /** What the exports know of an asset (links only where a shot list needs them). */
    public CutSource source(Asset a, List<CutSource.Linked> linked) {
        Timebase tb = a.timebase().orElseThrow(() -> ApiException.invalid("cut.noTimebase", 0, a.title()));
        MediaInfo m = a.media();
        MediaInfo.MediaStream v = m == null || m.streams() == null ? null
                : m.streams().stream().filter(s -> "video".equals(s.kind())).findFirst().orElse(null);
        MediaInfo.MediaStream au = m == null || m.streams() == null ? null
                : m.streams().stream().filter(s -> "audio".equals(s.kind())).findFirst().orElse(null);
        String path = null;
        try {
            path = store.original(a.original().sha256(), a.original().ext()).toAbsolutePath().toString();
        } catch (IllegalArgumentException e) {
            // an original without a stored file: the exports name the clip without a path
        }
        return new CutSource(a.id(), a.title(), a.original().fileName(), path, a.original().sha256(),
                a.contributorUnit(), a.rights(), a.type().name(), tb.start(), tb.durationFrames(), tb.sourceTimecode(),
                v != null, v == null || v.width() == null ? 0 : v.width(), v == null || v.height() == null ? 0 : v.height(),
                channels(a), au == null || au.sampleRate() == null ? 48000 : au.sampleRate(), tapeName(a), linked,
                org.yingzhi.asset.AssetReviews.approved(a));
    }

    static String tapeName(Asset a) {
        Map<String, String> tags = a.media() == null ? null : a.media().tags();
        if (tags == null) {
            return null;
        }
        String t = tags.get("reel_name");
        return t == null || t.isBlank() ? null : t.strip();
    }

    static int channels(Asset a) {
        if (a.media() == null || a.media().streams() == null) {
            return 0;
        }
        return a.media().streams().stream().filter(s -> "audio".equals(s.kind()))
                .mapToInt(s -> s.channels() == null ? 1 : s.channels()).sum();
    }


    /** The cut laid out from the assets that exist and are not deleted (for background work, without a reader). */
    CutSheet systemSheet(Cut c) {
        Map<String, Asset> byId = new HashMap<>();
        for (Asset a : assets.findByIds(c.entries().stream().map(CutEntry::asset).distinct().toList())) {
            if (!a.deleted()) {
                byId.put(a.id(), a);
            }
        }
        Map<String, CutSource> sources = new HashMap<>();
        for (Asset a : byId.values()) {
            if (a.timebase().isPresent()) {
                sources.put(a.id(), source(a, null));
            }
        }
        return CutSheet.of(c.keeping(e -> sources.containsKey(e.asset())), sources);
    }
}
