package org.yingzhi.asset;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import org.yingzhi.search.SearchDocument;
import org.yingzhi.search.SearchSource;
import org.yingzhi.shared.time.CatalogTime;

/** What the search index knows of an asset, read from the catalog. */
@Component
class AssetSearchSource implements SearchSource {

    private static final int BATCH = 500;

    private final AssetRepository repo;
    private final org.springframework.beans.factory.ObjectProvider<AssetLinkFacts> links;
    private final AssetCache cache;

    AssetSearchSource(AssetRepository repo, org.springframework.beans.factory.ObjectProvider<AssetLinkFacts> links,
            AssetCache cache) {
        this.cache = cache;
        this.repo = repo;
        this.links = links;
    }

    private java.util.Map<String, SearchDocument.Links> facts(java.util.Collection<String> ids) {
        AssetLinkFacts f = links.getIfAvailable();
        return f == null ? java.util.Map.of() : f.of(ids);
    }

    @Override
    public String collection() {
        return AssetRepository.COLLECTION;
    }

    @Override
    public Optional<SearchDocument> load(String id) {
        return Optional.ofNullable(loadAll(List.of(id)).get(id));
    }

    /** The listed-assets cache follows every change the index applies. */
    @Override
    public java.util.Map<String, SearchDocument> loadAll(List<String> ids) {
        java.util.Map<String, AssetRepository.Fresh> fresh = AssetRepository.justInserted();
        List<String> valid = ids.stream().filter(ObjectId::isValid).filter(id -> !fresh.containsKey(id)).toList();
        java.util.Map<String, SearchDocument> out = new java.util.HashMap<>();
        List<Asset> now = new ArrayList<>(valid.isEmpty() ? List.of() : repo.findByIds(valid));
        for (String id : ids) {
            AssetRepository.Fresh f = fresh.get(id);
            if (f != null) {
                now.add(f.asset());
            }
        }
        java.util.Map<String, SearchDocument.Links> f = facts(now.stream().map(Asset::id).toList());
        for (Asset a : now) {
            cache.put(a);
            out.put(a.id(), toSearch(a, f.get(a.id())));
        }
        for (String id : ids) {
            if (!out.containsKey(id)) {
                cache.remove(id);
            }
        }
        return out;
    }

    @Override
    public void forEach(Consumer<SearchDocument> each, Runnable allNewerGiven) {
        cache.clear(); // a rebuild: start the cache afresh with the index
        // links are read for a batch of assets at a time, not once per asset
        List<Asset> batch = new ArrayList<>(BATCH);
        repo.forEachNewestFirst(a -> { // newest first: the newest pages can be served before the rebuild ends
            batch.add(a);
            if (batch.size() == BATCH) {
                emit(batch, each);
            }
        }, () -> {
            emit(batch, each);
            allNewerGiven.run();
        });
        emit(batch, each);
    }

    private void emit(List<Asset> batch, Consumer<SearchDocument> each) {
        if (batch.isEmpty()) {
            return;
        }
        java.util.Map<String, SearchDocument.Links> f = facts(batch.stream().map(Asset::id).toList());
        for (Asset a : batch) {
            each.accept(toSearch(a, f.get(a.id())));
        }
        batch.clear();
    }

    @Override
    public long count() {
        return repo.count(new org.bson.Document());
    }

    static SearchDocument toSearch(Asset a) {
        return toSearch(a, null);
    }

    static SearchDocument toSearch(Asset a, SearchDocument.Links links) {
        List<String> texts = new ArrayList<>();
        for (String t : new String[] {a.place(), a.contributorUnit(), a.source(), a.rights(), a.batch(),
                a.original() == null ? null : a.original().fileName()}) {
            if (t != null) {
                texts.add(t);
            }
        }
        for (Asset.Contribution c : a.contributions()) {
            for (String t : new String[] {c.unit(), c.batch(), c.title(), c.place()}) {
                if (t != null) {
                    texts.add(t);
                }
            }
        }
        if (a.photo() != null && a.photo().iptc() != null) {
            var iptc = a.photo().iptc();
            for (String t : new String[] {iptc.caption(), iptc.city(), iptc.byline()}) {
                if (t != null) {
                    texts.add(t);
                }
            }
            if (iptc.keywords() != null) {
                texts.addAll(iptc.keywords());
            }
        }
        Long start = a.captureStart() == null ? null : a.captureStart().toEpochMilli();
        Long end = a.captureEnd() == null ? null : a.captureEnd().toEpochMilli();
        Integer year = a.captureStart() == null ? null
                : ZonedDateTime.ofInstant(a.captureStart(), CatalogTime.ZONE).getYear();
        Instant created = Objects.requireNonNullElse(a.createdAt(), Instant.EPOCH);
        Instant updated = Objects.requireNonNullElse(a.updatedAt(), created);
        Long duration = a.media() == null || a.media().durationMicros() == null ? null : a.media().durationMicros() / 1000;
        return new SearchDocument(a.id(), a.type().name(), a.contributorUnit(), a.status() == null ? null : a.status().name(),
                a.review() == null || a.review().status() == null ? null : a.review().status().name(),
                a.original() == null ? null : a.original().format(), start, end, year, created.toEpochMilli(),
                updated.toEpochMilli(), duration, a.original() == null ? 0 : a.original().size(),
                a.photo() != null && a.photo().gps() != null, a.deleted(), a.keywords(), a.title(), a.description(), texts,
                links);
    }
}
