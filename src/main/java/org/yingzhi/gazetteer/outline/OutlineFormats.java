package org.yingzhi.gazetteer.outline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Reads an outline from the forms the gazetteer office writes it in, and writes it back out:
 * <ul>
 * <li>Word {@code .docx}: paragraphs in heading styles (Heading 1..9, 标题 1..9), or numbered the way Chinese
 * gazetteers number their outlines (第一篇, 第一章, 第一节, 一、, （一）), read with Apache POI;</li>
 * <li>Markdown headings ({@code #} to {@code ######});</li>
 * <li>JSON: {@code [{"title", "level", "unit", "due", "notes", "children": [...]}]}.</li>
 * </ul>
 * Everything comes out as a flat list of {@link Heading}s in document order with a depth from 1.
 */
public final class OutlineFormats {

    /** The level names by depth when the source gives none. */
    static final List<String> LEVELS = List.of("篇", "章", "节", "目", "子目", "细目");

    /** A heading: depth from 1, title as written (numbering included), level name, optional fields. */
    public record Heading(int depth, String title, String level, String unit, String due, String notes) {
        public Heading(int depth, String title, String level) {
            this(depth, title, level, null, null, null);
        }
    }

    private static final String NUM = "[一二三四五六七八九十百零〇两\\d]+";
    private static final List<Map.Entry<Pattern, String>> NUMBERED = List.of(
            Map.entry(Pattern.compile("^第" + NUM + "篇"), "篇"),
            Map.entry(Pattern.compile("^第" + NUM + "章"), "章"),
            Map.entry(Pattern.compile("^第" + NUM + "节"), "节"),
            Map.entry(Pattern.compile("^" + NUM + "、"), "目"),
            Map.entry(Pattern.compile("^[（(]" + NUM + "[）)]"), "子目"));

    /** Unnumbered parts every gazetteer has, at the top level beside the 篇. */
    static final java.util.Set<String> PARTS = java.util.Set.of("序", "序言", "前言", "凡例", "概述", "总述", "大事记",
            "专记", "附录", "索引", "后记", "编后记");

    private OutlineFormats() {
    }

    /** The numbering a title starts with (第三章, 一、, （二）), or null. */
    static String numbering(String title) {
        for (Map.Entry<Pattern, String> e : NUMBERED) {
            Matcher m = e.getKey().matcher(title);
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    /** The title without its numbering and spaces: what stays when a chapter is renumbered. */
    static String bareTitle(String title) {
        String n = numbering(title);
        String t = n == null ? title : title.substring(n.length());
        return t.replaceAll("[\\s\\u3000]+", "");
    }

    /** The most headings an outline may have (a book has hundreds; a file with more is not an outline). */
    static final int MAX_HEADINGS = 20_000;
    /** What a .docx may unpack to, in all and in its main part, and how many parts it may have. */
    static final long MAX_DOCX_UNPACKED = 64L * 1024 * 1024;
    static final long MAX_DOCX_DOCUMENT = 16L * 1024 * 1024;
    static final int MAX_DOCX_PARTS = 2_000;

    public static List<Heading> parse(String fileName, byte[] content) {
        List<Heading> headings = parseAll(fileName, content);
        if (headings.size() > MAX_HEADINGS) {
            throw new org.yingzhi.shared.i18n.CodedArgumentException("outline.tooManyHeadings",
                    String.valueOf(headings.size()), String.valueOf(MAX_HEADINGS));
        }
        return headings;
    }

    /**
     * Before Word's parser sees a .docx: walks its zip entries, counting what they unpack to as they are read, and
     * refuses at the first limit passed (a zip bomb or 50 MB of text is refused in milliseconds and a few KB of
     * memory, not parsed into a gigabyte).
     */
    static void checkDocxSize(byte[] content) {
        long total = 0;
        int parts = 0;
        byte[] buf = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++parts > MAX_DOCX_PARTS) {
                    throw new org.yingzhi.shared.i18n.CodedArgumentException("outline.docxTooBig", String.valueOf(MAX_DOCX_UNPACKED >> 20));
                }
                boolean main = e.getName().equals("word/document.xml");
                long entry = 0;
                for (int n; (n = zip.read(buf)) > 0; ) {
                    entry += n;
                    total += n;
                    if (total > MAX_DOCX_UNPACKED || (main && entry > MAX_DOCX_DOCUMENT)) {
                        throw new org.yingzhi.shared.i18n.CodedArgumentException("outline.docxTooBig",
                                String.valueOf((main ? MAX_DOCX_DOCUMENT : MAX_DOCX_UNPACKED) >> 20));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a Word .docx file");
        }
    }

    private static List<Heading> parseAll(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".docx")) {
            return docx(content);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt")) {
            return markdown(new String(content, StandardCharsets.UTF_8));
        }
        if (name.endsWith(".json")) {
            return json(new String(content, StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("an outline is imported from .docx, .md or .json, not '" + fileName + "'");
    }

    /** Word: heading styles give the depth; without them, the Chinese numbering does. */
    public static List<Heading> docx(byte[] content) {
        checkDocxSize(content);
        try (XWPFDocument doc = new XWPFDocument(new java.io.ByteArrayInputStream(content))) {
            List<Heading> styled = new ArrayList<>();
            List<Heading> numbered = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                String text = p.getText().strip();
                if (text.isEmpty()) {
                    continue;
                }
                int depth = headingDepth(doc, p);
                if (depth > 0) {
                    styled.add(new Heading(depth, text, levelFor(text, depth)));
                }
                String n = numbering(text);
                if (n != null && text.length() <= 60) {
                    String level = levelOfNumbering(text);
                    numbered.add(new Heading(LEVELS.indexOf(level) + 1, text, level));
                } else if (PARTS.contains(text.replaceAll("[\\s\\u3000]+", ""))) {
                    numbered.add(new Heading(1, text, "篇"));
                }
            }
            List<Heading> chosen = styled.isEmpty() ? numbered : styled;
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("the Word file has no headings: use heading styles (标题 1, 2, 3 ...) "
                        + "or number the titles 第一篇 / 第一章 / 第一节 / 一、/ （一）");
            }
            return normalized(chosen);
        } catch (NotOfficeXmlFileException | org.apache.poi.EmptyFileException e) {
            throw new IllegalArgumentException("not a Word .docx file");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("the Word")) {
                throw iae;
            }
            throw new IllegalArgumentException("the Word file cannot be read: " + e.getMessage());
        }
    }

    private static int headingDepth(XWPFDocument doc, XWPFParagraph p) {
        String styleId = p.getStyleID();
        if (styleId == null) {
            return 0;
        }
        String name = styleId;
        if (doc.getStyles() != null && doc.getStyles().getStyle(styleId) != null) {
            name = doc.getStyles().getStyle(styleId).getName();
        }
        Matcher m = Pattern.compile("(?i)^(?:heading|标题)\\s*(\\d)$").matcher(name.strip());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = Pattern.compile("(?i)^(?:heading|标题)\\s*(\\d)$").matcher(styleId.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String levelOfNumbering(String title) {
        for (Map.Entry<Pattern, String> e : NUMBERED) {
            if (e.getKey().matcher(title).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String levelFor(String title, int depth) {
        String byNumber = levelOfNumbering(title);
        return byNumber != null ? byNumber : LEVELS.get(Math.min(depth, LEVELS.size()) - 1);
    }

    public static List<Heading> markdown(String text) {
        List<Heading> out = new ArrayList<>();
        Pattern h = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
        for (String line : text.split("\\R")) {
            Matcher m = h.matcher(line);
            if (m.matches()) {
                int depth = m.group(1).length();
                String title = m.group(2).strip();
                out.add(new Heading(depth, title, levelFor(title, depth)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the Markdown file has no headings (# 篇, ## 章, ### 节 ...)");
        }
        return normalized(out);
    }

    public static List<Heading> json(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root.isObject() && root.has("nodes")) {
            root = root.get("nodes");
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("an outline in JSON is an array of nodes {title, level, children}");
        }
        List<Heading> out = new ArrayList<>();
        walk(root, 1, out);
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the JSON outline has no nodes");
        }
        return out;
    }

    private static void walk(JsonNode array, int depth, List<Heading> out) {
        if (depth > 12) {
            throw new IllegalArgumentException("the outline is nested deeper than 12 levels");
        }
        for (JsonNode n : array) {
            String title = n.path("title").asString("").strip();
            if (title.isEmpty()) {
                throw new IllegalArgumentException("a node at depth " + depth + " has no title");
            }
            String level = n.path("level").asString(null);
            out.add(new Heading(depth, title, level == null ? levelFor(title, depth) : level,
                    n.path("unit").asString(null), n.path("due").asString(null), n.path("notes").asString(null)));
            if (n.has("children")) {
                walk(n.get("children"), depth + 1, out);
            }
        }
    }

    /** Depths made contiguous from 1: a jump (篇 straight to 节) becomes one level deeper, not two. */
    static List<Heading> normalized(List<Heading> in) {
        List<Heading> out = new ArrayList<>();
        List<Integer> stack = new ArrayList<>(); // source depths of the open ancestors
        for (Heading h : in) {
            while (!stack.isEmpty() && stack.get(stack.size() - 1) >= h.depth()) {
                stack.remove(stack.size() - 1);
            }
            stack.add(h.depth());
            out.add(new Heading(stack.size(), h.title(), h.level(), h.unit(), h.due(), h.notes()));
        }
        return out;
    }

    /** Markdown: one heading per node, {@code #} per depth (nodes deeper than six become list items). */
    public static String toMarkdown(List<OutlineService.TreeNode> roots) {
        StringBuilder sb = new StringBuilder();
        for (OutlineService.TreeNode n : roots) {
            markdown(n, 1, sb);
        }
        return sb.toString();
    }

    private static void markdown(OutlineService.TreeNode n, int depth, StringBuilder sb) {
        if (depth <= 6) {
            sb.append("#".repeat(depth)).append(' ').append(n.title()).append("\n\n");
        } else {
            sb.append("  ".repeat(depth - 7)).append("- ").append(n.title()).append('\n');
        }
        for (OutlineService.TreeNode c : n.children()) {
            markdown(c, depth + 1, sb);
        }
    }

    /** Word: each node a paragraph in the heading style of its depth, so Word's navigation pane shows the tree. */
    public static byte[] toDocx(List<OutlineService.TreeNode> roots) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.xwpf.usermodel.XWPFStyles styles = doc.createStyles();
            for (int i = 1; i <= 9; i++) {
                styles.addStyle(headingStyle(i));
            }
            for (OutlineService.TreeNode n : roots) {
                docx(doc, n, 1);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void docx(XWPFDocument doc, OutlineService.TreeNode n, int depth) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + Math.min(depth, 9));
        XWPFRun r = p.createRun();
        r.setText(n.title());
        for (OutlineService.TreeNode c : n.children()) {
            docx(doc, c, depth + 1);
        }
    }

    private static org.apache.poi.xwpf.usermodel.XWPFStyle headingStyle(int level) {
        var ct = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance();
        ct.setStyleId("Heading" + level);
        ct.addNewName().setVal("heading " + level);
        ct.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType.PARAGRAPH);
        ct.addNewQFormat();
        var ppr = ct.addNewPPr();
        ppr.addNewOutlineLvl().setVal(java.math.BigInteger.valueOf(level - 1));
        var rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(java.math.BigInteger.valueOf(Math.max(22, 36 - 3L * level)));
        return new org.apache.poi.xwpf.usermodel.XWPFStyle(ct);
    }

    /** Reads all of a stream, refusing more than {@code max} bytes. */
    static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            throw new IllegalArgumentException("an outline file may be at most " + max / 1024 / 1024 + " MB");
        }
        return b;
    }
}
