package org.yingzhi.cut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * OpenTimelineIO JSON ({@code .otio}), written from a {@link CutSheet} and read back.
 * <p>
 * A {@code Timeline.1} whose {@code Stack.1} holds a video {@code Track.1} and one audio track per channel used;
 * each entry is a {@code Clip.2} whose {@code source_range} starts at the entry's source timecode (as a frame
 * count at the source's rate) and lasts its record length at the cut's rate, so the track's durations add up to the
 * record timeline; its {@code ExternalReference.1} points at the original with the source's whole timecode span as
 * {@code available_range}. A dissolve is a {@code Transition.1} with {@code in_offset} 0 and {@code out_offset} its
 * length (it starts at the cut, as the EDL's D event does); a note is a {@code Marker.2}. The catalog's asset id,
 * SHA-256, entry, exact source labels and the cut's outline node are in {@code metadata.yingzhi}.
 */
public final class OtioFormat {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OtioFormat() {
    }

    public static String write(CutSheet sheet) {
        FrameRate rate = sheet.rate();
        Map<String, Object> timelineMeta = new LinkedHashMap<>();
        timelineMeta.put("cut", sheet.cut().id());
        timelineMeta.put("version", sheet.cut().version());
        timelineMeta.put("outline_node", sheet.cut().outlineNode());
        timelineMeta.put("rate", rate.rational());
        timelineMeta.put("drop_frame", rate.dropFrame());
        timelineMeta.put("start_timecode", sheet.recordStart().toString());
        timelineMeta.put("rate_rule", CutSheet.RATE_RULE);
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put("OTIO_SCHEMA", "Timeline.1");
        timeline.put("metadata", Map.of("yingzhi", timelineMeta));
        timeline.put("name", sheet.cut().title());
        timeline.put("global_start_time", time(sheet.recordStart().frames(), rate));
        List<Object> tracks = new ArrayList<>();
        tracks.add(track("V", "Video", sheet, p -> p.entry().video()));
        TreeSet<Integer> channels = new TreeSet<>();
        sheet.placed().forEach(p -> channels.addAll(p.entry().audio()));
        for (int ch : channels) {
            tracks.add(track("A" + ch, "Audio", sheet, p -> p.entry().audio().contains(ch)));
        }
        Map<String, Object> stack = new LinkedHashMap<>();
        stack.put("OTIO_SCHEMA", "Stack.1");
        stack.put("metadata", Map.of());
        stack.put("name", "tracks");
        stack.put("source_range", null);
        stack.put("effects", List.of());
        stack.put("markers", List.of());
        stack.put("enabled", true);
        stack.put("children", tracks);
        timeline.put("tracks", stack);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(timeline) + "\n";
    }

    private static Map<String, Object> track(String name, String kind, CutSheet sheet,
            java.util.function.Predicate<CutSheet.Placed> uses) {
        List<Object> children = new ArrayList<>();
        boolean previousUsed = false;
        for (CutSheet.Placed p : sheet.placed()) {
            boolean used = uses.test(p);
            if (used && previousUsed && p.entry().dissolve() > 0) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("OTIO_SCHEMA", "Transition.1");
                t.put("metadata", Map.of());
                t.put("name", "Cross Dissolve");
                t.put("transition_type", "SMPTE_Dissolve");
                t.put("parameters", Map.of());
                t.put("in_offset", time(0, sheet.rate()));
                t.put("out_offset", time(p.entry().dissolve(), sheet.rate()));
                children.add(t);
            }
            children.add(used ? clip(p, sheet) : gap(p.recordFrames(), sheet.rate()));
            previousUsed = used;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("OTIO_SCHEMA", "Track.1");
        t.put("metadata", Map.of());
        t.put("name", name);
        t.put("source_range", null);
        t.put("effects", List.of());
        t.put("markers", List.of());
        t.put("enabled", true);
        t.put("children", children);
        t.put("kind", kind);
        return t;
    }

    private static Map<String, Object> clip(CutSheet.Placed p, CutSheet sheet) {
        CutSource s = p.source();
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("OTIO_SCHEMA", "ExternalReference.1");
        ref.put("metadata", Map.of());
        ref.put("name", s.fileName());
        ref.put("available_range", range(time(s.start().frames(), s.rate()), time(s.durationFrames(), s.rate())));
        ref.put("available_image_bounds", null);
        ref.put("target_url", s.path() == null ? s.fileName() : FileUrls.of(s.path()));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("asset", s.asset());
        meta.put("sha256", s.sha256());
        meta.put("entry", p.entry().id());
        meta.put("source_in", p.sourceIn().toString());
        meta.put("source_out", p.sourceOut().toString());
        meta.put("source_rate", s.rate().rational());
        meta.put("drop_frame", s.rate().dropFrame());
        meta.put("video", p.entry().video());
        meta.put("audio", p.entry().audio());
        meta.put("unit", s.unit());
        meta.put("rights", s.rights());
        meta.put("outline_node", sheet.cut().outlineNode());
        meta.put("note", p.entry().note());
        meta.put("review", s.approved() ? "approved" : "draft");
        List<Object> markers = new ArrayList<>();
        if (!s.approved()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("OTIO_SCHEMA", "Marker.2");
            m.put("metadata", Map.of("yingzhi", Map.of("review", "draft")));
            m.put("name", ShotListFormat.DRAFT);
            m.put("color", "RED");
            m.put("marked_range", range(time(p.sourceIn().frames(), s.rate()),
                    time(p.sourceOut().frames() - p.sourceIn().frames(), s.rate())));
            m.put("comment", ShotListFormat.DRAFT);
            markers.add(m);
        }
        if (p.entry().note() != null && !p.entry().note().isBlank()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("OTIO_SCHEMA", "Marker.2");
            m.put("metadata", Map.of());
            m.put("name", p.entry().note());
            m.put("color", "YELLOW");
            m.put("marked_range", range(time(p.sourceIn().frames(), s.rate()), time(0, s.rate())));
            m.put("comment", p.entry().note());
            markers.add(m);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("OTIO_SCHEMA", "Clip.2");
        c.put("metadata", Map.of("yingzhi", meta));
        c.put("name", s.title());
        c.put("source_range", range(time(p.sourceIn().frames(), s.rate()), time(p.recordFrames(), sheet.rate())));
        c.put("effects", List.of());
        c.put("markers", markers);
        c.put("enabled", true);
        c.put("media_references", Map.of("DEFAULT_MEDIA", ref));
        c.put("active_media_reference_key", "DEFAULT_MEDIA");
        return c;
    }

    private static Map<String, Object> gap(long frames, FrameRate rate) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("OTIO_SCHEMA", "Gap.1");
        g.put("metadata", Map.of());
        g.put("name", "");
        g.put("source_range", range(time(0, rate), time(frames, rate)));
        g.put("effects", List.of());
        g.put("markers", List.of());
        g.put("enabled", true);
        return g;
    }

    private static Map<String, Object> range(Map<String, Object> start, Map<String, Object> duration) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("OTIO_SCHEMA", "TimeRange.1");
        r.put("duration", duration);
        r.put("start_time", start);
        return r;
    }

    private static Map<String, Object> time(long value, FrameRate rate) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("OTIO_SCHEMA", "RationalTime.1");
        t.put("rate", rate.numerator() / (double) rate.denominator());
        t.put("value", (double) value);
        return t;
    }

    // ---- reading ----

    /** A timeline read back: its name, the cut's rate (null when nothing says it), and its clips in order. */
    public record Read(String title, FrameRate rate, String startTimecode, List<ImportedClip> clips,
            List<String> warnings) {
    }

    /** Reads the first video track of an OTIO timeline (ours or another tool's); bad JSON is an IllegalArgumentException. */
    public static Read read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not OpenTimelineIO JSON: " + e.getOriginalMessage());
        }
        if (!root.path("OTIO_SCHEMA").asString("").startsWith("Timeline.")) {
            throw new IllegalArgumentException("not an OpenTimelineIO timeline (OTIO_SCHEMA is '"
                    + root.path("OTIO_SCHEMA").asString("") + "')");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode meta = root.path("metadata").path("yingzhi");
        FrameRate rate = null;
        if (meta.hasNonNull("rate")) {
            rate = FrameRate.parse(meta.path("rate").asString()).withDropFrame(meta.path("drop_frame").asBoolean(false));
        }
        JsonNode video = null;
        List<JsonNode> audio = new ArrayList<>();
        for (JsonNode t : root.path("tracks").path("children")) {
            if ("Audio".equals(t.path("kind").asString(""))) {
                audio.add(t);
            } else if (video == null) {
                video = t;
            }
        }
        List<ImportedClip> clips = new ArrayList<>();
        if (video == null) {
            warnings.add("no video track");
            return new Read(root.path("name").asString(null), rate, meta.path("start_timecode").asString(null), clips, warnings);
        }
        double at = 0;
        double pendingIn = 0;
        double pendingOut = 0;
        long pendingFrames = 0;
        int index = 0;
        for (JsonNode child : video.path("children")) {
            index++;
            String schema = child.path("OTIO_SCHEMA").asString("");
            if (schema.startsWith("Transition.")) {
                pendingIn = seconds(child.path("in_offset"));
                pendingOut = seconds(child.path("out_offset"));
                // the dissolve's length in its own frames (the record rate)
                double tRate = child.path("out_offset").path("rate").asDouble(child.path("in_offset").path("rate").asDouble(0));
                pendingFrames = Math.round((pendingIn + pendingOut) * tRate);
                continue;
            }
            JsonNode sr = child.path("source_range");
            double duration = seconds(sr.path("duration"));
            if (schema.startsWith("Gap.")) {
                at += duration;
                pendingIn = pendingOut = 0;
                pendingFrames = 0;
                continue;
            }
            if (!schema.startsWith("Clip.")) {
                warnings.add("child " + index + ": " + schema + " is not read");
                at += duration;
                continue;
            }
            JsonNode start = sr.path("start_time");
            double clipRate = start.path("rate").asDouble(0);
            if (clipRate <= 0) {
                warnings.add("child " + index + ": a clip without a rate");
                continue;
            }
            JsonNode m = child.path("metadata").path("yingzhi");
            FrameRate r = FrameRate.fromDouble(clipRate, m.path("drop_frame").asBoolean(false));
            double startValue = start.path("value").asDouble(0);
            // a transition centred on the cut (in_offset > 0): the entry starts where the dissolve does
            double shift = pendingIn;
            if (shift > 0 && !clips.isEmpty()) {
                ImportedClip prev = clips.remove(clips.size() - 1);
                long cut = Math.round(shift * prev.rate().numerator() / prev.rate().denominator());
                clips.add(new ImportedClip(prev.line(), prev.asset(), prev.reel(), prev.clipName(), prev.fileName(),
                        prev.sourceIn(), Math.max(1, prev.recordFrames() - cut), prev.rate(), null, prev.dissolve(),
                        prev.video(), prev.audio(), prev.note()));
            }
            long inFrames = Math.round(startValue - shift * clipRate);
            long frames = Math.round((duration + shift) * clipRate);
            int dissolve = (int) pendingFrames;
            String target = child.path("media_references").path(child.path("active_media_reference_key").asString("DEFAULT_MEDIA"))
                    .path("target_url").asString(child.path("media_reference").path("target_url").asString(null));
            String exact = m.hasNonNull("source_in") && shift == 0
                    ? m.path("source_in").asString() + " " + m.path("source_out").asString() : null;
            List<Integer> channels = new ArrayList<>();
            if (m.has("audio")) {
                m.path("audio").forEach(n -> channels.add(n.asInt()));
            } else {
                for (int k = 0; k < audio.size(); k++) {
                    if (clipAt(audio.get(k), at)) {
                        channels.add(k + 1);
                    }
                }
            }
            String note = m.hasNonNull("note") ? m.path("note").asString() : null;
            if (note == null) {
                // a marker the suite kept is the note; our own draft marker is not
                for (JsonNode marker : child.path("markers")) {
                    if (!"draft".equals(marker.path("metadata").path("yingzhi").path("review").asString(null))) {
                        note = marker.path("name").asString(null);
                        break;
                    }
                }
            }
            clips.add(new ImportedClip(index, m.path("asset").asString(null), null, child.path("name").asString(null),
                    target == null ? null : FileUrls.fileName(target), Timecode.ofFrames(inFrames, r).toString(), frames, r,
                    exact, clips.isEmpty() ? 0 : dissolve, m.path("video").asBoolean(true), channels, note));
            at += duration;
            pendingIn = pendingOut = 0;
            pendingFrames = 0;
        }
        if (rate == null && !clips.isEmpty()) {
            rate = clips.get(0).rate();
        }
        return new Read(root.path("name").asString(null), rate, meta.path("start_timecode").asString(null),
                List.copyOf(clips), List.copyOf(warnings));
    }

    private static boolean clipAt(JsonNode track, double at) {
        double t = 0;
        for (JsonNode c : track.path("children")) {
            String schema = c.path("OTIO_SCHEMA").asString("");
            if (schema.startsWith("Transition.")) {
                continue;
            }
            double d = seconds(c.path("source_range").path("duration"));
            if (Math.abs(t - at) < 1e-6) {
                return schema.startsWith("Clip.");
            }
            t += d;
        }
        return false;
    }

    private static double seconds(JsonNode rt) {
        double rate = rt.path("rate").asDouble(0);
        return rate > 0 ? rt.path("value").asDouble(0) / rate : 0;
    }
}
