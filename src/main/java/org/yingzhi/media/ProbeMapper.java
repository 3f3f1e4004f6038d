package org.yingzhi.media;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * Turns what the demuxer reported into {@link MediaInfo}: picks the start timecode (tmcd track first, then the
 * video stream's tag, then the container's), decides frame rates as rationals, and keeps every doubt as a warning.
 */
public final class ProbeMapper {

    private static final List<String> KEPT_TAGS = List.of("title", "comment", "description", "artist", "album",
            "date", "creation_time", "encoder", "make", "model", "location", "com.apple.quicktime.location.ISO6709",
            "reel_name", "major_brand", "copyright");

    private ProbeMapper() {
    }

    /** The pixel aspect ratio as ffprobe writes it ("64:45"), or null when unknown. */
    static String sar(RawProbe.Stream s) {
        return s.sarNum() > 0 && s.sarDen() > 0 ? reduced(s.sarNum(), s.sarDen()) : null;
    }

    /**
     * The display aspect ratio (picture size times pixel aspect, reduced, as ffprobe computes it), or null when the
     * pixel aspect is unknown (ffprobe then reports neither).
     */
    static String dar(RawProbe.Stream s) {
        if (s.width() <= 0 || s.height() <= 0 || sar(s) == null) {
            return null;
        }
        return reduced((long) s.width() * s.sarNum(), (long) s.height() * s.sarDen());
    }

    private static String reduced(long num, long den) {
        long g = java.math.BigInteger.valueOf(num).gcd(java.math.BigInteger.valueOf(den)).longValue();
        return num / g + ":" + den / g;
    }

