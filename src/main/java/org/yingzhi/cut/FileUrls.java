package org.yingzhi.cut;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** {@code file://} URLs of originals for editing suites: every byte outside the unreserved set percent-encoded. */
final class FileUrls {

    private FileUrls() {
    }

    /** {@code file:///srv/media/%E6%8B%89%E8%90%A8.mov} */
    static String of(String path) {
        return "file://" + encodePath(path);
    }

    /** {@code file://localhost/...}, as Final Cut Pro 7 and Premiere write {@code pathurl}. */
    static String localhost(String path) {
        return "file://localhost" + encodePath(path);
    }

    static String encodePath(String path) {
        String p = path.replace('\\', '/');
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** The last part of a URL or path, decoded. */
    static String fileName(String url) {
        String s = url.replace('\\', '/');
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        String last = s.substring(s.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }
}
