package org.yingzhi.web;

import org.springframework.stereotype.Component;

/** Small formatting for pages, as {@code ${@fmt...}} in templates. */
@Component("fmt")
public class Format {

    /** A duration as h:mm:ss or m:ss. */
    public String duration(long micros) {
        long s = Math.round(micros / 1e6);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    /** Bytes as KB, MB or GB. */
    public String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format("%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /** The parts that are there, joined by spaces (an IPTC country, province, city). */
    public String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                sb.append(sb.isEmpty() ? "" : " ").append(p.strip());
            }
        }
        return sb.toString();
    }

    /** Decimal degrees with hemispheres, six places (about 0.1 m): 29.652000° N, 91.172000° E. */
    public String coordinates(double lat, double lon) {
        return String.format(java.util.Locale.ROOT, "%.6f° %s, %.6f° %s", Math.abs(lat), lat < 0 ? "S" : "N",
                Math.abs(lon), lon < 0 ? "W" : "E");
    }

    /** The index pages' path segment of a link target kind: PERSON is people, PROJECT projects, PLACE places. */
    public String plural(String kind) {
        return switch (kind) {
            case "PERSON" -> "people";
            case "PROJECT" -> "projects";
            case "PLACE" -> "places";
            default -> "units";
        };
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** An instant in the server's time zone to the second; empty for none. */
    public String time(java.time.Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A frame rate as broadcasters say it: "25", "29.97", "59.94", "23.976" (from "30000/1001"). */
    public String frameRate(String rational) {
        if (rational == null || rational.isBlank()) {
            return "";
        }
        String[] p = rational.split("/");
        try {
            double fps = Double.parseDouble(p[0]) / (p.length > 1 ? Double.parseDouble(p[1]) : 1);
            if (Math.abs(fps - Math.rint(fps)) < 1e-6) {
                return String.valueOf(Math.round(fps));
            }
            String two = String.format(java.util.Locale.ROOT, "%.2f", fps);
            String shown = Math.abs(Double.parseDouble(two) - fps) < 0.0005 ? two
                    : String.format(java.util.Locale.ROOT, "%.3f", fps);
            return shown.contains(".") ? shown.replaceAll("0+$", "").replaceAll("\\.$", "") : shown;
        } catch (NumberFormatException e) {
            return rational;
        }
    }

    /** Bits per second as kb/s or Mb/s: "1,536 kb/s", "28.8 Mb/s". */
    public String bitRate(Long bps) {
        if (bps == null || bps <= 0) {
            return "";
        }
        if (bps < 10_000_000) {
            return String.format(java.util.Locale.ROOT, "%,d kb/s", Math.round(bps / 1000.0));
        }
        return String.format(java.util.Locale.ROOT, "%.1f Mb/s", bps / 1e6);
    }

    private static final java.util.Map<String, String> CODECS = java.util.Map.ofEntries(
            java.util.Map.entry("h264", "H.264 / AVC"), java.util.Map.entry("hevc", "H.265 / HEVC"),
            java.util.Map.entry("mpeg2video", "MPEG-2 Video"), java.util.Map.entry("mpeg1video", "MPEG-1 Video"),
            java.util.Map.entry("mpeg4", "MPEG-4 Part 2"), java.util.Map.entry("dvvideo", "DV"),
            java.util.Map.entry("prores", "Apple ProRes"), java.util.Map.entry("dnxhd", "Avid DNxHD"),
            java.util.Map.entry("mjpeg", "Motion JPEG"), java.util.Map.entry("vp8", "VP8"), java.util.Map.entry("vp9", "VP9"),
            java.util.Map.entry("av1", "AV1"), java.util.Map.entry("wmv3", "Windows Media Video 9"),
            java.util.Map.entry("rv40", "RealVideo 4"), java.util.Map.entry("ffv1", "FFV1"),
            java.util.Map.entry("aac", "AAC"), java.util.Map.entry("mp3", "MP3"), java.util.Map.entry("mp2", "MPEG Audio Layer II"),
            java.util.Map.entry("ac3", "Dolby Digital (AC-3)"), java.util.Map.entry("eac3", "Dolby Digital Plus"),
            java.util.Map.entry("pcm_s16le", "PCM 16-bit"), java.util.Map.entry("pcm_s16be", "PCM 16-bit (big-endian)"),
            java.util.Map.entry("pcm_s24le", "PCM 24-bit"), java.util.Map.entry("pcm_s24be", "PCM 24-bit (big-endian)"),
            java.util.Map.entry("pcm_s32le", "PCM 32-bit"), java.util.Map.entry("pcm_f32le", "PCM 32-bit float"),
            java.util.Map.entry("pcm_u8", "PCM 8-bit"), java.util.Map.entry("flac", "FLAC"), java.util.Map.entry("alac", "Apple Lossless"),
            java.util.Map.entry("opus", "Opus"), java.util.Map.entry("vorbis", "Vorbis"), java.util.Map.entry("wmav2", "Windows Media Audio 2"),
            java.util.Map.entry("amr_nb", "AMR-NB"), java.util.Map.entry("dts", "DTS"), java.util.Map.entry("cook", "RealAudio Cook"));

    /** A codec's plain name ("H.264 / AVC" for h264), or FFmpeg's short name when there is no better one. */
    public String codec(String name) {
        return name == null ? "" : CODECS.getOrDefault(name, name);
    }

    /**
     * A container's plain name: the first of FFmpeg's long name ("QuickTime / MOV") rather than its demuxer list
     * ("mov,mp4,m4a,3gp,3g2,mj2").
     */
    public String container(String shortName, String longName) {
        if (longName != null && !longName.isBlank()) {
            return longName;
        }
        return shortName == null ? "" : shortName.split(",")[0];
    }
}
