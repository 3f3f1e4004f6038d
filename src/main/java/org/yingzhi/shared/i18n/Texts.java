package org.yingzhi.shared.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English text of a coded message, and the way back. Problems, job failure reasons, step errors and metadata
 * warnings are made from a code and arguments; their English text (from {@code messages_en.properties}, the same
 * bundle the pages use) is what is stored and logged, and what the API's {@code detail} says. A page shows them in
 * the reader's language by reading the code and arguments back out of the stored English text (reasons stored
 * before codes existed are matched the same way), so nothing stored had to change.
 */
public final class Texts {

    /** Prefix of the keys of stored reasons (job failures, step errors, metadata warnings). */
    public static final String REASON = "reason.";
    /** Prefix of the keys of problem details. */
    public static final String PROBLEM = "problem.";

    private static final Map<String, String> EN = load();
    private static final List<Parser> PARSERS = parsers();

    /** A code and its arguments, read back from a stored English text. */
    public record Coded(String key, Object[] args) {
    }

    private record Parser(String key, Pattern pattern, int[] order) {
    }

    private Texts() {
    }

    /** The English text of {@code key} with its arguments; the key itself when the bundle lacks it (a test forbids that). */
    public static String en(String key, Object... args) {
        String p = EN.get(key);
        if (p == null) {
            return key;
        }
        return args.length == 0 ? p.replace("''", "'") : new MessageFormat(p, Locale.ROOT).format(args);
    }

    /** The English pattern of a key, or null. */
    public static String pattern(String key) {
        return EN.get(key);
    }

    /**
     * The reason key and arguments a stored English text was made from, if it was made from one of the keys under
     * these prefixes (all reasons when none are given; a warning is not read as a job failure of the same shape).
     */
    public static Optional<Coded> parse(String english, String... prefixes) {
        if (english == null || english.isBlank()) {
            return Optional.empty();
        }
        for (Parser p : PARSERS) {
            if (prefixes.length > 0 && java.util.Arrays.stream(prefixes).noneMatch(x -> p.key().startsWith(x))) {
                continue;
            }
            Matcher m = p.pattern().matcher(english);
            if (m.matches()) {
                int n = 0;
                for (int i : p.order()) {
                    n = Math.max(n, i + 1);
                }
                Object[] args = new Object[n];
                for (int g = 0; g < p.order().length; g++) {
                    args[p.order()[g]] = m.group(g + 1);
                }
                return Optional.of(new Coded(p.key(), args));
            }
        }
        return Optional.empty();
    }

    /** Every key of the English bundle with its text. */
    public static Map<String, String> english() {
        return EN;
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/messages_en.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("messages_en.properties cannot be read", e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        return Map.copyOf(out);
    }

    /**
     * A matcher per reason key: the English pattern with each {n} a group. Longer literal patterns are tried first,
     * so "XMP: {0}" does not swallow a more specific reason.
     */
    private static List<Parser> parsers() {
        List<Parser> out = new ArrayList<>();
        EN.forEach((k, v) -> {
            if (k.startsWith(REASON) || k.startsWith(PROBLEM)) {
                out.add(new Parser(k, toRegex(v), order(v)));
            }
        });
        out.sort((a, b) -> Integer.compare(literalLength(EN.get(b.key())), literalLength(EN.get(a.key()))));
        return List.copyOf(out);
    }

    private static int literalLength(String pattern) {
        return pattern.replaceAll("\\{\\d+[^}]*}", "").length();
    }

    private static int[] order(String pattern) {
        Matcher m = Pattern.compile("\\{(\\d+)[^}]*}").matcher(pattern);
        List<Integer> out = new ArrayList<>();
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static Pattern toRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\d+)[^}]*}").matcher(pattern);
        int at = 0;
        while (m.find()) {
            re.append(Pattern.quote(pattern.substring(at, m.start()).replace("''", "'")));
            re.append("(.*?)");
            at = m.end();
        }
        re.append(Pattern.quote(pattern.substring(at).replace("''", "'")));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
