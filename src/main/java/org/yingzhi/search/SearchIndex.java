package org.yingzhi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene index of {@link SearchDocument}s: the derived, rebuildable projection of the catalog that lists,
 * filters, searches (Chinese words, character bigrams, single characters, Latin words), counts facets and
 * highlights. Never the source of truth: the catalog is; {@link SearchService} keeps this in step with it.
 */
public final class SearchIndex implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);
    static final List<String> FACETS = List.of("type", "unit", "year", "status", "review", "format", "chapter", "person",
            "project", "place");
    /** Gazetteer dimensions: an item may be linked to several chapters, people, projects and places. */
    static final List<String> MULTI = List.of("chapter", "person", "project", "place");
    private static final String APPLIED_UNTIL = "appliedUntil";
    /**
     * What the index's fields are; an index written under another schema is started afresh (and rebuilt from the
     * catalog). 2: the highlighted bigram fields keep their offsets in the postings, so highlighting reads them
     * instead of analysing each hit's text again.
     */
    static final String SCHEMA = "schema";
    static final String SCHEMA_VERSION = "2";
    /** Stored, analysed text with positions and offsets in the postings, for the highlighter. */
    private static final org.apache.lucene.document.FieldType HIGHLIGHTED = TextQueries.HIGHLIGHTED;

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final Analyzer analyzer = Analyzers.perField();
    private final TextQueries texts = new TextQueries(analyzer);
    private volatile SortedSetDocValuesReaderState facetState;
    private volatile DirectoryReader facetReader;

    public SearchIndex(Path path) {
        MULTI.forEach(dim -> facetsConfig.setMultiValued(dim, true));
        try {
            this.dir = FSDirectory.open(path);
            this.writer = openWriter(dir, analyzer, path);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + path, e);
        }
    }

    /**
     * The index is kept sorted newest first, the order of the default listing, so that listing (and its cursor
     * pages) stops after a page's worth of documents in each segment instead of ranking the whole archive.
     */
    static final Sort INDEX_ORDER = new Sort(sortField(SearchQuery.Sort.CREATED, true), new SortField("id", SortField.Type.STRING));

    private static IndexWriter openWriter(Directory dir, Analyzer analyzer, Path path) throws IOException {
        try {
            IndexWriter w = new IndexWriter(dir, config(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            String schema = null;
            boolean written = false;
            for (Map.Entry<String, String> e : w.getLiveCommitData() == null ? List.<Map.Entry<String, String>>of()
                    : w.getLiveCommitData()) {
                written = true;
                if (e.getKey().equals(SCHEMA)) {
                    schema = e.getValue();
                }
            }
            if (written && !SCHEMA_VERSION.equals(schema)) {
                // fields indexed another way cannot be mixed in one index: start afresh, the service rebuilds it
                log.warn("search index in {} has schema {}, this version writes {}; starting it afresh", path, schema,
                        SCHEMA_VERSION);
                w.close();
                return new IndexWriter(dir, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
            }
            return w;
        } catch (IllegalArgumentException e) {
            // An index written before it was kept in this order (Lucene refuses to change an index's sort):
            // it is a derived projection, so start it afresh and let the service rebuild it from the catalog.
            log.warn("search index in {} was written in another order ({}); starting it afresh", path, e.getMessage());
            return new IndexWriter(dir, config(analyzer, IndexWriterConfig.OpenMode.CREATE));
        }
    }

    private static IndexWriterConfig config(Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer).setOpenMode(mode).setIndexSort(INDEX_ORDER);
    }

    // ---- writing

    /** Loads what the text analysis needs (see {@link Analyzers#warmUp}). */
    public void warmUp() {
        Analyzers.warmUp(analyzer);
    }

    public void put(SearchDocument d) throws IOException {
        writer.updateDocument(new Term("id", d.id()), toLucene(d));
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term("id", id));
    }

    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes what was written durable, remembering how far the change log has been applied, and visible. */
    public void commit(long appliedUntil) throws IOException {
        writer.setLiveCommitData(Map.of(APPLIED_UNTIL, Long.toString(appliedUntil), SCHEMA, SCHEMA_VERSION).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes what was written visible to searches without a commit. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** How far the change log had been applied at the last commit; 0 for a new index. */
    public long appliedUntil() {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(APPLIED_UNTIL)) {
                return Long.parseLong(e.getValue());
            }
        }
        return 0;
    }

    /**
     * True once the writer has closed itself after a failed write (Lucene does so on a "tragic" error such as a
     * full disk during a flush): nothing more can be written to it; the service reopens the index.
     */
    public boolean broken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    public long count() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    private Document toLucene(SearchDocument d) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField("id", new BytesRef(d.id())));
        keyword(doc, "type", d.type());
        keyword(doc, "unit", d.unit());
        keyword(doc, "status", d.status());
        keyword(doc, "review", d.review());
        keyword(doc, "format", d.format());
        for (String k : d.keywords()) {
            doc.add(new StringField("keyword", k, Field.Store.NO));
        }
        SearchDocument.Links links = d.links();
        many(doc, "chapter", links.chapters());
        for (String c : links.chapterTree()) {
            doc.add(new StringField("chapterTree", c, Field.Store.NO));
        }
        many(doc, "person", links.people());
        many(doc, "project", links.projects());
        many(doc, "place", links.places());
        doc.add(new StringField("deleted", Boolean.toString(d.deleted()), Field.Store.NO));
        doc.add(new StringField("gps", Boolean.toString(d.hasGps()), Field.Store.NO));
        if (d.year() != null) {
            doc.add(new SortedSetDocValuesFacetField("year", d.year().toString()));
        }
        if (d.captureStart() != null && d.captureEnd() != null) {
            doc.add(new LongPoint("captureStart", d.captureStart()));
            doc.add(new LongPoint("captureEnd", d.captureEnd()));
            doc.add(new NumericDocValuesField("captureStart", d.captureStart()));
        }
        doc.add(new NumericDocValuesField("createdAt", d.createdAt()));
        doc.add(new NumericDocValuesField("updatedAt", d.updatedAt()));
        if (d.durationMillis() != null) {
            doc.add(new NumericDocValuesField("duration", d.durationMillis()));
        }
        doc.add(new NumericDocValuesField("size", d.size()));
        String title = d.title() == null ? "" : d.title();
        doc.add(new SortedDocValuesField("title.sort", new BytesRef(title)));
        doc.add(new TextField("title." + Analyzers.WORDS, title, Field.Store.NO));
        doc.add(new Field("title." + Analyzers.BIGRAMS, title, HIGHLIGHTED));
        doc.add(new TextField("title." + Analyzers.CHARS, title, Field.Store.NO));
        String text = String.join("\n", d.description() == null ? "" : d.description(), String.join("\n", d.keywords()),
                String.join("\n", d.texts()), String.join("\n", links.names()));
        doc.add(new TextField("text." + Analyzers.WORDS, text, Field.Store.NO));
        doc.add(new Field("text." + Analyzers.BIGRAMS, text, HIGHLIGHTED));
        doc.add(new TextField("text." + Analyzers.CHARS, text, Field.Store.NO));
        return facetsConfig.build(doc);
    }

    private static void many(Document doc, String field, List<String> values) {
        for (String v : new java.util.LinkedHashSet<>(values)) {
            doc.add(new StringField(field, v, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(field, v));
        }
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
            if (FACETS.contains(field)) {
                doc.add(new SortedSetDocValuesFacetField(field, value));
            }
        }
    }

    // ---- searching

    public SearchResult search(SearchQuery q) throws IOException {
        Query query = build(q);
        boolean relevance = q.sort() == SearchQuery.Sort.RELEVANCE && q.text() != null && !q.text().isBlank();
        Sort sort = relevance
                ? new Sort(SortField.FIELD_SCORE, new SortField("id", SortField.Type.STRING))
                : new Sort(sortField(q.sort() == SearchQuery.Sort.RELEVANCE ? SearchQuery.Sort.CREATED : q.sort(),
                        q.sort() == SearchQuery.Sort.RELEVANCE || q.descending()), new SortField("id", SortField.Type.STRING));
        FieldDoc after = q.cursor() == null || q.cursor().isBlank() ? null : decodeCursor(q.cursor(), sort);
        int want = after != null ? q.size() : q.offset() + q.size();
        IndexSearcher s = searchers.acquire();
        try {
            // Exact total from a count (cheap: from term statistics or a plain walk, no ranking), so the ranking
            // itself may skip what cannot make the page and stop early where the index order is the sort order.
            // with facets, the one pass that collects the matching documents for counting also gives the total
            FacetsCollector matching = q.facets() ? s.search(query, new FacetsCollectorManager()) : null;
            long total = matching != null ? matching.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum()
                    : s.count(query);
            TopFieldDocs top = s.search(query, new TopFieldCollectorManager(sort, Math.max(1, want), after, Math.max(1, want)));
            List<String> ids = new ArrayList<>();
            List<ScoreDoc> page = new ArrayList<>();
            int start = after != null ? 0 : q.offset();
            for (int i = start; i < top.scoreDocs.length; i++) {
                page.add(top.scoreDocs[i]);
                ids.add(idOf(s, top.scoreDocs[i].doc));
            }
            String next = null;
            if (!page.isEmpty() && (after != null ? 0 : q.offset()) + page.size() < total
                    && page.size() == q.size()) {
                next = encodeCursor((FieldDoc) page.get(page.size() - 1));
            }
            Map<String, Map<String, Long>> facets = matching != null ? facets(s, matching) : Map.of();
            Map<String, String> highlights = q.highlight() && !page.isEmpty() && q.text() != null && !q.text().isBlank()
                    ? highlight(s, query, page, ids) : Map.of();
            return new SearchResult(ids, total, facets, highlights, next);
        } finally {
            searchers.release(s);
        }
    }

    /** A hit's id from its doc values (no stored-fields block to decompress for a page of ids). */
    private static String idOf(IndexSearcher s, int doc) throws IOException {
        List<org.apache.lucene.index.LeafReaderContext> leaves = s.getIndexReader().leaves();
        org.apache.lucene.index.LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        org.apache.lucene.index.SortedDocValues ids = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), "id");
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("an indexed item without an id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    private static SortField sortField(SearchQuery.Sort sort, boolean descending) {
        if (sort == SearchQuery.Sort.TITLE) {
            SortField f = new SortField(sort.field, SortField.Type.STRING, descending);
            f.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
            return f;
        }
        SortField f = new SortField(sort.field, SortField.Type.LONG, descending);
        f.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
        return f;
    }

    Query build(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (q.text() != null && !q.text().isBlank()) {
            Query text = text(q.text());
            if (text != null) {
                b.add(text, Occur.MUST);
                any = true;
            }
        }
        any |= filter(b, "type", q.type());
        any |= filter(b, "unit", q.unit());
        any |= filter(b, "status", q.status());
        any |= filter(b, "review", q.review());
        any |= filter(b, "format", q.format());
        any |= filter(b, "keyword", q.keyword());
        SearchQuery.Gazetteer g = q.gazetteer();
        any |= filter(b, g.subtree() ? "chapterTree" : "chapter", g.chapter());
        any |= filter(b, "person", g.person());
        any |= filter(b, "project", g.project());
        any |= filter(b, "place", g.place());
        if (!q.includeDeleted()) {
            b.add(new TermQuery(new Term("deleted", "true")), Occur.MUST_NOT);
        }
        if (q.hasGps() != null) {
            b.add(new TermQuery(new Term("gps", q.hasGps().toString())), Occur.FILTER);
            any = true;
        }
        // the capture span overlaps [from, to): it ends after from and starts before to
        if (q.from() != null) {
            b.add(LongPoint.newRangeQuery("captureEnd", q.from() + 1, Long.MAX_VALUE), Occur.FILTER);
            any = true;
        }
        if (q.to() != null) {
            b.add(LongPoint.newRangeQuery("captureStart", Long.MIN_VALUE, q.to() - 1), Occur.FILTER);
            any = true;
        }
        if (!any) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    private static boolean filter(BooleanQuery.Builder b, String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        b.add(new TermQuery(new Term(field, value.strip())), Occur.FILTER);
        return true;
    }

    /** The text query (see {@link TextQueries}). */
    Query text(String text) {
        return texts.text(text);
    }

    private Map<String, Map<String, Long>> facets(IndexSearcher s, FacetsCollector fc) throws IOException {
        SortedSetDocValuesReaderState state = facetState(s);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (state == null) {
            return out;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            try {
                FacetResult r = counts.getTopChildren(200, dim);
                if (r != null) {
                    for (LabelAndValue lv : r.labelValues) {
                        values.put(lv.label, lv.value.longValue());
                    }
                }
            } catch (IllegalArgumentException noSuchDimension) {
                // no document has a value for it yet
            }
            out.put(dim, values);
        }
        return out;
    }

    /** The facet ordinals of a reader are computed once per reader (after a refresh, once more). */
    private SortedSetDocValuesReaderState facetState(IndexSearcher s) throws IOException {
        DirectoryReader r = (DirectoryReader) s.getIndexReader();
        synchronized (this) {
            if (facetReader != r) {
                try {
                    facetState = new DefaultSortedSetDocValuesReaderState(r, facetsConfig);
                } catch (IllegalArgumentException empty) {
                    facetState = null;
                }
                facetReader = r;
            }
            return facetState;
        }
    }

    private Map<String, String> highlight(IndexSearcher s, Query query, List<ScoreDoc> page, List<String> ids)
            throws IOException {
        UnifiedHighlighter h = UnifiedHighlighter.builder(s, analyzer).withMaxLength(2000)
                // the query's terms looked up in the offsets the postings keep, not a Weight.matches() walk per document
                // (two thirds of a search's time under load went there; issue 19)
                .withWeightMatches(false).build();
        int[] docs = page.stream().mapToInt(d -> d.doc).toArray();
        Map<String, String> out = new LinkedHashMap<>();
        // both fields in one call: the page's documents are loaded and their matches found once
        Map<String, String[]> both = h.highlightFields(new String[] {"title." + Analyzers.BIGRAMS,
                "text." + Analyzers.BIGRAMS}, query, docs, new int[] {1, 1});
        String[] titles = both.get("title." + Analyzers.BIGRAMS);
        String[] texts = both.get("text." + Analyzers.BIGRAMS);
        for (int i = 0; i < docs.length; i++) {
            String v = texts[i] != null && texts[i].contains("<b>") ? texts[i] : titles[i];
            if (v != null && v.contains("<b>")) {
                // the indexed text is several fields a line each: show the lines that matched, not all of them
                out.put(ids.get(i), String.join(" … ", v.lines().filter(l -> l.contains("<b>")).distinct().limit(3).toList()));
            }
        }
        return out;
    }

    // ---- cursors: the last hit's sort values, so the next page starts right after it however deep it is

    private static String encodeCursor(FieldDoc d) {
        StringBuilder sb = new StringBuilder();
        for (Object f : d.fields) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            if (f instanceof Long l) {
                sb.append('L').append(l);
            } else if (f instanceof Float fl) {
                sb.append('F').append(Float.floatToIntBits(fl));
            } else if (f instanceof BytesRef br) {
                sb.append('S').append(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        java.util.Arrays.copyOfRange(br.bytes, br.offset, br.offset + br.length)));
            } else if (f == null) {
                sb.append('N');
            } else {
                throw new IllegalStateException("cannot page after a " + f.getClass());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static FieldDoc decodeCursor(String cursor, Sort sort) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = s.split("\\|", -1);
            if (parts.length != sort.getSort().length) {
                throw new IllegalArgumentException("the cursor belongs to another sort");
            }
            Object[] fields = new Object[parts.length];
            float score = Float.NaN;
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i];
                fields[i] = switch (p.charAt(0)) {
                    case 'L' -> Long.parseLong(p.substring(1));
                    case 'F' -> Float.intBitsToFloat(Integer.parseInt(p.substring(1)));
                    case 'S' -> new BytesRef(Base64.getUrlDecoder().decode(p.substring(1)));
                    case 'N' -> null;
                    default -> throw new IllegalArgumentException("bad cursor");
                };
                if (fields[i] instanceof Float f) {
                    score = f;
                }
            }
            return new FieldDoc(Integer.MAX_VALUE, score, fields);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor is not one this server gave out: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        dir.close();
    }
}
