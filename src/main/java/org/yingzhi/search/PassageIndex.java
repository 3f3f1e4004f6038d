package org.yingzhi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene index of {@link Passage}s (transcript cues and index segments) with the catalog search's Chinese
 * analysis: words, character bigrams (phrases), single characters. Derived and rebuildable, like the catalog index.
 */
final class PassageIndex implements AutoCloseable {

    private static final char OPEN = '\u0001';
    private static final char CLOSE = '\u0002';
    private static final org.apache.lucene.document.FieldType HIGHLIGHTED = TextQueries.HIGHLIGHTED;

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = Analyzers.perField();
    private final TextQueries texts = new TextQueries(analyzer);

    PassageIndex(Path path) {
        try {
            this.dir = FSDirectory.open(path);
            IndexWriterConfig c = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(dir, c);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the passage index in " + path, e);
        }
    }

    /** Replaces every passage of an owner with these (none: the owner is gone). */
    void replace(String owner, List<Passage> passages) throws IOException {
        writer.deleteDocuments(new Term("owner", owner));
        for (Passage p : passages) {
            writer.addDocument(doc(p));
        }
    }

    void clear() throws IOException {
        writer.deleteAll();
    }

    private static Document doc(Passage p) {
        Document d = new Document();
        d.add(new StringField("id", p.id(), Field.Store.YES));
        d.add(new StringField("owner", p.owner(), Field.Store.YES));
        d.add(new StringField("asset", p.asset(), Field.Store.YES));
        d.add(new StringField("kind", p.kind(), Field.Store.YES));
        d.add(new StoredField("start", p.startMillis()));
        d.add(new StoredField("end", p.endMillis()));
        d.add(new NumericDocValuesField("start", p.startMillis()));
        if (p.speaker() != null) {
            d.add(new StoredField("speaker", p.speaker()));
        }
        String title = p.title() == null ? "" : p.title();
        d.add(new Field("title." + Analyzers.BIGRAMS, title, HIGHLIGHTED));
        d.add(new TextField("title." + Analyzers.WORDS, title, Field.Store.NO));
        d.add(new TextField("title." + Analyzers.CHARS, title, Field.Store.NO));
        d.add(new Field("text." + Analyzers.BIGRAMS, p.text(), HIGHLIGHTED));
        d.add(new TextField("text." + Analyzers.WORDS, p.text(), Field.Store.NO));
        d.add(new TextField("text." + Analyzers.CHARS, p.text(), Field.Store.NO));
        StringBuilder filters = new StringBuilder();
        for (Map.Entry<String, List<String>> f : p.filters().entrySet()) {
            for (String v : f.getValue()) {
                d.add(new StringField("f." + f.getKey(), v, Field.Store.NO));
                filters.append(f.getKey()).append('\u001F').append(v).append('\u001E');
            }
        }
        d.add(new StoredField("filters", filters.toString()));
        return d;
    }

    void commit() throws IOException {
        writer.commit();
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    long count() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    PassageHit.Page search(PassageQuery q) throws IOException {
        long t0 = System.nanoTime();
        Query text = q.text() == null ? null : texts.text(q.text());
        if (text == null) {
            return new PassageHit.Page(List.of(), 0, 0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        q.require().forEach((k, v) -> b.add(new TermQuery(new Term("f." + k, v)), Occur.FILTER));
        q.anyOf().forEach((k, vs) -> {
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            vs.forEach(v -> one.add(new TermQuery(new Term("f." + k, v)), Occur.SHOULD));
            b.add(vs.isEmpty() ? new org.apache.lucene.search.MatchNoDocsQuery() : one.build(), Occur.FILTER);
        });
        q.exclude().forEach((k, vs) -> vs.forEach(v -> b.add(new TermQuery(new Term("f." + k, v)), Occur.MUST_NOT)));
        Query query = b.build();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(query, Math.max(1, q.limit()));
            List<PassageHit> hits = new ArrayList<>();
            if (top.scoreDocs.length > 0) {
                UnifiedHighlighter h = UnifiedHighlighter.builder(s, analyzer).withMaxLength(10_000)
                        .withWeightMatches(false).withFormatter(new DefaultPassageFormatter(String.valueOf(OPEN),
                                String.valueOf(CLOSE), " … ", false)).build();
                int[] docs = new int[top.scoreDocs.length];
                for (int i = 0; i < docs.length; i++) {
                    docs[i] = top.scoreDocs[i].doc;
                }
                Map<String, String[]> both = h.highlightFields(new String[] {"text." + Analyzers.BIGRAMS,
                        "title." + Analyzers.BIGRAMS}, query, docs, new int[] {2, 1});
                String[] texts = both.get("text." + Analyzers.BIGRAMS);
                for (int i = 0; i < docs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    Document d = s.storedFields().document(sd.doc);
                    Passage p = passage(d);
                    String marked = texts[i] != null && texts[i].indexOf(OPEN) >= 0 ? texts[i] : null;
                    hits.add(new PassageHit(p, parts(marked != null ? marked : p.text()), sd.score));
                }
            }
            long total = top.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO
                    ? top.totalHits.value : s.count(query);
            return new PassageHit.Page(hits, total, (System.nanoTime() - t0) / 1000);
        } finally {
            searchers.release(s);
        }
    }

    private static Passage passage(Document d) {
        Map<String, List<String>> filters = new HashMap<>();
        String f = d.get("filters");
        if (f != null) {
            for (String pair : f.split("\u001E")) {
                int k = pair.indexOf('\u001F');
                if (k > 0) {
                    filters.computeIfAbsent(pair.substring(0, k), x -> new ArrayList<>()).add(pair.substring(k + 1));
                }
            }
        }
        String title = d.get("title." + Analyzers.BIGRAMS);
        return new Passage(d.get("id"), d.get("owner"), d.get("asset"), d.getField("start").numericValue().longValue(),
                d.getField("end").numericValue().longValue(), d.get("kind"), d.get("speaker"),
                title == null || title.isEmpty() ? null : title, d.get("text." + Analyzers.BIGRAMS), filters);
    }

    static List<PassageHit.Part> parts(String marked) {
        List<PassageHit.Part> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean hit = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN || c == CLOSE) {
                if (b.length() > 0) {
                    out.add(new PassageHit.Part(b.toString(), hit));
                    b.setLength(0);
                }
                hit = c == OPEN;
                continue;
            }
            b.append(c);
        }
        if (b.length() > 0) {
            out.add(new PassageHit.Part(b.toString(), hit));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        dir.close();
    }
}
