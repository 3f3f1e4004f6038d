package org.yingzhi.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Index keys for Chinese and Latin text without {@code $text} (which the embedded server lacks): every Han
 * character and every pair of neighbouring Han characters, plus lower-cased Latin words and numbers. A query
 * matches a document when the document holds all of the query's keys ({@code $all}).
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** Keys to store for a document's texts. */
    public static Set<String> index(Iterable<String> texts) {
        Set<String> keys = new LinkedHashSet<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            for (String run : runs(t)) {
                if (isHan(run.codePointAt(0))) {
                    int[] cps = run.codePoints().toArray();
                    for (int i = 0; i < cps.length; i++) {
                        keys.add(new String(cps, i, 1));
                        if (i + 1 < cps.length) {
                            keys.add(new String(cps, i, 2));
                        }
                    }
                } else {
                    keys.add(run);
                }
            }
        }
        return keys;
    }

    /** Keys a query must all match: Han runs as bigrams (a single character as itself), words as themselves. */
    public static List<String> query(String q) {
        Set<String> keys = new LinkedHashSet<>();
        if (q != null) {
            for (String run : runs(q)) {
                int[] cps = run.codePoints().toArray();
                if (isHan(cps[0]) && cps.length > 1) {
                    for (int i = 0; i + 1 < cps.length; i++) {
                        keys.add(new String(cps, i, 2));
                    }
                } else {
                    keys.add(run);
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** Splits into runs of Han characters and runs of letters/digits; everything else separates. */
    private static List<String> runs(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int curKind = 0; // 1 = Han, 2 = word
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int kind = isHan(cp) ? 1 : Character.isLetterOrDigit(cp) ? 2 : 0;
            if (kind != curKind && cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            curKind = kind;
            if (kind != 0) {
                cur.appendCodePoint(cp);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
