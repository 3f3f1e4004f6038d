package org.yingzhi.shared.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.yingzhi.asset.AssetStatus;
import org.yingzhi.asset.AssetType;
import org.yingzhi.asset.ContentSniffer;
import org.yingzhi.asset.ReviewStatus;
import org.yingzhi.asset.Step;
import org.yingzhi.asset.StepStatus;
import org.yingzhi.gazetteer.index.EntryKind;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.job.JobStatus;
import org.yingzhi.security.Role;

/**
 * The message bundles are complete and in sync (after Spring PetClinic's I18nPropertiesSyncTest): both have the same
 * keys; every value of an enum the pages show, every problem code the code raises, every key a template names and
 * every stored reason has a message in both; and no page or script carries text of its own, in Chinese or English,
 * outside the bundles.
 */
class MessagesSyncTest {

    static final Path RES = Path.of("src/main/resources");
    static final Path JAVA = Path.of("src/main/java");
    static final Properties ZH = load("messages.properties");
    static final Properties EN = load("messages_en.properties");

    static Properties load(String name) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    static List<String> missing(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (!ZH.containsKey(k)) {
                out.add(k + " (zh)");
            }
            if (!EN.containsKey(k)) {
                out.add(k + " (en)");
            }
        }
        return out;
    }

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> onlyZh = new TreeSet<>(ZH.stringPropertyNames());
        onlyZh.removeAll(EN.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(EN.stringPropertyNames());
        onlyEn.removeAll(ZH.stringPropertyNames());
        assertEquals(Set.of(), onlyZh, "keys only in messages.properties");
        assertEquals(Set.of(), onlyEn, "keys only in messages_en.properties");
    }

    /** The enums the pages show, with the prefix of their keys. */
    static final Map<String, Enum<?>[]> ENUMS = Map.of(
            "value.status.", AssetStatus.values(), "value.type.", AssetType.values(),
            "value.review.", ReviewStatus.values(), "value.step.", StepStatus.values(),
            "value.job.", JobStatus.values(), "role.", Role.values(), "target.", LinkTarget.values(),
            "index.kind.", EntryKind.values());

    @Test
    void everyEnumValueShownHasAMessage() {
        List<String> keys = new ArrayList<>();
        ENUMS.forEach((prefix, values) -> Stream.of(values).forEach(v -> keys.add(prefix + v.name())));
        Stream.of(Step.values()).forEach(s -> keys.add("step." + s.key()));
        assertEquals(List.of(), missing(keys));
    }

    /** Codes given to ApiException.coded and Problems.write, and the generic codes of the statuses raised. */
    static Set<String> problemCodes() throws IOException {
        Set<String> codes = new TreeSet<>(List.of("notFound", "internal", "status.400", "status.500"));
        Pattern coded = Pattern.compile("(?:coded\\(\\s*HttpStatus\\.\\w+,\\s*\"[^\"]*\",\\s*|Problems\\.write\\(\\s*res,\\s*\\d+,\\s*\"[^\"]*\",\\s*)\"([\\w.]+)\"");
        Pattern status = Pattern.compile("new ApiException\\(HttpStatus\\.(\\w+)");
        Pattern policy = Pattern.compile("Decision\\.deny\\(\\s*\"(\\w+)\"");
        Pattern value = Pattern.compile("CodedArgumentException\\(\\s*\"([\\w.]+)\"");
        // ApiException.invalid("code", ...) and invalid(cond ? "one" : "other", ...)
        Pattern invalid = Pattern.compile("invalid\\((?:[^\";]*?\\?\\s*)?\"([\\w.]+)\"(?:\\s*:\\s*\"([\\w.]+)\")?");
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String s = Files.readString(f);
                Matcher m = coded.matcher(s);
                while (m.find()) {
                    codes.add(m.group(1));
                }
                m = invalid.matcher(s);
                while (m.find()) {
                    codes.add(m.group(1));
                    if (m.group(2) != null) {
                        codes.add(m.group(2));
                    }
                }
                m = value.matcher(s);
                while (m.find()) {
                    codes.add(m.group(1));
                }
                m = policy.matcher(s);
                while (m.find()) {
                    codes.add("policy." + m.group(1));
                }
                m = status.matcher(s);
                while (m.find()) {
                    codes.add("status." + org.springframework.http.HttpStatus.valueOf(m.group(1)).value());
                }
            }
        }
        return codes;
    }

    @Test
    void everyProblemCodeHasAMessage() throws IOException {
        Set<String> codes = problemCodes();
        assertTrue(codes.contains("notMedia.undecodable") && codes.contains("upload.busy") && codes.contains("status.409")
                && codes.contains("policy.ownUnitEdit") && codes.contains("link.needNonDrop") && codes.contains("link.outside")
                && codes.contains("tc.dropMissing") && codes.contains("desc.notDate"),
                "the scan finds the codes: " + codes);
        assertEquals(List.of(), missing(codes.stream().map(c -> Texts.PROBLEM + c).toList()));
    }

    @Test
    void storedReasonsReadBackToTheirCodes() {
        // what the code writes is what the English bundle says, so pages can show it in the reader's language
        assertEquals("problem.notMedia.text", Texts.parse(ContentSniffer.describe("#EXTM3U\nx.ts\n".getBytes()),
                "problem.").orElseThrow().key());
        assertEquals("reason.probe.noZone", Texts.parse("creation time '2008-05-12 10:00:00' has no time zone; taken as "
                + "China time (UTC+8)").orElseThrow().key());
        assertEquals("2008-05-12 10:00:00", Texts.parse("creation time '2008-05-12 10:00:00' has no time zone; taken "
                + "as China time (UTC+8)").orElseThrow().args()[0]);
        assertEquals("reason.probe.localRecording", Texts.parse("the recording time 2003-05-01T10:20:30 (dv-vaux) has no "
                + "time zone; kept as the local time it states").orElseThrow().key());
        assertEquals("reason.job.proxyShort", Texts.parse("the proxy lasts 0.40 s of the original's 2.00 s: decoding "
                + "stopped early", "reason.job.").orElseThrow().key());
        assertEquals("reason.job.originalMissing", Texts.parse("the original is missing from the media store", "reason.job.")
                .orElseThrow().key());
        assertEquals("reason.photo.xmp", Texts.parse("XMP: bad rdf", "reason.photo.").orElseThrow().key(),
                "a more specific pattern wins over {0}: {1}");
        assertFalse(Texts.parse("something no code made", "reason.").isPresent());
        assertEquals("the file has 12 bytes; at most 10 are taken", Texts.en("problem.upload.tooLarge", 12, 10));
    }

    static final Pattern KEY = Pattern.compile("#\\{([\\w.]+)[}(]");
    static final Pattern DYNAMIC = Pattern.compile("#\\{'([\\w.]+)' \\+");

    static List<Path> files(String dir, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(RES.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void everyKeyATemplateNamesHasAMessage() throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<Path> templates = files("templates", ".html");
        assertTrue(templates.size() >= 14, "the templates are found: " + templates);
        for (Path t : templates) {
            String s = Files.readString(t);
            Matcher m = KEY.matcher(s);
            while (m.find()) {
                keys.add(m.group(1));
            }
            m = DYNAMIC.matcher(s);
            while (m.find()) {
                prefixes.add(m.group(1));
            }
        }
        assertEquals(List.of(), missing(keys), "keys named in templates");
        for (String p : prefixes) {
            assertTrue(ZH.stringPropertyNames().stream().anyMatch(k -> k.startsWith(p)), "no key starts with " + p);
        }
    }

    /** Letters of a language (a Han character, or an English word of two letters or more). */
    static final Pattern WORDS = Pattern.compile("\\p{IsHan}|[A-Za-z]{2,}");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt", "value", "label");
    static final Set<String> FILLED = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove");
    /** Names that are the same in every language: formats, a hash, and the track label the player's script looks for. */
    static final Set<String> NAMES = Set.of("SHA-256", "Excel", "CSV", "Markdown", "thumbnails");

    static boolean filled(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (FILLED.stream().anyMatch(x::hasAttr)) {
                return true; // the server replaces what is written here (a placeholder for the designer)
            }
        }
        return false;
    }

    static List<String> hardCodedText(String html, String name) {
        List<String> out = new ArrayList<>();
        for (Element e : Jsoup.parse(html, "", Parser.xmlParser()).getAllElements()) {
            if (e.tagName().equals("script") || e.tagName().equals("style")) {
                continue;
            }
            if (!filled(e)) {
                for (TextNode t : e.textNodes()) {
                    if (WORDS.matcher(t.text()).find() && !NAMES.contains(t.text().strip())) {
                        out.add(name + ": <" + e.tagName() + "> " + t.text().strip());
                    }
                }
            }
            for (String a : TEXT_ATTRIBUTES) {
                if (e.hasAttr(a) && !e.hasAttr("th:" + a) && !e.hasAttr("th:attr") && WORDS.matcher(e.attr(a)).find()
                        && !NAMES.contains(e.attr(a))
                        && !(a.equals("value") && !e.tagName().equals("button") && !"submit".equals(e.attr("type")))) {
                    out.add(name + ": " + a + "=\"" + e.attr(a) + "\"");
                }
            }
        }
        return out;
    }

    @Test
    void templatesCarryNoTextOfTheirOwn() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : files("templates", ".html")) {
            found.addAll(hardCodedText(Files.readString(t), RES.relativize(t).toString()));
        }
        assertEquals(List.of(), found);
    }

    /** A string literal of a script holding Chinese, or English words with a space between (a sentence, not a name). */
    static final Pattern SCRIPT_TEXT = Pattern.compile("(['`\"])((?:(?!\\1)[^\\\\\\n]|\\\\.)*)\\1");

    static List<String> hardCodedScriptText(String js, String name) {
        List<String> out = new ArrayList<>();
        String code = js.replaceAll("(?m)^\\s*//.*$", "").replaceAll("/\\*(?s:.*?)\\*/", "");
        Matcher m = SCRIPT_TEXT.matcher(code);
        while (m.find()) {
            String s = m.group(2);
            if (Pattern.compile("\\p{IsHan}").matcher(s).find()
                    || Pattern.compile("^[A-Z][a-z]+(?: [a-z]+){2,}[.!?]?$").matcher(s.strip()).find()) {
                out.add(name + ": " + m.group());
            }
        }
        return out;
    }

    @Test
    void scriptsCarryNoTextOfTheirOwn() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> scripts = files("static/js", ".js");
        assertTrue(scripts.size() >= 9, "the scripts are found: " + scripts);
        for (Path s : scripts) {
            found.addAll(hardCodedScriptText(Files.readString(s), RES.relativize(s).toString()));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theChecksCatchWhatTheyLookFor() {
        // the deliberate faults these tests exist for
        assertEquals(1, hardCodedText("<p>上传失败</p>", "t").size());
        assertEquals(1, hardCodedText("<button>Save</button>", "t").size());
        assertEquals(1, hardCodedText("<input placeholder=\"搜索\">", "t").size());
        assertEquals(0, hardCodedText("<p th:text=\"#{x}\">上传失败</p><span>：</span>", "t").size());
        assertEquals(1, hardCodedScriptText("el.textContent = '已完成';", "s").size());
        assertEquals(1, hardCodedScriptText("say(\"Upload failed for this file\");", "s").size());
        assertEquals(0, hardCodedScriptText("fetch('/api/uploads', { method: 'PATCH' }); // 上传", "s").size());
        Properties missingOne = new Properties();
        missingOne.putAll(ZH);
        missingOne.remove("value.status.INGESTED");
        assertFalse(missingOne.containsKey("value.status.INGESTED"));
        assertTrue(ZH.containsKey("value.status.INGESTED"), "the key the library cards need");
    }
}
