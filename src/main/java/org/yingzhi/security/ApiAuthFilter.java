package org.yingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves {@code Authorization: Bearer <token>} to a {@link User} for every {@code /api/} request and answers
 * 401 (problem+json) when it is missing or wrong. Role and unit checks happen in the services, next to the data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiAuthFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthFilter.class);
    static final String ATTRIBUTE = User.class.getName();

    private final Map<String, User> byToken = new HashMap<>();

    ApiAuthFilter(SecurityProperties props) {
        for (SecurityProperties.Account a : props.users()) {
            if (a.token() == null || a.token().length() < 8 || a.role() == null || a.name() == null) {
                throw new IllegalStateException("user '" + a.name() + "' needs a name, a role and a token of 8+ characters");
            }
            byToken.put(a.token(), new User(a.name(), a.displayName() == null ? a.name() : a.displayName(), a.role(),
                    a.unit() == null ? "" : a.unit()));
            if (a.token().startsWith("dev-")) {
                log.warn("user '{}' has a demo token; set yingzhi.security.users for production", a.name());
            }
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        String token = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        }
        User user = token == null ? null : find(token);
        if (user == null) {
            res.setStatus(401);
            res.setHeader("WWW-Authenticate", "Bearer realm=\"yingzhi\"");
            res.setContentType("application/problem+json");
            res.setCharacterEncoding("UTF-8");
            String detail = token == null ? "Send Authorization: Bearer <token>." : "The token is not valid.";
            res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                    + detail + "\",\"instance\":\"" + req.getRequestURI().replace("\"", "") + "\"}");
            return;
        }
        req.setAttribute(ATTRIBUTE, user);
        chain.doFilter(req, res);
    }

    /** Constant-time comparison so that response timing does not leak token prefixes. */
    private User find(String token) {
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        User found = null;
        for (Map.Entry<String, User> e : byToken.entrySet()) {
            if (MessageDigest.isEqual(t, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return found;
    }
}
