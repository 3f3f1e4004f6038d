package org.yingzhi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relevance, filters, facets and paging of the Lucene index, on hand-made documents (no catalog, no Spring). */
class SearchIndexTest {

    @TempDir
    Path dir;
    SearchIndex index;

    private static SearchDocument doc(String id, String type, String unit, String title, String description, int year,
            long created) {
        long start = java.time.LocalDate.of(year, 6, 1).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)).toEpochMilli();
        return new SearchDocument(id, type, unit, "READY", "PENDING", type.equals("PHOTO") ? "jpeg" : "mov", start,
                start + 86_400_000L, year, created, created, null, 1000, type.equals("PHOTO"), false, List.of("援藏"),
                title, description, List.of());
    }

    private static SearchQuery q(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.RELEVANCE, true, 0, 50, null, true, true);
    }

    @BeforeEach
    void fill() throws Exception {
        index = new SearchIndex(dir);
        index.put(doc("a", "VIDEO", "省广播电视局", "拉萨市人民医院竣工典礼", "援藏干部出席", 2008, 1));
        index.put(doc("b", "PHOTO", "援藏工作队", "人民广场", "新建的医院对面", 2009, 2));
        index.put(doc("c", "PHOTO", "援藏工作队", "萨拉热窝来访", "外宾参观", 2010, 3));
        index.put(doc("d", "VIDEO", "援疆前方指挥部", "Lhasa Hospital opening", "English title", 2011, 4));
        index.put(doc("e", "AUDIO", "省广播电视局", "运算符", "{\"$gt\":\"\"} 不是查询语法", 2012, 5));
        index.commit(42);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void aWordRanksCharactersSideBySideAboveCharactersApart() throws Exception {
        SearchResult r = index.search(q("人民医院"));
        assertEquals(List.of("a", "b"), r.ids(), "a holds 人民医院; b holds 人民 and 医院 apart");
        assertEquals("拉萨市<b>人民医院</b>竣工典礼", r.highlights().get("a"), "the matched line of the title");
    }

    @Test
    void placeNamesDoNotMatchTheirCharactersReversed() throws Exception {
        SearchResult lhasa = index.search(q("拉萨"));
        assertEquals(List.of("a"), lhasa.ids(), "拉萨 is not 萨拉");
        assertEquals("<b>拉萨</b>市人民医院竣工典礼", lhasa.highlights().get("a"));
        SearchResult visit = index.search(q("外宾"));
        assertEquals("<b>外宾</b>参观", visit.highlights().get("c"), "only the line of the text that matched");
        assertEquals(List.of("c"), index.search(q("萨拉")).ids());
        assertEquals(List.of("a", "c"), sorted(index.search(q("萨")).ids()), "one character matches wherever it stands");
    }

    @Test
    void aQuotedPhraseMatchesOnlyThePhrase() throws Exception {
        assertEquals(List.of("a"), index.search(q("\"人民医院\"")).ids());
        assertEquals(List.of(), index.search(q("\"医院人民\"")).ids());
    }

    @Test
    void latinIsCaseInsensitiveAndOperatorsAreJustText() throws Exception {
        assertEquals(List.of("d"), index.search(q("LHASA")).ids());
        assertEquals(List.of("d"), index.search(q("hospital Opening")).ids());
        assertEquals(List.of("e"), index.search(q("{\"$gt\":\"\"}")).ids());
        assertEquals(5, index.search(q("   ")).total(), "no words: everything");
    }

    @Test
    void filtersFacetsAndDates() throws Exception {
        SearchQuery photos = new SearchQuery(null, "PHOTO", null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.CREATED, true, 0, 50, null, true, false);
        SearchResult r = index.search(photos);
        assertEquals(List.of("c", "b"), r.ids(), "newest first");
        assertEquals(2, r.total());
        assertEquals(r.total(), r.facets().get("type").get("PHOTO"), "facet counts equal the filtered total");
        assertEquals(2L, r.facets().get("unit").get("援藏工作队"));
        SearchResult all = index.search(q(null));
        assertEquals(5, all.total());
        assertEquals(all.total(), all.facets().get("type").values().stream().mapToLong(Long::longValue).sum());
        long from = java.time.LocalDate.of(2009, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)).toEpochMilli();
        long to = java.time.LocalDate.of(2011, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)).toEpochMilli();
        SearchResult range = index.search(new SearchQuery(null, null, null, null, null, null, null, from, to, null, false,
                SearchQuery.Sort.CAPTURED, false, 0, 50, null, false, false));
        assertEquals(List.of("b", "c"), range.ids());
        assertEquals(1, index.search(new SearchQuery(null, null, null, null, null, null, null, null, null, true, false,
                SearchQuery.Sort.CREATED, true, 0, 50, null, false, false)).total() - 1, "two photos with GPS");
    }

    @Test
    void cursorsPageAnyDepthLikeOffsets() throws Exception {
        for (int i = 0; i < 45; i++) {
            index.put(doc("p" + i, "PHOTO", "援藏工作队", "第" + i + "张", "林芝", 2000 + i % 20, 100 + i / 3));
        }
        index.commit(43);
        List<String> byOffset = index.search(new SearchQuery("林芝", null, null, null, null, null, null, null, null, null,
                false, SearchQuery.Sort.CREATED, true, 0, 45, null, false, false)).ids();
        List<String> byCursor = new ArrayList<>();
        String cursor = null;
        do {
            SearchResult page = index.search(new SearchQuery("林芝", null, null, null, null, null, null, null, null, null,
                    false, SearchQuery.Sort.CREATED, true, 0, 10, cursor, false, false));
            byCursor.addAll(page.ids());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(45, byOffset.size());
        assertEquals(byOffset, byCursor);
        assertEquals(43, index.appliedUntil());
        index.delete("p0");
        index.refresh();
        assertFalse(index.search(q("第0张")).ids().contains("p0"));
        assertNull(index.search(new SearchQuery("林芝", null, null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.CREATED, true, 0, 50, null, false, false)).nextCursor(), "one page: no cursor");
    }

    @Test
    void newestFirstStopsEarlyInEverySegmentYetTotalsStayExact() throws Exception {
        for (int i = 0; i < 300; i++) {
            // written oldest first, in three segments, and updated out of order: the worst case for ranking
            index.put(doc("n" + i, i % 3 == 0 ? "PHOTO" : "VIDEO", "援藏工作队", "第" + i + "条", "日喀则", 2000 + i % 20, 1000 + i));
            if (i % 100 == 99) {
                index.commit(50 + i);
            }
        }
        index.put(doc("n7", "VIDEO", "援藏工作队", "第7条（改）", "日喀则", 2007, 5000));
        index.commit(400);
        SearchQuery newest = new SearchQuery(null, null, null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.CREATED, true, 0, 4, null, false, false);
        SearchResult r = index.search(newest);
        assertEquals(List.of("n7", "n299", "n298", "n297"), r.ids());
        assertEquals(305, r.total(), "exact, although ranking stopped after a page");
        SearchResult photos = index.search(new SearchQuery(null, "PHOTO", null, null, null, null, null, null, null, null,
                false, SearchQuery.Sort.CREATED, true, 0, 2, null, false, false));
        assertEquals(List.of("n297", "n294"), photos.ids());
        assertEquals(100 + 2, photos.total(), "every third of the 300, and b and c");
        SearchResult next = index.search(new SearchQuery(null, null, null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.CREATED, true, 0, 4, r.nextCursor(), false, false));
        assertEquals(List.of("n296", "n295", "n294", "n293"), next.ids());
        assertEquals(305, next.total());
    }

    @Test
    void anIndexWrittenInAnotherOrderStartsAfreshInsteadOfFailing(@TempDir Path old) throws Exception {
        try (var w = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(old),
                new org.apache.lucene.index.IndexWriterConfig())) {
            org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
            d.add(new org.apache.lucene.document.StringField("id", "x", org.apache.lucene.document.Field.Store.YES));
            w.addDocument(d);
            w.commit();
        }
        try (SearchIndex reopened = new SearchIndex(old)) {
            assertEquals(0, reopened.count(), "empty: the service rebuilds it from the catalog");
            assertEquals(0, reopened.appliedUntil());
            reopened.put(doc("z", "PHOTO", "援藏工作队", "新的", "", 2020, 1));
            reopened.commit(1);
            assertEquals(List.of("z"), reopened.search(q("新的")).ids());
        }
    }

    private static List<String> sorted(List<String> ids) {
        List<String> s = new ArrayList<>(ids);
        s.sort(null);
        return s;
    }

    /** An index written under an older schema (no schema mark) is started afresh, so the service rebuilds it. */
    @Test
    void anIndexOfAnotherSchemaStartsAfresh() throws Exception {
        assertEquals(42, index.appliedUntil());
        index.close();
        SearchIndex again = new SearchIndex(dir);
        assertEquals(42, again.appliedUntil(), "the same schema: kept");
        assertEquals(5, again.count());
        again.close();
        try (var d = org.apache.lucene.store.FSDirectory.open(dir);
                var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig()
                        .setIndexSort(SearchIndex.INDEX_ORDER))) {
            w.setLiveCommitData(java.util.Map.of("appliedUntil", "42").entrySet()); // as version 1 wrote it
            w.commit();
        }
        index = new SearchIndex(dir);
        assertEquals(0, index.appliedUntil(), "an older schema: nothing applied, so it is rebuilt");
        assertEquals(0, index.count());
    }
}
