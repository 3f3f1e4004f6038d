package org.yingzhi.interview;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.yingzhi.interview.ParsedTranscript.Warning;
import org.yingzhi.shared.i18n.CodedArgumentException;

/**
 * Reads transcripts: WebVTT (voices, multi-line cues), SRT, OHMS XML (the legacy {@code transcript} + {@code sync}
 * form and the {@code vtt_transcript} form, with index points), and plain text or .docx with time stamps such as
 * {@code [00:12:03]} in the text. Pure functions of the bytes; a wrong file throws {@link CodedArgumentException}
 * (a 400 naming what is wrong), an odd but readable one comes back with warnings.
 */
public final class TranscriptFormats {

    /** The formats read and written, by their wire names. */
    public enum Format {
        VTT("vtt"), SRT("srt"), OHMS("ohms"), TXT("txt"), DOCX("docx");

        private final String wire;

        Format(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.wire.equalsIgnoreCase(s == null ? "" : s.strip())) {
                    return f;
                }
            }
            throw new CodedArgumentException("transcript.format", s);
        }
    }

    /** More cues than any interview has (a ten-hour recording cut every two seconds is 18,000). */
    public static final int MAX_CUES = 30_000;

    private TranscriptFormats() {
    }

    /** The format a file is in: from what it starts with, else its name's extension. */
    public static Format detect(String fileName, byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return Format.DOCX;
        }
        String head = TranscriptText.decode(java.util.Arrays.copyOf(content, Math.min(content.length, 4096)))
                .text().stripLeading();
        if (head.startsWith("WEBVTT")) {
            return Format.VTT;
        }
        if (head.startsWith("<?xml") || head.startsWith("<ROOT")) {
            return Format.OHMS;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".srt") || Pattern.compile("^\\d+\\s*\\n\\s*\\d\\d:\\d\\d:\\d\\d,\\d{3}\\s*-->")
                .matcher(TranscriptText.lines(head)).find()) {
            return Format.SRT;
        }
        if (name.endsWith(".vtt")) {
            return Format.VTT;
        }
        if (name.endsWith(".xml")) {
            return Format.OHMS;
        }
        return Format.TXT;
    }

    public static ParsedTranscript read(byte[] content, Format format) {
        return switch (format) {
            case VTT -> {
                TranscriptText.Decoded d = TranscriptText.decode(content);
                List<Warning> w = new ArrayList<>();
                yield new ParsedTranscript("vtt", d.charset(), vtt(d.text(), false, w), List.of(), null, w, 0, true);
            }
            case SRT -> {
                TranscriptText.Decoded d = TranscriptText.decode(content);
                List<Warning> w = new ArrayList<>();
                yield new ParsedTranscript("srt", d.charset(), srt(d.text(), w), List.of(), null, w, 0, true);
            }
            case OHMS -> ohms(content);
            case TXT -> {
                TranscriptText.Decoded d = TranscriptText.decode(content);
                yield stamped("txt", d.charset(), List.of(TranscriptText.lines(d.text()).split("\n", -1)));
            }
            case DOCX -> stamped("docx", "UTF-8", docxLines(content));
        };
    }

    // ---------------------------------------------------------------- WebVTT

    private static final Pattern TIMING = Pattern.compile("^\\s*(\\S+)\\s+-->\\s+(\\S+)(.*)$");
    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^\\s>]*)?\\s+([^>]*)>");
    private static final Pattern TAG = Pattern.compile("</?(?:c|i|b|u|v|lang|ruby|rt)(?:[.\\s][^>]*)?>|<\\d[\\d:.]*>");
    private static final Pattern BR = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    /** Cues of a WebVTT text; {@code ohms}: the flavour inside OHMS records, whose line breaks are {@code <br>}. */
    static List<Cue> vtt(String text, boolean ohms, List<Warning> warnings) {
        String s = TranscriptText.lines(text);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (!s.stripLeading().startsWith("WEBVTT")) {
            throw new CodedArgumentException("transcript.notVtt");
        }
        List<Cue> cues = new ArrayList<>();
        String[] blocks = s.stripLeading().split("\n(?:[ \t]*\n)+");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b];
            if (block.isBlank() || block.startsWith("NOTE") || block.startsWith("STYLE") || block.startsWith("REGION")) {
                continue;
            }
            Timed timed = timed(block, b + 1, warnings);
            if (timed == null) {
                continue;
            }
            long start = timed.start();
            long end = timed.end();
            String p = timed.payload();
            String speaker = null;
            Matcher v = VOICE.matcher(p.stripLeading());
            if (v.find()) {
                speaker = TranscriptText.unescape(v.group(1).strip());
                p = p.stripLeading().substring(v.end());
            }
            if (ohms) {
                p = BR.matcher(p).replaceAll("\n");
            }
            p = TranscriptText.unescape(TAG.matcher(p).replaceAll(""));
            p = p.strip();
            if (speaker == null) {
                TranscriptText.Spoken sp = TranscriptText.speaker(p);
                speaker = sp.speaker();
                p = sp.text();
            }
            cues.add(checked(cues.size() + 1, start, end, speaker, p, warnings));
            limit(cues);
        }
        return cues;
    }

    /** A cue block's times and the lines after its timing line (its identifier, if any, before it is skipped). */
    private record Timed(long start, long end, String payload) {
    }

    /** The block's timing and payload (WebVTT and SRT alike), or null, said as a warning, when it has no timing line. */
    private static Timed timed(String block, int n, List<Warning> warnings) {
        String[] lines = block.split("\n");
        int t = 0;
        while (t < lines.length && !lines[t].contains("-->")) {
            t++;
        }
        Matcher m = t == lines.length ? null : TIMING.matcher(lines[t]);
        if (m == null || !m.matches()) {
            warnings.add(Warning.of("notCue", n));
            return null;
        }
        return new Timed(TranscriptText.millis(m.group(1)), TranscriptText.millis(m.group(2)),
                String.join("\n", java.util.Arrays.asList(lines).subList(t + 1, lines.length)));
    }

    /** A cue whose end precedes its start is kept with no length, and said (OHMS writes such a last cue). */
    private static Cue checked(int n, long start, long end, String speaker, String text, List<Warning> warnings) {
        if (end < start) {
            warnings.add(Warning.of("endBeforeStart", n, TranscriptText.vtt(start), TranscriptText.vtt(end)));
            end = start;
        }
        return new Cue(start, end, speaker, text);
    }

    private static void limit(List<?> cues) {
        if (cues.size() > MAX_CUES) {
            throw new CodedArgumentException("transcript.tooManyCues", MAX_CUES);
        }
    }

    // ---------------------------------------------------------------- SRT

    private static final Pattern SRT_TAG = Pattern.compile("</?(?:i|b|u|font)(?:\\s[^>]*)?>|\\{\\\\[^}]*}");

    static List<Cue> srt(String text, List<Warning> warnings) {
        String s = TranscriptText.lines(text);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        List<Cue> cues = new ArrayList<>();
        String[] blocks = s.strip().split("\n(?:[ \t]*\n)+");
        for (int b = 0; b < blocks.length; b++) {
            if (blocks[b].isBlank()) {
                continue;
            }
            Timed timed = timed(blocks[b], b + 1, warnings);
            if (timed == null) {
                continue;
            }
            String body = SRT_TAG.matcher(timed.payload()).replaceAll("").strip();
            TranscriptText.Spoken sp = TranscriptText.speaker(body);
            cues.add(checked(cues.size() + 1, timed.start(), timed.end(), sp.speaker(), sp.text(), warnings));
            limit(cues);
        }
        if (cues.isEmpty()) {
            throw new CodedArgumentException("transcript.noCues");
        }
        return cues;
    }

    // ---------------------------------------------------------------- text and .docx with stamps

    /** {@code [00:12:03]}, {@code [12:03]}, {@code [00:12:03.5]}, or (at a line's start) {@code 00:12:03}. */
    private static final Pattern STAMP = Pattern.compile(
            "[\\[【(（]((?:\\d{1,3}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)[\\]】)）]|^\\s*((?:\\d{1,3}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)(?=\\s)",
            Pattern.MULTILINE);
    /** A line with no stamp is given this much time per character when no later stamp bounds it. */
    static final long MILLIS_PER_CHAR = 250;

    private record Piece(Long at, String speaker, String text) {
    }

    /**
     * A typed transcript: a new cue at every stamp and at every line that names a speaker; lines between stamps share
     * the time between them by their length. Without any stamp the text is untimed (cues at 0, to be aligned).
     */
    static ParsedTranscript stamped(String format, String charset, List<String> lines) {
        List<Warning> warnings = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        boolean anyStamp = false;
        Long pendingAt = null;
        for (String raw : lines) {
            String line = raw.replace('\u3000', ' ');
            Matcher m = STAMP.matcher(line);
            int from = 0;
            List<String> parts = new ArrayList<>();
            List<Long> ats = new ArrayList<>();
            while (m.find()) {
                anyStamp = true;
                parts.add(line.substring(from, m.start()));
                ats.add(TranscriptText.millis(m.group(1) != null ? m.group(1) : m.group(2)));
                from = m.end();
            }
            parts.add(line.substring(from));
            // parts[0] precedes the first stamp of the line; parts[i] follows stamp i-1
            for (int i = 0; i < parts.size(); i++) {
                Long at = i == 0 ? null : ats.get(i - 1);
                String text = parts.get(i).strip();
                if (at != null) {
                    pendingAt = at;
                }
                if (text.isEmpty()) {
                    continue;
                }
                TranscriptText.Spoken sp = TranscriptText.speaker(text);
                boolean starts = pendingAt != null || sp.speaker() != null || pieces.isEmpty();
                if (starts) {
                    pieces.add(new Piece(pendingAt, sp.speaker(), sp.text().strip()));
                    pendingAt = null;
                } else {
                    Piece last = pieces.remove(pieces.size() - 1);
                    pieces.add(new Piece(last.at(), last.speaker(), last.text() + "\n" + text));
                }
                limit(pieces);
            }
        }
        if (pieces.isEmpty()) {
            throw new CodedArgumentException("transcript.noCues");
        }
        if (!anyStamp) {
            List<Cue> cues = pieces.stream().map(p -> new Cue(0, 0, p.speaker(), p.text())).toList();
            return new ParsedTranscript(format, charset, cues, List.of(), null, List.of(Warning.of("untimed")), 0, false);
        }
        // speakers carry on: a line without a name continues the last speaker's turn
        long[] starts = new long[pieces.size()];
        boolean[] known = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).at() != null) {
                starts[i] = pieces.get(i).at();
                known[i] = true;
            }
        }
        if (!known[0]) {
            warnings.add(Warning.of("beforeFirstStamp"));
            starts[0] = 0;
            known[0] = true;
        }
        long previous = -1;
        for (int i = 0; i < pieces.size(); i++) {
            if (known[i]) {
                if (starts[i] < previous) {
                    warnings.add(Warning.of("stampBackwards", i + 1, TranscriptText.seconds(starts[i])));
                    starts[i] = previous;
                }
                previous = starts[i];
                continue;
            }
            // share the time up to the next stamp by length; with none, a quarter second a character
            int j = i;
            while (j < pieces.size() && !known[j]) {
                j++;
            }
            long from = starts[i - 1];
            int total = 0;
            for (int k = i - 1; k < j; k++) {
                total += Math.max(1, pieces.get(k).text().length());
            }
            long to = j < pieces.size() ? starts[j] : from + total * MILLIS_PER_CHAR;
            long acc = from;
            for (int k = i - 1; k < j - 1; k++) {
                acc += (to - from) * Math.max(1, pieces.get(k).text().length()) / total;
                starts[k + 1] = acc;
                known[k + 1] = true;
            }
            previous = starts[j - 1];
            i = j - 1;
        }
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            long end = i + 1 < pieces.size() ? starts[i + 1]
                    : starts[i] + Math.max(2000, pieces.get(i).text().length() * MILLIS_PER_CHAR);
            cues.add(new Cue(starts[i], end, pieces.get(i).speaker(), pieces.get(i).text()));
        }
        return new ParsedTranscript(format, charset, cues, List.of(), null, warnings, 0, true);
    }

    private static List<String> docxLines(byte[] content) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<String> lines = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                lines.addAll(List.of(TranscriptText.lines(p.getText()).split("\n", -1)));
            }
            for (var table : doc.getTables()) {
                for (var row : table.getRows()) {
                    StringBuilder b = new StringBuilder();
                    for (var cell : row.getTableCells()) {
                        b.append(cell.getText()).append(' ');
                    }
                    lines.add(b.toString());
                }
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw new CodedArgumentException("transcript.notDocx");
        }
    }

    // ---------------------------------------------------------------- OHMS XML

    static ParsedTranscript ohms(byte[] content) {
        Element record;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new ByteArrayInputStream(content)).getDocumentElement();
            record = "record".equals(local(root)) ? root : child(root, "record");
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new CodedArgumentException("transcript.notOhms", e.getMessage() == null ? "" : e.getMessage());
        }
        if (record == null) {
            throw new CodedArgumentException("transcript.notOhms", "no <record>");
        }
        List<Warning> warnings = new ArrayList<>();
        Element date = child(record, "date");
        String dateValue = date == null ? null : blankToNull(date.getAttribute("value"));
        if (dateValue == null) {
            dateValue = text(record, "date_nonpreferred_format");
        }
        ParsedTranscript.Record meta = new ParsedTranscript.Record(text(record, "title"), text(record, "interviewee"),
                text(record, "interviewer"), dateValue, text(record, "language"), text(record, "accession"),
                text(record, "description"));
        Long duration = null;
        String d = text(record, "duration");
        if (d != null) {
            try {
                duration = TranscriptText.millis(d);
            } catch (IllegalArgumentException e) {
                warnings.add(Warning.of("badDuration", d));
            }
        }
        List<IndexPoint> points = points(record, duration, warnings);
        String vtt = rawText(record, "vtt_transcript");
        String legacy = rawText(record, "transcript");
        String sync = text(record, "sync");
        if (vtt != null && !vtt.isBlank()) {
            List<Cue> cues = vtt(vtt, true, warnings);
            return new ParsedTranscript("ohms", "UTF-8", cues, points, meta, warnings, 0, true);
        }
        if (legacy != null && !legacy.isBlank()) {
            Legacy l = legacy(legacy, sync, duration, warnings);
            return new ParsedTranscript("ohms", "UTF-8", l.cues(), points, meta, warnings, l.interval(), true);
        }
        warnings.add(Warning.of(points.isEmpty() ? "emptyRecord" : "indexOnly"));
        return new ParsedTranscript("ohms", "UTF-8", List.of(), points, meta, warnings, 0, true);
    }

    private static List<IndexPoint> points(Element record, Long duration, List<Warning> warnings) {
        Element index = child(record, "index");
        List<IndexPoint> out = new ArrayList<>();
        if (index == null) {
            return out;
        }
        List<IndexPoint> read = new ArrayList<>();
        for (Element p : children(index, "point")) {
            String t = text(p, "time");
            long at;
            try {
                at = t == null ? 0 : Math.round(Double.parseDouble(t) * 1000);
            } catch (NumberFormatException e) {
                try {
                    at = TranscriptText.millis(t);
                } catch (IllegalArgumentException e2) {
                    warnings.add(Warning.of("pointTime", read.size() + 1, t));
                    continue;
                }
            }
            List<IndexPoint.Gps> gps = new ArrayList<>();
            for (Element g : children(p, "gpspoints")) {
                String ll = text(g, "gps");
                if (ll == null) {
                    continue;
                }
                String[] parts = ll.split("[,，\\s]+");
                try {
                    double lat = Double.parseDouble(parts[0]);
                    double lon = Double.parseDouble(parts[1]);
                    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                        throw new NumberFormatException();
                    }
                    String z = text(g, "gps_zoom");
                    gps.add(new IndexPoint.Gps(lat, lon, z == null ? null : Integer.valueOf(z.strip()), text(g, "gps_text")));
                } catch (RuntimeException e) {
                    warnings.add(Warning.of("pointGps", read.size() + 1, ll));
                }
            }
            List<IndexPoint.Hyperlink> links = new ArrayList<>();
            for (Element h : children(p, "hyperlinks")) {
                String url = text(h, "hyperlink");
                if (url != null) {
                    if (url.startsWith("http://") || url.startsWith("https://")) {
                        links.add(new IndexPoint.Hyperlink(url, text(h, "hyperlink_text")));
                    } else {
                        warnings.add(Warning.of("pointLink", read.size() + 1, url));
                    }
                }
            }
            read.add(new IndexPoint(at, null, text(p, "title"), text(p, "partial_transcript"), text(p, "synopsis"),
                    split(text(p, "keywords")), split(text(p, "subjects")), gps, links));
        }
        List<IndexPoint> sorted = new ArrayList<>(read);
        sorted.sort(java.util.Comparator.comparingLong(IndexPoint::startMillis));
        if (!sorted.equals(read)) {
            warnings.add(Warning.of("pointsOrder"));
        }
        // an OHMS point runs until the next one (the last until the end of the recording, when it is known)
        for (int i = 0; i < sorted.size(); i++) {
            IndexPoint p = sorted.get(i);
            Long end = i + 1 < sorted.size() ? Long.valueOf(sorted.get(i + 1).startMillis()) : duration;
            if (end != null && end <= p.startMillis()) {
                end = null;
            }
            out.add(new IndexPoint(p.startMillis(), end, p.title(), p.partialTranscript(), p.synopsis(), p.keywords(),
                    p.subjects(), p.gps(), p.hyperlinks()));
        }
        return out;
    }

    private static List<String> split(String s) {
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : s.split("[;；]")) {
            if (!k.isBlank()) {
                out.add(k.strip());
            }
        }
        return out;
    }

    record Legacy(List<Cue> cues, int interval) {
    }

    private static final Pattern SYNC_HEAD = Pattern.compile("^\\s*(\\d+)\\s*:(.*)$", Pattern.DOTALL);
    private static final Pattern STAMP_LW = Pattern.compile("^\\s*(\\d+)\\((\\d+)\\)\\s*$");

    /**
     * The legacy form: the transcript as lines, and {@code sync} = {@code "1:|13(3)|19(14)"}: every {@code 1}
     * minute(s), the n-th entry says at which line (1-based) and word of it minute n begins; an empty entry, a
     * minute with no mark. Cues are the text between marks, exactly as written (so an export writes it again).
     */
    static Legacy legacy(String transcript, String sync, Long duration, List<Warning> warnings) {
        String text = TranscriptText.lines(transcript);
        List<long[]> marks = new ArrayList<>(); // {millis, offset}
        int interval = 1;
        if (sync != null && !sync.isBlank()) {
            Matcher h = SYNC_HEAD.matcher(sync);
            if (!h.matches()) {
                throw new CodedArgumentException("transcript.ohmsSync", sync.length() > 40 ? sync.substring(0, 40) : sync);
            }
            interval = Integer.parseInt(h.group(1));
            if (interval < 1 || interval > 60) {
                throw new CodedArgumentException("transcript.ohmsSync", h.group(1) + ":");
            }
            int[] lineStarts = lineStarts(text);
            String[] entries = h.group(2).split("\\|", -1);
            long lastOffset = 0;
            for (int i = 1; i < entries.length; i++) {
                if (entries[i].isBlank()) {
                    continue;
                }
                Matcher m = STAMP_LW.matcher(entries[i]);
                if (!m.matches()) {
                    warnings.add(Warning.of("syncEntry", i, entries[i]));
                    continue;
                }
                int offset = offsetOf(text, lineStarts, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (offset < lastOffset) {
                    warnings.add(Warning.of("syncBackwards", i, entries[i]));
                    offset = (int) lastOffset;
                }
                lastOffset = offset;
                marks.add(new long[] {(long) i * interval * 60_000, offset});
            }
        } else {
            warnings.add(Warning.of("noSync"));
        }
        List<Cue> cues = new ArrayList<>();
        long at = 0;
        int from = 0;
        for (long[] m : marks) {
            cues.add(new Cue(at, m[0], null, text.substring(from, (int) m[1])));
            at = m[0];
            from = (int) m[1];
        }
        long end = duration != null && duration > at ? duration : at + (long) interval * 60_000;
        cues.add(new Cue(at, end, null, text.substring(from)));
        limit(cues);
        return new Legacy(cues, interval);
    }

    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where word {@code word} (1-based, words between spaces) of line {@code line} (1-based) begins. */
    static int offsetOf(String text, int[] lineStarts, int line, int word) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        int w = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                w++;
                if (w == word) {
                    return i;
                }
            }
            inWord = !space;
        }
        return w == 0 || word <= 1 ? start : end;
    }

    /** The line (1-based) and word (1-based) at which {@code offset} lies, for writing a sync entry again. */
    static int[] lineWordAt(String text, int offset) {
        int[] starts = lineStarts(text);
        int line = 1;
        while (line < starts.length && starts[line] <= offset) {
            line++;
        }
        int w = 0;
        boolean inWord = false;
        for (int i = starts[line - 1]; i <= offset && i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                w++;
            }
            inWord = !space;
        }
        return new int[] {line, Math.max(1, w)};
    }

    // ---------------------------------------------------------------- DOM helpers

    private static String local(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(local(e))) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getChildNodes();
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) instanceof Element e && name.equals(local(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String rawText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static String text(Element parent, String name) {
        return blankToNull(rawText(parent, name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