    public static MediaInfo map(RawProbe raw) {
        List<String> warnings = new ArrayList<>(raw.warnings());
        List<MediaInfo.MediaStream> streams = new ArrayList<>();
        RawProbe.Stream firstVideo = null;
        for (RawProbe.Stream s : raw.streams()) {
            FrameRate rate = null;
            boolean video = s.type().equals("video");
            if (s.type().equals("video")) {
                rate = videoRate(s).orElse(null);
                if (firstVideo == null) {
                    firstVideo = s;
                }
            }
            streams.add(new MediaInfo.MediaStream(s.index(), s.type(), s.codec(), blankToNull(s.codecTag()),
                    positive(s.width()), positive(s.height()), rate == null ? null : rate.rational(),
                    rate == null ? null : round3(rate.fps()), positive(s.bitRate()), positive(s.sampleRate()),
                    positive(s.channels()), s.durationMicros() >= 0 ? s.durationMicros() : null,
                    positive(s.frames()), video ? sar(s) : null, video ? dar(s) : null, video ? s.fieldOrder() : null,
                    video ? FieldOrder.of(s.fieldOrder(), s.codec(), s.height()).interlaced() : null));
        }
        if (streams.stream().noneMatch(s -> s.kind().equals("video") || s.kind().equals("audio"))) {
            warnings.add("no video or audio stream found");
        }
        Long duration = duration(raw, warnings);
        if (duration == null) {
            warnings.add("duration unknown");
        }
        checkComplete(raw, warnings);

        MediaInfo.TimecodeInfo tc = timecode(raw, firstVideo, warnings);
        Map<String, String> tags = new LinkedHashMap<>();
        // tag names in any case: FLAC and Vorbis comments are often TITLE, ARTIST, COPYRIGHT
        Map<String, String> byLowerName = new LinkedHashMap<>();
        raw.tags().forEach((k, v) -> byLowerName.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), v));
        for (String k : KEPT_TAGS) {
            String v = raw.tags().get(k);
            if (v == null) {
                v = byLowerName.get(k.toLowerCase(java.util.Locale.ROOT));
            }
            if (v != null && !v.isBlank()) {
                tags.put(k.replace('.', '_'), v.trim());
            }
        }
        // phones and cameras write their make and model under their own keys (QuickTime "mdta" keys, Android)
        for (String[] alias : new String[][] {{"make", "com.apple.quicktime.make"}, {"make", "com.android.manufacturer"},
            {"model", "com.apple.quicktime.model"}, {"model", "com.android.model"},
            {"software", "com.apple.quicktime.software"}, {"software", "com.android.version"}}) {
            String v = byLowerName.get(alias[1]);
            if (!tags.containsKey(alias[0]) && v != null && !v.isBlank()) {
                tags.put(alias[0], v.trim());
            }
        }
        String creation = creationTime(raw, warnings);
        return new MediaInfo(raw.formatName(), raw.formatLongName(), duration,
                duration == null ? null : duration / 1_000_000.0, positive(raw.bitRate()), creation,
                streams, tc, tags, warnings, recording(raw, tags, warnings));
    }

    /**
     * The recording date: the recorder's own (a DV tape's VAUX, AVCHD's MDPM, a BWF's origination), then a RIFF
     * ICRD, an ASF creation date, then the container's creation time; make and model from the container's keys,
     * else AVCHD's maker code. Null when nothing is known.
     */
    static MediaInfo.Recording recording(RawProbe raw, Map<String, String> tags, List<String> warnings) {
        Map<String, String> f = raw.facts();
        String dateTime = null;
        String source = null;
        for (String[] c : new String[][] {{"dv.recorded", "dv-vaux"}, {"mdpm.recorded", "mdpm"},
            {"bext.recorded", "bext"}, {"riff.created", "riff-icrd"}, {"asf.created", "asf"}}) {
            if (f.get(c[0]) != null) {
                dateTime = f.get(c[0]);
                source = c[1];
                break;
            }
        }
        if ("riff-icrd".equals(source) && f.get("riff.time") != null && dateTime.endsWith("T00:00:00")) {
            dateTime = dateTime.substring(0, 11) + f.get("riff.time"); // the camera's exif list holds the time
        }
        if (dateTime == null) {
            String v = containerDate(raw);
            When w = v == null ? null : when(v);
            if (w != null && (w.offset() == null || w.instant().getEpochSecond() > 0)) {
                dateTime = w.iso();
                source = "container";
            }
        }
        String instant = null;
        if (dateTime != null) {
            When w = when(dateTime);
            instant = w == null || w.offset() == null ? null : w.instant().toString();
            if (w != null && w.offset() == null) {
                warnings.add(org.yingzhi.shared.i18n.Texts.en("reason.probe.localRecording", dateTime, source));
            }
        }
        String make = tags.get("make") != null ? tags.get("make") : f.get("mdpm.make") != null ? f.get("mdpm.make")
                : f.get("riff.make");
        String model = tags.get("model") != null ? tags.get("model") : f.get("riff.model");
        if (dateTime == null && make == null && model == null) {
            return null;
        }
        return new MediaInfo.Recording(dateTime, instant, source, make, model);
    }

    /** A date-time as a file states it: local, or with its offset. */
    record When(java.time.LocalDateTime local, java.time.ZoneOffset offset) {

        Instant instant() {
            return offset == null ? null : local.atOffset(offset).toInstant();
        }

        String iso() {
            String l = local.withNano(0).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return offset == null ? l : l + offset.getId();
        }
    }

    /** ISO-8601 with or without a zone, EXIF-style "2003:03:10 15:04:43", or a C-library time; null otherwise. */
    static When when(String v) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(v);
            return new When(t.toLocalDateTime(), t.getOffset());
        } catch (DateTimeParseException e) {
            // not ISO with a zone
        }
        try {
            return new When(java.time.LocalDateTime.parse(v.replaceFirst("^(\\d{4})[:-](\\d{2})[:-](\\d{2})[ T]", "$1-$2-$3T")), null);
        } catch (DateTimeParseException e) {
            try {
                return new When(java.time.LocalDateTime.parse(v.replaceAll("\\s+", " "), CTIME), null);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String containerDate(RawProbe raw) {
        String v = raw.tags().get("creation_time");
        if (v == null) {
            for (RawProbe.Stream s : raw.streams()) {
                v = s.tags().get("creation_time");
                if (v != null) {
                    break;
                }
            }
        }
        if (v == null) {
            v = raw.tags().get("modification_date"); // MXF keeps its date as the material's modification date
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Video rate as a rational: r_frame_rate when it is sane, else the average rate. An interlaced stream whose base
     * rate is twice its average counts fields in its base rate (H.264 field pictures, whose timing unit is the
     * field, or an elementary stream's VUI {@code time_scale}): its frame rate is the average, 25 for 1080i50.
     */
    static Optional<FrameRate> videoRate(RawProbe.Stream s) {
        boolean fields = FieldOrder.of(s.fieldOrder(), s.codec(), s.height()).interlaced() && s.avgFrameRateNum() > 0
                && s.avgFrameRateDen() > 0 && s.rFrameRateDen() > 0
                && (long) s.rFrameRateNum() * s.avgFrameRateDen() == 2L * s.avgFrameRateNum() * s.rFrameRateDen();
        int[][] order = fields
                ? new int[][] {{s.avgFrameRateNum(), s.avgFrameRateDen()}}
                : new int[][] {{s.rFrameRateNum(), s.rFrameRateDen()}, {s.avgFrameRateNum(), s.avgFrameRateDen()}};
        for (int[] r : order) {
            if (r[0] > 0 && r[1] > 0) {
                double fps = (double) r[0] / r[1];
                if (fps >= 1 && fps <= 300) {
                    return Optional.of(FrameRate.fromDouble(fps, false));
                }
            }
        }
        return Optional.empty();
    }

    private static MediaInfo.TimecodeInfo timecode(RawProbe raw, RawProbe.Stream video, List<String> warnings) {
        String videoTag = video == null ? null : video.tags().get("timecode");
        String tmcdTag = null;
        if (raw.tmcd() != null) {
            tmcdTag = raw.streams().stream().filter(s -> s.index() == raw.tmcd().streamIndex())
                    .map(s -> s.tags().get("timecode")).filter(t -> t != null).findFirst().orElse(null);
        }
        FrameRate videoRate = video == null ? null : videoRate(video).orElse(null);

        if (raw.tmcd() != null && raw.tmcd().counter() != null && raw.tmcd().timescale() > 0
                && raw.tmcd().frameDuration() > 0) {
            RawProbe.Tmcd t = raw.tmcd();
            boolean df = (t.flags() & 1) != 0;
            try {
                FrameRate rate = FrameRate.fromDouble((double) t.timescale() / t.frameDuration(), false);
                if (df && !rate.supportsDropFrame()) {
                    warnings.add("timecode track says drop-frame at " + rate + " fps, read as non-drop");
                    df = false;
                }
                rate = rate.withDropFrame(df);
                Timecode start = Timecode.ofFrames(t.counter(), rate);
                String other = tmcdTag != null ? tmcdTag : videoTag;
                if (other != null && !sameLabel(other, start)) {
                    warnings.add("timecode track counts " + start + " but the timecode tag says " + other);
                }
                return info(start, "tmcd");
            } catch (IllegalArgumentException e) {
                warnings.add("unreadable timecode track: " + e.getMessage());
            }
        }
        for (String[] candidate : new String[][] {{tmcdTag, "tmcd-tag"}, {videoTag, "stream-tag"},
                {raw.tags().get("timecode"), "format-tag"}}) {
            String label = candidate[0];
            if (label == null || label.isBlank()) {
                continue;
            }
            FrameRate rate = videoRate;
            if (rate == null) {
                warnings.add("timecode " + label + " found but the frame rate is unknown");
                return null;
            }
            try {
                return info(Timecode.parse(label, rate), candidate[1]);
            } catch (IllegalArgumentException e) {
                warnings.add("unreadable timecode tag '" + label + "': " + e.getMessage());
            }
        }
        return null;
    }

    private static boolean sameLabel(String label, Timecode tc) {
        return label.trim().replace(',', ';').equals(tc.toString());
    }

    private static MediaInfo.TimecodeInfo info(Timecode start, String source) {
        return new MediaInfo.TimecodeInfo(start.toString(), start.frames(), start.rate().rational(),
                start.rate().toString(), start.rate().dropFrame(), source);
    }

    /**
     * A file whose index promises more media than the file holds was cut short (a truncated faststart MP4 opens
     * fine and just ends early).
     */
    private static void checkComplete(RawProbe raw, List<String> warnings) {
        if (raw.fileSize() <= 0 || raw.durationMicros() <= 0 || raw.facts().containsKey("playable.micros")) {
            return;
        }
        long promised = 0;
        // DV carries its sound inside the video's DIF blocks: the video stream's rate is the whole file's already
        boolean dv = raw.streams().stream().anyMatch(s -> "dvvideo".equals(s.codec()));
        for (RawProbe.Stream s : raw.streams()) {
            if (dv && "audio".equals(s.type())) {
                continue;
            }
            if (s.bitRate() > 0 && s.durationMicros() > 0) {
                promised += s.bitRate() / 8 * s.durationMicros() / 1_000_000;
            }
        }
        if (promised > 0 && promised > raw.fileSize() * 1.05 + 4096) {
            warnings.add("file looks truncated: its index describes about " + promised + " bytes of media but the file has "
                    + raw.fileSize());
        }
    }

    /**
     * The container's creation time as an instant, only when it states its zone (QuickTime, Matroska and MXF are UTC
     * by their specifications); a local time (AVI IDIT, camcorders) is not turned into an instant on a guess but
     * kept as the local recording time (see {@link #recording}). A WAV's "creation_time" is FFmpeg's name for the
     * bext origination time alone, not a date, and is not read as one.
     */
    private static String creationTime(RawProbe raw, List<String> warnings) {
        String v = containerDate(raw);
        if (v == null || v.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            return null;
        }
        When t = when(v);
        if (t == null) {
            warnings.add("unreadable creation_time '" + v + "'");
            return null;
        }
        if (t.offset() == null || t.instant().getEpochSecond() <= 0) {
            return null; // QuickTime writers leave 1904/1970 epochs when the clock was unset
        }
        return t.instant().toString();
    }

    private static final java.time.format.DateTimeFormatter CTIME = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("EEE MMM d HH:mm:ss yyyy").toFormatter(java.util.Locale.ENGLISH);

    /**
     * The most trustworthy duration: the container's, unless it has none (then the longest audio or video stream's)
     * or it is longer than every stream by more than 5% and a second (a header left from a longer recording, or a
     * broken one: the streams are what can be played). A disagreement is recorded as a warning with both values and
     * the choice.
     */
    static Long duration(RawProbe raw, List<String> warnings) {
        Long container = raw.durationMicros() > 0 ? raw.durationMicros() : null;
        String playable = raw.facts().get("playable.micros");
        if (playable != null) {
            // cut short: the index promises more than the file holds; what is there is what can be played
            long p = Long.parseLong(playable);
            warnings.add(org.yingzhi.shared.i18n.Texts.en("reason.probe.cutShort",
                    container == null ? "?" : seconds(container), seconds(p)));
            return p > 0 ? p : null;
        }
        Long longest = null;
        for (RawProbe.Stream s : raw.streams()) {
            if ((s.type().equals("video") || s.type().equals("audio")) && s.durationMicros() > 0
                    && (longest == null || s.durationMicros() > longest)) {
                longest = s.durationMicros();
            }
        }
        if (container == null && longest == null) {
            // neither says: the length a RIFF header states (AVI main header, WAV data size over byte rate)
            for (String[] h : new String[][] {{"avi.headerMicros", "reason.probe.aviHeader"},
                {"riff.dataMicros", "reason.probe.wavData"}}) {
                String v = raw.facts().get(h[0]);
                if (v != null && Long.parseLong(v) > 0) {
                    warnings.add(org.yingzhi.shared.i18n.Texts.en(h[1], seconds(Long.parseLong(v))));
                    return Long.parseLong(v);
                }
            }
        }
        String header = raw.facts().get("mov.headerMicros");
        Long chosen = container != null ? container : longest;
        if (header != null && chosen != null && Long.parseLong(header) > chosen * 1.05 + 1_000_000) {
            // the movie header promises more than the tracks hold (cut short, or broken sample tables)
            long holds = Math.max(chosen, longest == null ? 0 : longest);
            warnings.add(org.yingzhi.shared.i18n.Texts.en("reason.probe.cutShort", seconds(Long.parseLong(header)),
                    seconds(holds)));
        }
        if (container == null) {
            if (longest != null) {
                warnings.add("the container gives no duration; taken from the longest stream (" + seconds(longest) + " s)");
            }
            return longest;
        }
        if (longest != null && Math.abs(container - longest) > Math.max(1_000_000L, Math.max(container, longest) / 20)) {
            boolean streams = container > longest;
            warnings.add("durations disagree: the container says " + seconds(container) + " s, the longest stream "
                    + seconds(longest) + " s; using " + (streams
                            ? "the streams' (the container's header claims more than its streams hold)"
                            : "the container's (a stream's header is shorter than the file)"));
            return streams ? longest : container;
        }
        return container;
    }

    private static String seconds(long micros) {
        return String.format(java.util.Locale.ROOT, "%.3f", micros / 1_000_000.0);
    }

    private static Integer positive(int v) {
        return v > 0 ? v : null;
    }

    private static Long positive(long v) {
        return v > 0 ? v : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
