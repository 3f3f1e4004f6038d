package org.yingzhi.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text is cut for searching. Every text is indexed three ways: as Chinese words (SmartChineseAnalyzer, so
 * 人民医院 is 人民 + 医院), as character bigrams (拉萨市人民医院 is 拉萨 萨市 市人 人民 民医 医院, in order, so a phrase of
 * bigrams only matches the characters side by side), and as single characters (for one-character queries). Latin
 * words and numbers are lower-cased in all three.
 */
final class Analyzers {

    static final String WORDS = "words";
    static final String BIGRAMS = "bigrams";
    static final String CHARS = "chars";

    private Analyzers() {
    }

    static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(new CJKWidthFilter(t));
                return new TokenStreamComponents(t, new CJKBigramFilter(s));
            }
        };
    }

    static Analyzer chars() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new LowerCaseFilter(new CJKWidthFilter(t)));
            }
        };
    }

    /**
     * Cuts one sample text with each analyzer, so that the word segmenter's dictionaries (about a second to load)
     * are read at start-up in the background, not by the first upload or import after it.
     */
    static void warmUp(Analyzer a) {
        for (String field : new String[] {"title." + WORDS, "title." + BIGRAMS, "title." + CHARS}) {
            try (TokenStream ts = a.tokenStream(field, "拉萨市人民医院竣工典礼 Lhasa 2008")) {
                ts.reset();
                while (ts.incrementToken()) {
                    // only the cutting matters
                }
                ts.end();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Field names ending in .words, .bigrams, .chars get their analyzer; everything else is a keyword. */
    static Analyzer perField() {
        Analyzer words = new SmartChineseAnalyzer();
        Analyzer bigrams = bigrams();
        Analyzer chars = chars();
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                "title." + WORDS, words, "text." + WORDS, words,
                "title." + BIGRAMS, bigrams, "text." + BIGRAMS, bigrams,
                "title." + CHARS, chars, "text." + CHARS, chars));
    }
}
