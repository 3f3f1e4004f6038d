package org.yingzhi.cut;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yingzhi.timecode.FrameRate;

/**
 * Final Cut Pro XML ({@code fcpxml} 1.9), written from a {@link CutSheet}: {@code resources} with a {@code format}
 * per frame rate and size and an {@code asset} per original ({@code media-rep} to the file, its source timecode as
 * {@code start}, its SHA-256 as {@code uid}), and a project whose {@code spine} holds an {@code asset-clip} per entry
 * with rational {@code offset} (record time from the sequence's {@code tcStart}), {@code start} (the source
 * timecode of the in-point, on the source's grid) and {@code duration} (on the sequence's grid), and a
 * {@code transition} starting at the cut for each dissolve.
 */
public final class FcpxmlFormat {

    private FcpxmlFormat() {
    }

    public static String write(CutSheet sheet) {
        FrameRate rate = sheet.rate();
        StringBuilder res = new StringBuilder();
        Map<String, String> formats = new LinkedHashMap<>();
        Map<String, String> assets = new LinkedHashMap<>();
        int[] next = {1};
        CutSheet.Placed firstVideo = sheet.placed().stream().filter(p -> p.source().hasVideo()).findFirst().orElse(null);
        String seqFormat = format(formats, next, res, rate, firstVideo == null ? 1920 : firstVideo.source().width(),
                firstVideo == null ? 1080 : firstVideo.source().height());
        for (CutSheet.Placed p : sheet.placed()) {
            CutSource s = p.source();
            if (assets.containsKey(s.asset())) {
                continue;
            }
            String f = s.hasVideo() ? format(formats, next, res, s.rate(), s.width(), s.height()) : null;
            String id = "r" + next[0]++;
            assets.put(s.asset(), id);
            res.append("    <asset id=\"").append(id).append("\" name=\"").append(Xml.esc(s.title()))
                    .append("\" uid=\"").append(Xml.esc(s.sha256() == null ? s.asset() : s.sha256().toUpperCase()))
                    .append("\" start=\"").append(time(s.start().frames(), s.rate()))
                    .append("\" duration=\"").append(time(s.durationFrames(), s.rate()))
                    .append("\" hasVideo=\"").append(s.hasVideo() ? 1 : 0).append('"');
            if (f != null) {
                res.append(" format=\"").append(f).append('"');
            }
            if (s.audioChannels() > 0) {
                res.append(" hasAudio=\"1\" audioSources=\"1\" audioChannels=\"").append(s.audioChannels())
                        .append("\" audioRate=\"").append(s.sampleRate() > 0 ? s.sampleRate() : 48000).append('"');
            }
            res.append(">\n");
            if (s.path() != null) {
                res.append("      <media-rep kind=\"original-media\" src=\"").append(Xml.esc(FileUrls.of(s.path())))
                        .append("\"/>\n");
            }
            res.append("      <metadata>\n        <md key=\"com.apple.proapps.studio.reel\" value=\"")
                    .append(Xml.esc(Reels.base(s, 32))).append("\"/>\n");
            res.append("        <md key=\"com.apple.proapps.mio.ingestDate\" value=\"\"/>\n");
            res.append("      </metadata>\n    </asset>\n");
        }
        StringBuilder spine = new StringBuilder();
        long tcStart = sheet.recordStart().frames();
        for (CutSheet.Placed p : sheet.placed()) {
            long offset = tcStart + p.recordIn().frames() - sheet.recordStart().frames();
            if (p.entry().dissolve() > 0) {
                spine.append("            <transition name=\"Cross Dissolve\" offset=\"").append(time(offset, rate))
                        .append("\" duration=\"").append(time(p.entry().dissolve(), rate)).append("\"/>\n");
            }
            CutSource s = p.source();
            spine.append("            <asset-clip ref=\"").append(assets.get(s.asset())).append("\" name=\"")
                    .append(Xml.esc(s.title())).append("\" offset=\"").append(time(offset, rate))
                    .append("\" start=\"").append(time(p.sourceIn().frames(), s.rate()))
                    .append("\" duration=\"").append(time(p.recordFrames(), rate))
                    .append("\" tcFormat=\"").append(s.rate().dropFrame() ? "DF" : "NDF").append('"');
            if (!p.entry().video() && !p.entry().audio().isEmpty()) {
                spine.append(" srcEnable=\"audio\"");
            } else if (p.entry().video() && p.entry().audio().isEmpty()) {
                spine.append(" srcEnable=\"video\"");
            }
            spine.append(">\n");
            if (!p.entry().audio().isEmpty() && p.entry().audio().size() < s.audioChannels()) {
                spine.append("              <audio-channel-source srcCh=\"")
                        .append(String.join(", ", p.entry().audio().stream().map(String::valueOf).toList()))
                        .append("\" role=\"dialogue\"/>\n");
            }
            String note = p.entry().note() == null || p.entry().note().isBlank() ? null : p.entry().note();
            if (!s.approved()) {
                note = note == null ? ShotListFormat.DRAFT : ShotListFormat.DRAFT + " " + note;
            }
            if (note != null) {
                spine.append("              <note>").append(Xml.esc(note)).append("</note>\n");
            }
            spine.append("              <metadata>\n                <md key=\"com.apple.proapps.studio.shotName\" value=\"")
                    .append(Xml.esc("yingzhi:" + s.asset() + " entry:" + p.entry().id())).append("\"/>\n")
                    .append("              </metadata>\n");
            spine.append("            </asset-clip>\n");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE fcpxml>\n<fcpxml version=\"1.9\">\n");
        sb.append("  <resources>\n").append(res).append("  </resources>\n");
        sb.append("  <library>\n    <event name=\"").append(Xml.esc("影志")).append("\">\n");
        sb.append("      <project name=\"").append(Xml.esc(sheet.cut().title())).append("\">\n");
        sb.append("        <sequence format=\"").append(seqFormat).append("\" duration=\"")
                .append(time(sheet.totalFrames(), rate)).append("\" tcStart=\"").append(time(tcStart, rate))
                .append("\" tcFormat=\"").append(rate.dropFrame() ? "DF" : "NDF")
                .append("\" audioLayout=\"stereo\" audioRate=\"48k\">\n");
        if (sheet.mixedRates()) {
            sb.append("          <note>").append(Xml.esc(CutSheet.RATE_RULE)).append("</note>\n");
        }
        sb.append("          <spine>\n").append(spine).append("          </spine>\n");
        sb.append("        </sequence>\n      </project>\n    </event>\n  </library>\n</fcpxml>\n");
        return sb.toString();
    }

    private static String format(Map<String, String> formats, int[] next, StringBuilder res, FrameRate r, int w, int h) {
        String key = r.rational() + "@" + w + "x" + h;
        String id = formats.get(key);
        if (id != null) {
            return id;
        }
        id = "r" + next[0]++;
        formats.put(key, id);
        res.append("    <format id=\"").append(id).append("\" frameDuration=\"").append(time(1, r))
                .append("\" width=\"").append(w > 0 ? w : 1920).append("\" height=\"").append(h > 0 ? h : 1080)
                .append("\"/>\n");
        return id;
    }

    /** Frames at a rate as FCPXML's rational seconds: {@code 1001/30000s}, {@code 3600s}, {@code 0s}. */
    static String time(long frames, FrameRate r) {
        BigInteger n = BigInteger.valueOf(frames).multiply(BigInteger.valueOf(r.denominator()));
        BigInteger d = BigInteger.valueOf(r.numerator());
        if (n.signum() == 0) {
            return "0s";
        }
        BigInteger g = n.gcd(d);
        n = n.divide(g);
        d = d.divide(g);
        return d.equals(BigInteger.ONE) ? n + "s" : n + "/" + d + "s";
    }
}
