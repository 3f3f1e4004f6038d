package org.yingzhi.shared.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.yingzhi.shared.io.Sha256;

/**
 * Gives every request an id ({@code X-Request-Id}, the caller's if it is a plain token) and what the audit log
 * records of it: the client address and a hash of the session or token (never the secret itself). A write request
 * is journaled before its handler runs, so a crash in any write leaves something the sweep records. A successful
 * write request (2xx) whose handler described no write of its own is recorded here, by its route and path
 * variables, and logged: every write path should describe its change, and this names the ones that do not.
 */
class AuditRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditRequestFilter.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final AuditLog audit;

    AuditRequestFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String given = req.getHeader("X-Request-Id");
        String id = given != null && REQUEST_ID.matcher(given).matches() ? given : new ObjectId().toHexString();
        res.setHeader("X-Request-Id", id);
        AuditContext ctx = new AuditContext(id, req.getRemoteAddr(), session(req));
        boolean write = writes(req);
        String op = null;
        AuditContext.set(ctx);
        try {
            if (write) {
                op = new ObjectId().toHexString();
                try {
                    audit.repo().journal(new Document("_id", op).append("at", new Date())
                            .append("actor", AuditLog.actor("anonymous", null)).append("session", ctx.session).append("client", ctx.client)
                            .append("request", id).append("route", new Document("method", req.getMethod())
                                    .append("path", req.getRequestURI())));
                } catch (RuntimeException e) {
                    op = null; // the catalog is failing: the write itself will say so
                }
            }
            chain.doFilter(req, res);
        } finally {
            try {
                if (op != null) {
                    int status = res.getStatus();
                    if (ctx.appended == 0 && !ctx.unchanged && status >= 200 && status < 300 && !req.isAsyncStarted()) {
                        undescribed(req, op, ctx);
                    }
                    audit.repo().unjournal(op);
                }
            } catch (RuntimeException e) {
                log.warn("audit: {}", e.toString());
            } finally {
                AuditContext.set(null);
            }
        }
    }

    private void undescribed(HttpServletRequest req, String op, AuditContext ctx) {
        Object pattern = req.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? req.getRequestURI() : pattern.toString();
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) req.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String target = vars == null ? null : vars.getOrDefault("id", vars.values().stream().findFirst().orElse(null));
        Change c = new Change(req.getMethod() + " " + route, "route", target, null, null,
                vars == null ? null : Map.copyOf(vars), null);
        Document entry = new Document("_id", op).append("actor", AuditLog.actor("anonymous", null)).append("session", ctx.session)
                .append("client", ctx.client).append("request", ctx.request);
        audit.append(op, entry, c, "ok");
        log.info("audit: {} {} recorded by its route (it describes no change of its own)", req.getMethod(), route);
    }

    /**
     * Requests that may write: not reads, not sign-in, not the bytes of a resumable upload (its end is an ingest,
     * which records itself), not a duplicate check.
     */
    static boolean writes(HttpServletRequest req) {
        String m = req.getMethod();
        if (!(m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE"))) {
            return false;
        }
        String p = req.getRequestURI();
        return !(p.equals("/login") || p.equals("/logout") || p.startsWith("/api/uploads") || p.startsWith("/uploads/")
                || p.equals("/api/precheck") || p.startsWith("/api/assets/precheck"));
    }

    /** "token:" or "session:" and the first 16 hex digits of the SHA-256 of the id; null for an anonymous call. */
    static String session(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "token:" + Sha256.of(h.substring(7).trim()).substring(0, 16);
        }
        HttpSession s = req.getSession(false);
        return s == null ? null : "session:" + Sha256.of(s.getId()).substring(0, 16);
    }
}
