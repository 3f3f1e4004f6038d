package org.yingzhi.cut;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * CMX3600 edit decision lists, written from a {@link CutSheet} and read back tolerantly.
 * <p>
 * Written as OpenTimelineIO's cmx_3600 adapter and Avid write them: {@code TITLE:} and {@code FCM:} in the header
 * ({@code DROP FRAME} with ';' before the frames), one event per entry with reel, channels ({@code V}, {@code A},
 * {@code A2}, {@code AA}, {@code B}, {@code A2/V}, {@code AA/V}, {@code NONE}, and an {@code AUD 3 4} line for
 * channels 3 and 4), a dissolve as a zero-length cut of the outgoing source followed by a {@code D} event of the
 * incoming one starting where the cut was, and {@code * FROM CLIP NAME:}, {@code * SOURCE FILE:} and our own
 * {@code * YINGZHI ASSET:} and {@code * SOURCE RANGE:} comments, which other readers keep as comments and ours
 * matches back exactly. Source timecode is the source's own; an entry at another rate is written on the cut's grid
 * by {@link CutSheet#RATE_RULE}, with its true range in {@code * SOURCE RANGE:}.
 */
public final class EdlFormat {

    private EdlFormat() {
    }

    /** @param reelLength 8 for strict CMX3600; Resolve and Premiere read up to 32 or more */
    public static String write(CutSheet sheet, int reelLength) {
        if (reelLength < 3 || reelLength > 128) {
            throw new IllegalArgumentException("reel length must be between 3 and 128, not " + reelLength);
        }
        Map<String, String> reels = Reels.of(sheet.placed().stream().map(CutSheet.Placed::source).toList(), reelLength);
        int reelWidth = Math.max(8, reels.values().stream().mapToInt(String::length).max().orElse(8));
        int numberWidth = sheet.placed().size() > 999 ? 4 : 3;
        StringBuilder sb = new StringBuilder();
        sb.append("TITLE: ").append(oneLine(sheet.cut().title())).append('\n');
        sb.append("FCM: ").append(sheet.rate().dropFrame() ? "DROP FRAME" : "NON-DROP FRAME").append('\n');
        for (CutSheet.Placed p : sheet.placed()) {
            sb.append('\n');
            String number = String.format(Locale.ROOT, "%0" + numberWidth + "d", p.index() + 1);
            String channel = channel(p.entry());
            String reel = reels.get(p.source().asset());
            Timecode[] src = sourceOnGrid(p);
            if (p.entry().dissolve() > 0) {
                CutSheet.Placed a = sheet.placed().get(p.index() - 1);
                Timecode aOut = sourceOnGrid(a)[1];
                sb.append(line(number, reels.get(a.source().asset()), reelWidth, channel, "C   ", aOut, aOut,
                        p.recordIn(), p.recordIn())).append('\n');
                sb.append(line(number, reel, reelWidth, channel,
                        String.format(Locale.ROOT, "D %03d", p.entry().dissolve()), src[0], src[1], p.recordIn(),
                        p.recordOut())).append('\n');
            } else {
                sb.append(line(number, reel, reelWidth, channel, "C   ", src[0], src[1], p.recordIn(), p.recordOut()))
                        .append('\n');
            }
            String aud = aud34(p.entry());
            if (aud != null) {
                sb.append(aud).append('\n');
            }
            if (p.entry().dissolve() > 0) {
                CutSheet.Placed a = sheet.placed().get(p.index() - 1);
                sb.append("* FROM CLIP NAME: ").append(oneLine(a.source().title())).append('\n');
                sb.append("* TO CLIP NAME: ").append(oneLine(p.source().title())).append('\n');
            } else {
                sb.append("* FROM CLIP NAME: ").append(oneLine(p.source().title())).append('\n');
            }
            if (p.source().fileName() != null) {
                sb.append("* SOURCE FILE: ").append(oneLine(p.source().fileName())).append('\n');
            }
            sb.append("* YINGZHI ASSET: ").append(p.source().asset()).append('\n');
            if (!p.source().approved()) {
                // never silently mixed: an event whose source has not passed both checks says so
                sb.append("* YINGZHI REVIEW: DRAFT - NOT APPROVED").append('\n');
            }
            if (!p.sameRate() || p.source().rate().dropFrame() != sheet.rate().dropFrame()) {
                sb.append("* SOURCE RANGE: ").append(p.sourceIn()).append(' ').append(p.sourceOut()).append(' ')
                        .append(p.source().rate().rational()).append(p.source().rate().dropFrame() ? " DF" : " NDF")
                        .append('\n');
            }
            if (p.index() == 0 && sheet.mixedRates()) {
                sb.append("* RATE RULE: ").append(CutSheet.RATE_RULE).append('\n');
            }
            List<Integer> beyond = p.entry().audio().stream().filter(c -> c > 4).toList();
            if (!beyond.isEmpty()) {
                sb.append("* AUDIO CHANNELS NOT IN CMX3600: ").append(beyond).append('\n');
            }
            if (p.entry().note() != null && !p.entry().note().isBlank()) {
                sb.append("* COMMENT: ").append(oneLine(p.entry().note())).append('\n');
            }
        }
        return sb.toString();
    }

    /** The entry's source in and out as the EDL writes them: its own labels, or on the cut's grid at another rate. */
    static Timecode[] sourceOnGrid(CutSheet.Placed p) {
        FrameRate cutRate = p.recordIn().rate();
        if (p.sameRate()) {
            return new Timecode[] {p.sourceIn(), p.sourceOut()};
        }
        Timecode in = Timecode.ofFrames(CutSheet.conform(p.sourceIn().frames(), p.source().rate(), cutRate), cutRate);
        return new Timecode[] {in, in.plusFrames(p.recordFrames())};
    }

    private static String line(String number, String reel, int reelWidth, String channel, String transition,
            Timecode srcIn, Timecode srcOut, Timecode recIn, Timecode recOut) {
        return String.format(Locale.ROOT, "%s  %-" + reelWidth + "s %-5s %-8s %s %s %s %s", number, reel, channel,
                transition, srcIn, srcOut, recIn, recOut);
    }

    static String channel(CutEntry e) {
        boolean a1 = e.audio().contains(1);
        boolean a2 = e.audio().contains(2);
        if (e.video()) {
            return a1 && a2 ? "AA/V" : a1 ? "B" : a2 ? "A2/V" : "V";
        }
        return a1 && a2 ? "AA" : a1 ? "A" : a2 ? "A2" : "NONE";
    }

    private static String aud34(CutEntry e) {
        boolean a3 = e.audio().contains(3);
        boolean a4 = e.audio().contains(4);
        return a3 && a4 ? "AUD  3    4" : a3 ? "AUD  3" : a4 ? "AUD  4" : null;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    // ---- reading ----

    /** One event as read: where it was, its fields, and what its comments said. */
    public record Event(int line, String number, String reel, boolean video, List<Integer> audio, String transition,
            int dissolve, String sourceIn, String sourceOut, String recordIn, String recordOut, boolean dropFrame,
            String clipName, String sourceFile, String asset, String sourceRange, Double speed, List<String> notes,
            List<String> comments) {
    }

    /** What a list held: its title, its events in order, and what was read with doubt (with line numbers). */
    public record Read(String title, boolean dropFrame, List<Event> events, List<String> warnings) {
    }

    private static final String TC = "\\d{1,2}[:;.]\\d{2}[:;.]\\d{2}[:;.,]\\d{2,3}";
    private static final Pattern TC_ONLY = Pattern.compile(TC);
    private static final Pattern TRANSITION = Pattern.compile("C|D|W\\d{3}|KB|K|KO", Pattern.CASE_INSENSITIVE);
    private static final Pattern FCM = Pattern.compile("FCM\\s*:?\\s*(NON[- ]?DROP|DROP)(\\s+FRAME)?.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile(
            "\\*?\\s*(FROM CLIP NAME|FROM CLIP|FROM FILE|TO CLIP NAME|TO CLIP|TO FILE|SOURCE FILE|CLIP NAME|YINGZHI ASSET|SOURCE RANGE|COMMENT|LOC|RATE RULE)\\s*:\\s*(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern M2 = Pattern.compile("M2\\s+(\\S+)\\s+(-?[0-9.]+)\\s+(" + TC + ")\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUD = Pattern.compile("AUD\\s+(\\d)(?:\\s+(\\d))?\\s*", Pattern.CASE_INSENSITIVE);

    /** Reads an EDL as editors' real files are: see the class comment; never throws for a line it cannot read. */
    public static Read read(String text) {
        List<String> warnings = new ArrayList<>();
        List<Mutable> events = new ArrayList<>();
        String title = null;
        boolean headerDrop = false;
        Boolean drop = null;
        Mutable current = null;
        // comments after a dissolve pair: FROM names the outgoing (zero-length) side, TO the incoming
        Mutable fromSide = null;
        String[] lines = text.replace("\uFEFF", "").split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("TITLE:")) {
                title = line.substring(6).strip();
                continue;
            }
            Matcher fcm = FCM.matcher(line);
            if (fcm.matches()) {
                drop = !fcm.group(1).toUpperCase(Locale.ROOT).startsWith("NON");
                if (events.isEmpty()) {
                    headerDrop = drop;
                }
                continue;
            }
            if (Character.isDigit(line.charAt(0))) {
                Mutable e = event(line, no, drop != null && drop, warnings);
                if (e == null) {
                    continue;
                }
                if (current != null && current.number.equals(e.number) && current.zeroLength()
                        && e.transition.startsWith("D")) {
                    // the outgoing side of a dissolve: not an entry of its own
                    fromSide = current;
                    events.remove(events.size() - 1);
                } else {
                    fromSide = null;
                }
                events.add(e);
                current = e;
                continue;
            }
            if (current == null) {
                if (!upper.startsWith("*")) {
                    warnings.add("line " + no + ": not an event, header or comment: " + line);
                }
                continue;
            }
            Matcher aud = AUD.matcher(line);
            if (aud.matches()) {
                current.audio.add(Integer.parseInt(aud.group(1)));
                if (aud.group(2) != null) {
                    current.audio.add(Integer.parseInt(aud.group(2)));
                }
                continue;
            }
            Matcher m2 = M2.matcher(line);
            if (m2.matches()) {
                current.speed = Double.parseDouble(m2.group(2));
                continue;
            }
            Matcher c = COMMENT.matcher(line);
            if (c.matches()) {
                String key = c.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                String value = c.group(2).strip();
                switch (key) {
                    case "FROM CLIP NAME", "CLIP NAME" -> {
                        if (fromSide == null) {
                            current.clipName = value;
                        }
                    }
                    case "TO CLIP NAME" -> current.clipName = value;
                    case "FROM CLIP", "FROM FILE", "SOURCE FILE", "TO CLIP", "TO FILE" -> {
                        if (fromSide == null || key.startsWith("TO") || key.equals("SOURCE FILE")) {
                            current.sourceFile = value;
                        }
                    }
                    case "YINGZHI ASSET" -> current.asset = value;
                    case "SOURCE RANGE" -> current.sourceRange = value;
                    case "COMMENT" -> {
                        if (!value.isEmpty()) {
                            current.notes.add(value);
                        }
                    }
                    case "LOC" -> {
                        // "* LOC: 01:00:01:14 RED     note": the marker's text, if it has any
                        String note = value.replaceFirst("^" + TC + "\\s+\\S+\\s*", "").strip();
                        if (!note.isEmpty() && !TC_ONLY.matcher(note).matches()) {
                            current.notes.add(note);
                        }
                    }
                    default -> {
                    }
                }
                continue;
            }
            // colour decisions, * COM.APPLE..., anything else: kept as a comment of the event
            if (!line.startsWith("*")) {
                warnings.add("line " + no + ": not an event, header or comment: " + line);
            }
            current.comments.add(line.replaceFirst("^\\*\\s*", ""));
        }
        List<Event> out = new ArrayList<>();
        for (Mutable m : events) {
            out.add(m.freeze());
        }
        return new Read(title, headerDrop, List.copyOf(out), List.copyOf(warnings));
    }

    private static Mutable event(String line, int no, boolean fcmDrop, List<String> warnings) {
        String[] t = line.split("\\s+");
        if (t.length < 8) {
            warnings.add("line " + no + ": an event needs number, reel, channels, transition and four timecodes: " + line);
            return null;
        }
        int n = t.length;
        for (int k = n - 4; k < n; k++) {
            if (!TC_ONLY.matcher(t[k]).matches()) {
                warnings.add("line " + no + ": '" + t[k] + "' is not a timecode: " + line);
                return null;
            }
        }
        int transitionAt = -1;
        for (int k = 2; k < n - 4; k++) {
            if (TRANSITION.matcher(t[k]).matches()) {
                transitionAt = k;
            }
        }
        if (transitionAt < 3) {
            warnings.add("line " + no + ": no transition (C, D, W…) after the channels: " + line);
            return null;
        }
        Mutable e = new Mutable();
        e.line = no;
        e.number = t[0].replaceFirst("^0+(?=\\d)", "");
        e.reel = t[1];
        String channel = String.join(" ", java.util.Arrays.copyOfRange(t, 2, transitionAt)).toUpperCase(Locale.ROOT);
        e.transition = t[transitionAt].toUpperCase(Locale.ROOT);
        if (transitionAt + 1 < n - 4) {
            try {
                e.dissolve = Integer.parseInt(t[transitionAt + 1]);
            } catch (NumberFormatException x) {
                warnings.add("line " + no + ": transition length '" + t[transitionAt + 1] + "' is not a number");
            }
        }
        if (e.transition.startsWith("W") || e.transition.startsWith("K")) {
            warnings.add("line " + no + ": transition " + e.transition + " is read as a dissolve");
        }
        switch (channel) {
            case "V" -> e.video = true;
            case "A", "A1" -> e.audio.add(1);
            case "A2" -> e.audio.add(2);
            case "AA", "A1/A2", "A12" -> e.audio.addAll(List.of(1, 2));
            case "B", "A/V", "V/A" -> {
                e.video = true;
                e.audio.add(1);
            }
            case "A2/V" -> {
                e.video = true;
                e.audio.add(2);
            }
            case "AA/V", "V/AA" -> {
                e.video = true;
                e.audio.addAll(List.of(1, 2));
            }
            case "NONE" -> {
            }
            default -> {
                warnings.add("line " + no + ": channels '" + channel + "' read as picture only");
                e.video = true;
            }
        }
        e.sourceIn = t[n - 4];
        e.sourceOut = t[n - 3];
        e.recordIn = t[n - 2];
        e.recordOut = t[n - 1];
        e.dropFrame = fcmDrop || Timecode.looksDropFrame(e.recordIn) || Timecode.looksDropFrame(e.sourceIn);
        return e;
    }

    private static final class Mutable {
        int line;
        String number;
        String reel;
        boolean video;
        final List<Integer> audio = new ArrayList<>();
        String transition;
        int dissolve;
        String sourceIn;
        String sourceOut;
        String recordIn;
        String recordOut;
        boolean dropFrame;
        String clipName;
        String sourceFile;
        String asset;
        String sourceRange;
        Double speed;
        final List<String> notes = new ArrayList<>();
        final List<String> comments = new ArrayList<>();

        boolean zeroLength() {
            return sourceIn.replace(';', ':').equals(sourceOut.replace(';', ':'));
        }

        Event freeze() {
            return new Event(line, number, reel, video, audio.stream().distinct().sorted().toList(), transition,
                    transition.startsWith("C") ? 0 : dissolve, sourceIn, sourceOut, recordIn, recordOut, dropFrame,
                    clipName, sourceFile, asset, sourceRange, speed, List.copyOf(notes), List.copyOf(comments));
        }
    }
}
