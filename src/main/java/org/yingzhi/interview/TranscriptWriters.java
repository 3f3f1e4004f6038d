package org.yingzhi.interview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Writes transcripts as WebVTT, SRT, OHMS XML and a printable .docx: pure functions of the cues. */
public final class TranscriptWriters {

    private TranscriptWriters() {
    }

    public static String vtt(List<Cue> cues) {
        StringBuilder b = new StringBuilder("WEBVTT\n\n");
        for (Cue c : cues) {
            b.append(TranscriptText.vtt(c.startMillis())).append(" --> ").append(TranscriptText.vtt(c.endMillis())).append('\n');
            if (c.speaker() != null) {
                b.append("<v ").append(TranscriptText.escape(c.speaker())).append('>');
            }
            b.append(payload(c.text(), "\n")).append("\n\n");
        }
        return b.toString();
    }

    /** Cue text as a WebVTT payload: escaped, no empty line (which would end the cue). */
    private static String payload(String text, String lineBreak) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() && lineBreak.equals("\n")) {
                continue;
            }
            if (b.length() > 0) {
                b.append(lineBreak);
            }
            b.append(TranscriptText.escape(line));
        }
        return b.toString();
    }

    public static String srt(List<Cue> cues) {
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (Cue c : cues) {
            b.append(n++).append('\n').append(TranscriptText.srt(c.startMillis())).append(" --> ")
                    .append(TranscriptText.srt(c.endMillis())).append('\n');
            if (c.speaker() != null) {
                b.append(c.speaker()).append('：');
            }
            String text = String.join("\n", java.util.Arrays.stream(c.text().split("\n")).filter(l -> !l.isBlank()).toList());
            b.append(text.isEmpty() ? " " : text).append("\n\n");
        }
        return b.toString();
    }

    /** What an OHMS record says besides the cues. */
    public record OhmsRecord(String id, String title, String date, List<String> interviewees, List<String> interviewers,
            String language, String description, long durationMillis, String rights, int legacyInterval,
            List<IndexPoint> points) {
    }

    /**
     * OHMS XML (schema 6.0 fields): the record, the index points, and the transcript as {@code vtt_transcript}
     * (line breaks as {@code <br>}, speakers as voices), or, for a transcript that came in the legacy form, as
     * {@code transcript} + {@code sync} again.
     */
    public static String ohms(OhmsRecord r, List<Cue> cues) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<ROOT xmlns=\"https://www.weareavp.com/nunncenter/ohms\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"https://www.weareavp.com/nunncenter/ohms/ohms.xsd\">\n");
        b.append("  <record id=\"").append(x(r.id())).append("\" dt=\"").append(java.time.LocalDate.now()).append("\">\n");
        b.append("    <version>6.0</version>\n");
        b.append("    <date value=\"").append(x(r.date())).append("\" format=\"yyyy-mm-dd\"/>\n");
        el(b, "title", r.title());
        el(b, "duration", TranscriptText.seconds(r.durationMillis()));
        el(b, "interviewee", String.join("; ", r.interviewees()));
        el(b, "interviewer", String.join("; ", r.interviewers()));
        el(b, "language", r.language());
        b.append("    <index>");
        for (IndexPoint p : r.points()) {
            b.append("\n      <point>");
            b.append("<time>").append(p.startMillis() % 1000 == 0 ? String.valueOf(p.startMillis() / 1000)
                    : String.valueOf(p.startMillis() / 1000.0)).append("</time>");
            inline(b, "title", p.title());
            inline(b, "partial_transcript", p.partialTranscript());
            inline(b, "synopsis", p.synopsis());
            inline(b, "keywords", String.join(";", p.keywords()));
            inline(b, "subjects", String.join(";", p.subjects()));
            for (IndexPoint.Gps g : p.gps()) {
                b.append("<gpspoints>");
                inline(b, "gps", g.latitude() + ", " + g.longitude());
                inline(b, "gps_zoom", g.zoom() == null ? "" : String.valueOf(g.zoom()));
                inline(b, "gps_text", g.text());
                b.append("</gpspoints>");
            }
            for (IndexPoint.Hyperlink h : p.hyperlinks()) {
                b.append("<hyperlinks>");
                inline(b, "hyperlink", h.url());
                inline(b, "hyperlink_text", h.text());
                b.append("</hyperlinks>");
            }
            b.append("</point>");
        }
        b.append(r.points().isEmpty() ? "" : "\n    ").append("</index>\n");
        el(b, "description", r.description());
        if (r.legacyInterval() > 0 && legacyAligned(cues, r.legacyInterval())) {
            StringBuilder text = new StringBuilder();
            StringBuilder sync = new StringBuilder().append(r.legacyInterval()).append(':');
            int minute = 0;
            for (int i = 0; i < cues.size(); i++) {
                Cue c = cues.get(i);
                if (i > 0) {
                    int m = (int) (c.startMillis() / 60_000 / r.legacyInterval());
                    while (++minute < m) {
                        sync.append('|');
                    }
                    int[] lw = TranscriptFormats.lineWordAt(text + c.text(), text.length());
                    sync.append('|').append(lw[0]).append('(').append(lw[1]).append(')');
                }
                text.append(c.text());
            }
            el(b, "sync", sync.toString());
            b.append("    <transcript>").append(x(text.toString())).append("</transcript>\n");
        } else {
            StringBuilder v = new StringBuilder("WEBVTT\n\n");
            for (Cue c : cues) {
                v.append(TranscriptText.vtt(c.startMillis())).append(" --> ").append(TranscriptText.vtt(c.endMillis())).append('\n');
                if (c.speaker() != null) {
                    v.append("<v ").append(TranscriptText.escape(c.speaker())).append(">  ");
                }
                v.append(payload(c.text(), "<br>")).append("\n\n");
            }
            b.append("    <vtt_transcript><![CDATA[").append(v.toString().replace("]]>", "]]]]><![CDATA[>"))
                    .append("]]></vtt_transcript>\n");
        }
        el(b, "rights", r.rights());
        b.append("    <fmt>").append("audio").append("</fmt>\n");
        b.append("  </record>\n</ROOT>\n");
        return b.toString();
    }

    /** Whether every cue still starts on a minute mark of the legacy interval, in order (no edits moved one off). */
    private static boolean legacyAligned(List<Cue> cues, int interval) {
        long step = interval * 60_000L;
        long last = -1;
        for (int i = 0; i < cues.size(); i++) {
            long s = cues.get(i).startMillis();
            if ((i == 0 ? s != 0 : s % step != 0) || s <= last && i > 0) {
                return false;
            }
            last = s;
        }
        return !cues.isEmpty();
    }

    private static void el(StringBuilder b, String name, String value) {
        if (value == null || value.isEmpty()) {
            b.append("    <").append(name).append("/>\n");
        } else {
            b.append("    <").append(name).append('>').append(x(value)).append("</").append(name).append(">\n");
        }
    }

    private static void inline(StringBuilder b, String name, String value) {
        b.append('<').append(name).append('>').append(x(value == null ? "" : value)).append("</").append(name).append('>');
    }

    private static String x(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        continue;
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** What a printed transcript's head says. */
    public record Sheet(String title, List<String> lines, String timeHeading, String sourceHeading, String speakerHeading,
            String textHeading) {
    }

    /**
     * A printable transcript for the book's editors: a heading, the interview's particulars, and a table of cues
     * with their media time and the source timecode an editor cites ({@code sourceLabel}).
     */
    public static byte[] docx(Sheet sheet, List<Cue> cues, LongFunction<String> sourceLabel) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph h = doc.createParagraph();
            h.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun hr = h.createRun();
            hr.setBold(true);
            hr.setFontSize(16);
            hr.setFontFamily("SimSun");
            hr.setText(sheet.title());
            for (String line : sheet.lines()) {
                XWPFRun r = doc.createParagraph().createRun();
                r.setFontFamily("SimSun");
                r.setText(line);
            }
            XWPFTable t = doc.createTable(1, 4);
            t.setWidth("100%");
            XWPFTableRow head = t.getRow(0);
            String[] heads = {sheet.timeHeading(), sheet.sourceHeading(), sheet.speakerHeading(), sheet.textHeading()};
            for (int i = 0; i < 4; i++) {
                XWPFRun r = head.getCell(i).getParagraphs().get(0).createRun();
                r.setBold(true);
                r.setText(heads[i]);
            }
            for (Cue c : cues) {
                if (c.text().isBlank()) {
                    continue;
                }
                XWPFTableRow row = t.createRow();
                row.getCell(0).setText("[" + TranscriptText.seconds(c.startMillis()) + "]");
                row.getCell(1).setText(sourceLabel.apply(c.startMillis()));
                row.getCell(2).setText(c.speaker() == null ? "" : c.speaker());
                XWPFParagraph p = row.getCell(3).getParagraphs().get(0);
                String[] lines = c.text().strip().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    XWPFRun r = p.createRun();
                    r.setText(lines[i]);
                    if (i + 1 < lines.length) {
                        r.addBreak();
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
