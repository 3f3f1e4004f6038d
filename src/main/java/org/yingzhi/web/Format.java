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
}
