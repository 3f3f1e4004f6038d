package org.yingzhi.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yingzhi.shared.json.Json;

/**
 * Writes an application/problem+json body where no controller advice runs: in servlet filters (sign-in,
 * rejected request paths) and in Tomcat's own error reports (bad encoding, oversized headers). The instance is
 * the request path as sent, JSON-escaped like every other string.
 */
public final class Problems {

    private Problems() {
    }

    public static String json(int status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return Json.MAPPER.writeValueAsString(body);
    }

    /** How filters, which run before Spring MVC, say a coded problem in the reader's language (set at start-up). */
    public interface Localizer {
        String message(jakarta.servlet.http.HttpServletRequest req, String code, Object[] args, String fallback);
    }

    private static volatile Localizer localizer = (req, code, args, fallback) -> fallback;

    public static void localizeWith(Localizer l) {
        localizer = l;
    }

    /** A coded problem: its detail the English text of {@code problem.<code>}, with code, args and message. */
    public static void write(HttpServletResponse res, int status, String title, String code,
            jakarta.servlet.http.HttpServletRequest req, Object... args) throws IOException {
        if (res.isCommitted()) {
            return;
        }
        String detail = org.yingzhi.shared.i18n.Texts.en(org.yingzhi.shared.i18n.Texts.PROBLEM + code, args);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", req.getRequestURI());
        body.put("code", code);
        body.put("args", java.util.Arrays.asList(args));
        body.put("message", localizer.message(req, org.yingzhi.shared.i18n.Texts.PROBLEM + code, args, detail));
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(Json.MAPPER.writeValueAsString(body));
        res.flushBuffer();
    }

    public static void write(HttpServletResponse res, int status, String title, String detail, String instance)
            throws IOException {
        if (res.isCommitted()) {
            return;
        }
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(json(status, title, detail, instance));
        res.flushBuffer();
    }
}
