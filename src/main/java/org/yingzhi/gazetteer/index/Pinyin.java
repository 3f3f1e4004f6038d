package org.yingzhi.gazetteer.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Search keys for Chinese names: the pinyin initials ({@code zxm} for 张晓明) and the full pinyin without tones
 * ({@code zhangxiaoming}). Characters with several readings contribute each reading's initial, so 单 (shan, dan)
 * is found either way. Latin letters and digits are kept as they are, lower-cased.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** Initials (every combination of readings, at most 16) and the full pinyin of the first reading. */
    public static List<String> keys(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        List<String> initials = new ArrayList<>(List.of(""));
        StringBuilder full = new StringBuilder();
        for (char c : name.strip().toCharArray()) {
            String[] readings = readings(c);
            if (readings.length == 0) {
                if (Character.isLetterOrDigit(c)) {
                    String s = String.valueOf(Character.toLowerCase(c));
                    initials.replaceAll(i -> i + s);
                    full.append(s);
                }
                continue;
            }
            Set<Character> firsts = new LinkedHashSet<>();
            for (String r : readings) {
                firsts.add(r.charAt(0));
            }
            List<String> next = new ArrayList<>();
            for (String i : initials) {
                for (char f : firsts) {
                    if (next.size() < 16) {
                        next.add(i + f);
                    }
                }
            }
            initials = next;
            full.append(readings[0]);
        }
        Set<String> out = new LinkedHashSet<>(initials);
        out.add(full.toString());
        out.remove("");
        return List.copyOf(out);
    }

    /** Whether a query is pinyin (Latin letters only) rather than Chinese text. */
    public static boolean isPinyinQuery(String q) {
        return q != null && q.strip().toLowerCase(Locale.ROOT).matches("[a-z]+");
    }

    private static String[] readings(char c) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return new String[0];
        }
        try {
            String[] r = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return r == null ? new String[0] : new LinkedHashSet<>(List.of(r)).toArray(String[]::new);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            return new String[0];
        }
    }
}
