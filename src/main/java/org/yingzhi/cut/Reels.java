package org.yingzhi.cut;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reel names for an EDL: the tape name a file carries, else a short name made from the file name (letters, digits
 * and '_' in upper case), within a length (8 for CMX3600, longer where Resolve and Premiere read it), unique within
 * one EDL: two assets never share a reel, or a conform would take one for the other.
 */
final class Reels {

    private Reels() {
    }

    static Map<String, String> of(List<CutSource> sources, int length) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        Map<String, Integer> counters = new HashMap<>();
        for (CutSource s : sources) {
            if (out.containsKey(s.asset())) {
                continue;
            }
            String base = base(s, length);
            String name = base;
            while (taken.contains(name)) {
                int n = counters.merge(base, 1, Integer::sum);
                String suffix = String.valueOf(n);
                name = base.substring(0, Math.min(base.length(), length - suffix.length())) + suffix;
            }
            taken.add(name);
            out.put(s.asset(), name);
        }
        return out;
    }

    /** What the asset would be called before uniqueness: its tape name, else its file name, cleaned and cut. */
    static String base(CutSource s, int length) {
        String raw = s.tapeName() != null && !s.tapeName().isBlank() ? s.tapeName() : stem(s.fileName());
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                sb.append(c);
            } else if ((c == ' ' || c == '-' || c == '.') && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        String name = sb.toString().replaceAll("_+$", "");
        if (name.isEmpty()) {
            // a name in Chinese only: the asset id's first characters, which the reader matches back
            name = "YZ" + s.asset().substring(0, Math.min(s.asset().length(), Math.max(1, length - 2))).toUpperCase(Locale.ROOT);
        }
        return name.length() > length ? name.substring(0, length) : name;
    }

    static String stem(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
