package org.yingzhi.cut;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * Final Cut Pro 7 XML ({@code xmeml} version 4 or 5) as Premiere Pro and DaVinci Resolve import it, written from a
 * {@link CutSheet} and read back.
 * <p>
 * The sequence's rate is a {@code timebase} with {@code ntsc}; its start is a {@code timecode} with
 * {@code DF}/{@code NDF}. Each clipitem's {@code start}/{@code end} (record) and {@code in}/{@code out} (from the
 * file's first frame) are on the sequence's frame grid, so a 25 fps source in a 29.97 sequence lands by real time
 * ({@link CutSheet#RATE_RULE}); each file is described once (its own rate, duration and true source timecode) and
 * then referenced by id; {@code pathurl} is percent-encoded. A dissolve is a {@code transitionitem} aligned to
 * start at the cut: the outgoing clipitem ends at -1 and runs on under it, the incoming starts at -1.
 */
public final class XmemlFormat {

    private XmemlFormat() {
    }

    public static String write(CutSheet sheet, int version) {
        if (version != 4 && version != 5) {
            throw new IllegalArgumentException("xmeml version is 4 or 5, not " + version);
        }
        FrameRate rate = sheet.rate();
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE xmeml>\n");
        sb.append("<xmeml version=\"").append(version).append("\">\n");
        sb.append("  <sequence id=\"sequence-1\">\n");
        sb.append("    <name>").append(Xml.esc(sheet.cut().title())).append("</name>\n");
        sb.append("    <duration>").append(sheet.totalFrames()).append("</duration>\n");
        rate(sb, "    ", rate);
        timecode(sb, "    ", sheet.recordStart(), null);
        sb.append("    <media>\n      <video>\n");
        CutSheet.Placed firstVideo = sheet.placed().stream().filter(p -> p.source().hasVideo()).findFirst().orElse(null);
        sb.append("        <format>\n          <samplecharacteristics>\n");
        rate(sb, "            ", rate);
        sb.append("            <width>").append(firstVideo == null ? 1920 : firstVideo.source().width()).append("</width>\n");
        sb.append("            <height>").append(firstVideo == null ? 1080 : firstVideo.source().height()).append("</height>\n");
        sb.append("          </samplecharacteristics>\n        </format>\n");
        Map<String, Integer> files = new LinkedHashMap<>();
        int[] clipNo = {0};
        track(sb, sheet, "video", 1, p -> p.entry().video(), files, clipNo);
        sb.append("      </video>\n      <audio>\n");
        TreeSet<Integer> channels = new TreeSet<>();
        sheet.placed().forEach(p -> channels.addAll(p.entry().audio()));
        sb.append("        <numOutputChannels>").append(Math.max(2, channels.size())).append("</numOutputChannels>\n");
        for (int ch : channels) {
            track(sb, sheet, "audio", ch, p -> p.entry().audio().contains(ch), files, clipNo);
        }
        sb.append("      </audio>\n    </media>\n  </sequence>\n</xmeml>\n");
        return sb.toString();
    }

    private static void track(StringBuilder sb, CutSheet sheet, String kind, int trackIndex,
            java.util.function.Predicate<CutSheet.Placed> uses, Map<String, Integer> files, int[] clipNo) {
        sb.append("        <track>\n");
        List<CutSheet.Placed> placed = sheet.placed();
        for (int i = 0; i < placed.size(); i++) {
            CutSheet.Placed p = placed.get(i);
            if (!uses.test(p)) {
                continue;
            }
            boolean dissolveIn = p.entry().dissolve() > 0 && i > 0 && uses.test(placed.get(i - 1));
            CutSheet.Placed next = i + 1 < placed.size() ? placed.get(i + 1) : null;
            boolean dissolveOut = next != null && next.entry().dissolve() > 0 && uses.test(next);
            long start = p.recordIn().frames() - sheet.recordStart().frames();
            long in = p.offsetOnRecordGrid();
            long out = in + p.recordFrames() + (dissolveOut ? next.entry().dissolve() : 0);
            if (dissolveIn) {
                long d = p.entry().dissolve();
                sb.append("          <transitionitem>\n");
                sb.append("            <start>").append(start).append("</start>\n");
                sb.append("            <end>").append(start + d).append("</end>\n");
                sb.append("            <alignment>start</alignment>\n");
                rate(sb, "            ", sheet.rate());
                sb.append("            <effect>\n              <name>Cross Dissolve</name>\n")
                        .append("              <effectid>Cross Dissolve</effectid>\n")
                        .append("              <effectcategory>Dissolve</effectcategory>\n")
                        .append("              <effecttype>transition</effecttype>\n")
                        .append("              <mediatype>").append(kind).append("</mediatype>\n")
                        .append("            </effect>\n          </transitionitem>\n");
            }
            clipNo[0]++;
            sb.append("          <clipitem id=\"clipitem-").append(clipNo[0]).append("\">\n");
            sb.append("            <masterclipid>masterclip-").append(fileNumber(files, p)).append("</masterclipid>\n");
            sb.append("            <name>").append(Xml.esc(p.source().title())).append("</name>\n");
            sb.append("            <enabled>TRUE</enabled>\n");
            sb.append("            <duration>").append(p.durationOnRecordGrid()).append("</duration>\n");
            rate(sb, "            ", sheet.rate());
            sb.append("            <start>").append(dissolveIn ? -1 : start).append("</start>\n");
            sb.append("            <end>").append(dissolveOut ? -1 : start + p.recordFrames()).append("</end>\n");
            sb.append("            <in>").append(in).append("</in>\n");
            sb.append("            <out>").append(out).append("</out>\n");
            file(sb, p, files);
            sb.append("            <sourcetrack>\n              <mediatype>").append(kind).append("</mediatype>\n")
                    .append("              <trackindex>").append(trackIndex).append("</trackindex>\n")
                    .append("            </sourcetrack>\n");
            sb.append("            <comments>\n");
            sb.append("              <mastercomment1>").append(Xml.esc("yingzhi:" + p.source().asset() + " source:"
                    + p.sourceIn() + "-" + p.sourceOut() + " entry:" + p.entry().id() + " video:" + p.entry().video()
                    + " audio:" + p.entry().audio().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))))
                    .append("</mastercomment1>\n");
            if (p.entry().note() != null && !p.entry().note().isBlank()) {
                sb.append("              <clipcommenta>").append(Xml.esc(p.entry().note())).append("</clipcommenta>\n");
            }
            if (!p.source().approved()) {
                sb.append("              <clipcommentb>").append(Xml.esc(ShotListFormat.DRAFT)).append("</clipcommentb>\n");
            }
            sb.append("            </comments>\n");
            sb.append("          </clipitem>\n");
        }
        sb.append("          <enabled>TRUE</enabled>\n          <locked>FALSE</locked>\n        </track>\n");
    }

    private static int fileNumber(Map<String, Integer> files, CutSheet.Placed p) {
        Integer n = files.get(p.source().asset());
        return n != null ? n : files.size() + 1;
    }

    private static void file(StringBuilder sb, CutSheet.Placed p, Map<String, Integer> files) {
        CutSource s = p.source();
        Integer known = files.get(s.asset());
        if (known != null) {
            sb.append("            <file id=\"file-").append(known).append("\"/>\n");
            return;
        }
        int n = files.size() + 1;
        files.put(s.asset(), n);
        sb.append("            <file id=\"file-").append(n).append("\">\n");
        sb.append("              <name>").append(Xml.esc(s.fileName())).append("</name>\n");
        if (s.path() != null) {
            sb.append("              <pathurl>").append(Xml.esc(FileUrls.localhost(s.path()))).append("</pathurl>\n");
        }
        rate(sb, "              ", s.rate());
        sb.append("              <duration>").append(s.durationFrames()).append("</duration>\n");
        timecode(sb, "              ", s.start(), Reels.base(s, 32));
        sb.append("              <media>\n");
        if (s.hasVideo()) {
            sb.append("                <video>\n                  <samplecharacteristics>\n");
            rate(sb, "                    ", s.rate());
            sb.append("                    <width>").append(s.width()).append("</width>\n");
            sb.append("                    <height>").append(s.height()).append("</height>\n");
            sb.append("                  </samplecharacteristics>\n                </video>\n");
        }
        if (s.audioChannels() > 0) {
            sb.append("                <audio>\n                  <samplecharacteristics>\n")
                    .append("                    <depth>16</depth>\n")
                    .append("                    <samplerate>").append(s.sampleRate() > 0 ? s.sampleRate() : 48000)
                    .append("</samplerate>\n                  </samplecharacteristics>\n")
                    .append("                  <channelcount>").append(s.audioChannels()).append("</channelcount>\n")
                    .append("                </audio>\n");
        }
        sb.append("              </media>\n            </file>\n");
    }

    private static void rate(StringBuilder sb, String indent, FrameRate r) {
        boolean ntsc = r.denominator() == 1001;
        sb.append(indent).append("<rate>\n").append(indent).append("  <timebase>").append(r.timecodeBase())
                .append("</timebase>\n").append(indent).append("  <ntsc>").append(ntsc ? "TRUE" : "FALSE")
                .append("</ntsc>\n").append(indent).append("</rate>\n");
    }

    private static void timecode(StringBuilder sb, String indent, Timecode tc, String reel) {
        sb.append(indent).append("<timecode>\n");
        rate(sb, indent + "  ", tc.rate());
        sb.append(indent).append("  <string>").append(tc).append("</string>\n");
        sb.append(indent).append("  <frame>").append(tc.frames()).append("</frame>\n");
        sb.append(indent).append("  <displayformat>").append(tc.rate().dropFrame() ? "DF" : "NDF").append("</displayformat>\n");
        if (reel != null) {
            sb.append(indent).append("  <reel>\n").append(indent).append("    <name>").append(Xml.esc(reel))
                    .append("</name>\n").append(indent).append("  </reel>\n");
        }
        sb.append(indent).append("</timecode>\n");
    }

    // ---- reading ----

    /** A sequence read back: its name, rate, start timecode and the clips of its first video track. */
    public record Read(String title, FrameRate rate, String startTimecode, List<ImportedClip> clips,
            List<String> warnings) {
    }

    private static final Pattern OURS = Pattern.compile(
            "yingzhi:([0-9a-fA-F]{24})(?: source:(\\S+)-(\\S+))?(?: entry:\\S+)?(?: video:(true|false))?(?: audio:([0-9,]*))?");

    public static Read read(String xml) {
        org.w3c.dom.Document doc = Xml.parse(xml);
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("xmeml")) {
            throw new IllegalArgumentException("not Final Cut Pro XML: the root element is <" + root.getTagName() + ">");
        }
        Element seq = Xml.child(root, "sequence");
        if (seq == null) {
            Element project = Xml.child(root, "project");
            Element children = Xml.child(project, "children");
            seq = Xml.child(children, "sequence");
        }
        if (seq == null) {
            throw new IllegalArgumentException("the file holds no <sequence>");
        }
        List<String> warnings = new ArrayList<>();
        Element tcEl = Xml.child(seq, "timecode");
        boolean df = "DF".equalsIgnoreCase(Xml.text(tcEl, "displayformat"));
        FrameRate rate = rate(Xml.child(seq, "rate"), df);
        String start = Xml.text(tcEl, "string");
        Element media = Xml.child(seq, "media");
        Element video = Xml.child(media, "video");
        List<Element> tracks = Xml.children(video, "track");
        Map<String, Element> files = new HashMap<>();
        for (Element f : asList(root.getElementsByTagName("file"))) {
            if (f.hasAttribute("id") && (Xml.child(f, "name") != null || Xml.child(f, "pathurl") != null)) {
                files.putIfAbsent(f.getAttribute("id"), f);
            }
        }
        Map<Long, List<Integer>> audioAt = new HashMap<>();
        int channel = 0;
        for (Element t : Xml.children(Xml.child(media, "audio"), "track")) {
            channel++;
            for (Element c : Xml.children(t, "clipitem")) {
                int ch = channel;
                Element st = Xml.child(c, "sourcetrack");
                long idx = Xml.number(st, "trackindex", ch);
                audioAt.computeIfAbsent(Xml.number(c, "start", -2), k -> new ArrayList<>()).add((int) idx);
            }
        }
        List<ImportedClip> clips = new ArrayList<>();
        if (tracks.isEmpty()) {
            warnings.add("the sequence has no video track");
            return new Read(Xml.text(seq, "name"), rate, start, clips, warnings);
        }
        List<Element> items = Xml.children(tracks.get(0), null);
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            if (!item.getTagName().equals("clipitem")) {
                continue;
            }
            long rawStart = Xml.number(item, "start", -1);
            long s = rawStart;
            long e = Xml.number(item, "end", -1);
            long in = Xml.number(item, "in", 0);
            long out = Xml.number(item, "out", 0);
            int dissolve = 0;
            Element before = i > 0 && items.get(i - 1).getTagName().equals("transitionitem") ? items.get(i - 1) : null;
            Element after = i + 1 < items.size() && items.get(i + 1).getTagName().equals("transitionitem") ? items.get(i + 1) : null;
            if (s < 0 && before != null) {
                s = Xml.number(before, "start", 0);
                dissolve = (int) (Xml.number(before, "end", s) - s);
            }
            if (e < 0 && after != null) {
                // the entry ends where the dissolve into the next one starts
                e = Xml.number(after, "start", 0);
            }
            if (e <= s) {
                warnings.add("clipitem " + item.getAttribute("id") + ": record end before start");
                continue;
            }
            Element fileRef = Xml.child(item, "file");
            Element file = fileRef == null ? null : files.getOrDefault(fileRef.getAttribute("id"), fileRef);
            Element ftc = Xml.child(file, "timecode");
            boolean fdf = "DF".equalsIgnoreCase(Xml.text(ftc, "displayformat"));
            FrameRate fileRate = Xml.child(file, "rate") != null ? rate(Xml.child(file, "rate"), fdf) : rate;
            long fileStart = Xml.number(ftc, "frame", -1);
            if (fileStart < 0 && Xml.text(ftc, "string") != null) {
                try {
                    fileStart = Timecode.parse(Xml.text(ftc, "string"), fileRate).frames();
                } catch (IllegalArgumentException x) {
                    fileStart = 0;
                }
            }
            fileStart = Math.max(0, fileStart);
            // in counts the sequence's frames from the file's first frame: the in-point on the sequence's grid
            long inOnGrid = CutSheet.conform(fileStart, fileRate, rate) + in;
            String asset = null;
            String exact = null;
            Boolean usesPicture = null;
            List<Integer> channels = audioAt.getOrDefault(rawStart, List.of());
            Element comments = Xml.child(item, "comments");
            String mc = Xml.text(comments, "mastercomment1");
            if (mc != null) {
                Matcher m = OURS.matcher(mc);
                if (m.find()) {
                    asset = m.group(1);
                    exact = m.group(2) == null ? null : m.group(2) + " " + m.group(3);
                    usesPicture = m.group(4) == null ? null : Boolean.valueOf(m.group(4));
                    if (m.group(5) != null) {
                        channels = java.util.Arrays.stream(m.group(5).split(",")).filter(x -> !x.isEmpty())
                                .map(Integer::valueOf).toList();
                    }
                }
            }
            String pathurl = Xml.text(file, "pathurl");
            String fileName = Xml.text(file, "name");
            if (fileName == null && pathurl != null) {
                fileName = FileUrls.fileName(pathurl);
            }
            String reel = Xml.text(Xml.child(ftc, "reel"), "name");
            String note = Xml.text(comments, "clipcommenta");
            clips.add(new ImportedClip(i + 1, asset, reel == null || reel.isEmpty() ? null : reel,
                    Xml.text(item, "name"), fileName, Timecode.ofFrames(inOnGrid, rate).toString(), e - s, rate, exact,
                    clips.isEmpty() ? 0 : dissolve, usesPicture == null || usesPicture, channels, note));
        }
        return new Read(Xml.text(seq, "name"), rate, start, List.copyOf(clips), List.copyOf(warnings));
    }

    private static List<Element> asList(org.w3c.dom.NodeList nl) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    static FrameRate rate(Element r, boolean dropFrame) {
        if (r == null) {
            throw new IllegalArgumentException("a <rate> is missing");
        }
        long tb = Xml.number(r, "timebase", 0);
        if (tb <= 0 || tb > 1000) {
            throw new IllegalArgumentException("timebase '" + Xml.text(r, "timebase") + "' is not a frame rate");
        }
        boolean ntsc = "TRUE".equalsIgnoreCase(Xml.text(r, "ntsc"));
        FrameRate f = ntsc ? new FrameRate((int) tb * 1000, 1001, false) : new FrameRate((int) tb, 1, false);
        return f.supportsDropFrame() ? f.withDropFrame(dropFrame) : f;
    }
}
