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
}
