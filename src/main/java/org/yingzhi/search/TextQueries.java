package org.yingzhi.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * How both indexes (the catalog's and the passages') search text in their {@code title.*} and {@code text.*}
 * fields: every word or "quoted phrase" must match. A word matches as its characters side by side (bigram phrase,
 * scored highest), or as all of its Chinese words anywhere; a quoted phrase only side by side; one Chinese
 * character as that character. Titles count double. Text is never parsed as query syntax.
 */
final class TextQueries {

    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    /** Stored, analysed text with positions and offsets in the postings, for the highlighter. */
    static final FieldType HIGHLIGHTED = highlighted();

    private static FieldType highlighted() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private final Analyzer analyzer;
    private final QueryBuilder words;

    TextQueries(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.words = new QueryBuilder(analyzer);
    }

    /** The query of a searched text, or null when nothing in it can match. */
    Query text(String text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        Matcher m = TOKEN.matcher(text);
        boolean any = false;
        while (m.find()) {
            boolean quoted = m.group(1) != null;
            String t = (quoted ? m.group(1) : m.group(2)).strip();
            if (t.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder one = new BooleanQuery.Builder();
            boolean matchable = false;
            boolean oneChar = t.codePointCount(0, t.length()) == 1 && Character.isIdeographic(t.codePointAt(0));
            for (String scope : List.of("title", "text")) {
                float boost = scope.equals("title") ? 2f : 1f;
                if (oneChar) {
                    one.add(new BoostQuery(new TermQuery(new Term(scope + "." + Analyzers.CHARS, t)), boost), Occur.SHOULD);
                    matchable = true;
                    continue;
                }
                Query phrase = words.createPhraseQuery(scope + "." + Analyzers.BIGRAMS, t);
                if (phrase != null) {
                    one.add(new BoostQuery(phrase, 4f * boost), Occur.SHOULD);
                    matchable = true;
                }
            }
            if (!quoted && !oneChar) {
                // every Chinese word of it somewhere in the title or the text
                List<String> terms = terms("text." + Analyzers.WORDS, t);
                if (!terms.isEmpty()) {
                    BooleanQuery.Builder allWords = new BooleanQuery.Builder();
                    for (String w : terms) {
                        allWords.add(new BooleanQuery.Builder()
                                .add(new BoostQuery(new TermQuery(new Term("title." + Analyzers.WORDS, w)), 2f), Occur.SHOULD)
                                .add(new TermQuery(new Term("text." + Analyzers.WORDS, w)), Occur.SHOULD).build(), Occur.MUST);
                    }
                    one.add(allWords.build(), Occur.SHOULD);
                    matchable = true;
                }
            }
            if (matchable) {
                all.add(one.build(), Occur.MUST);
                any = true;
            }
        }
        return any ? all.build() : null;
    }

    /** The terms the analyzer makes of a text for a field. */
    private List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
