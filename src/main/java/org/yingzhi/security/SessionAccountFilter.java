package org.yingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yingzhi.shared.web.Problems;

/**
 * A signed-in session is only as good as its account now, read once per request: when an administrator disables
 * the account, the session is ended at its next request, page or API alike (a page goes to sign-in, the API
 * answers 401); while the account still holds a one-time password (a new account, a reset), its pages send it to
 * set its own first. Tokens are checked against the account on every request already ({@link Accounts#byToken}).
 * Part of the security chain only.
 */
final class SessionAccountFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    SessionAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Style sheets, scripts and icons: nothing to protect, and several per page. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String p = req.getServletPath();
        return p.startsWith("/css/") || p.startsWith("/js/") || p.startsWith("/webjars/") || p.equals("/favicon.ico");
    }

    /** Pages a one-time password may still open: setting one's own, signing out, errors, the API's description. */
    private static boolean isExempt(String path) {
        return path.startsWith("/me") || path.equals("/login") || path.equals("/logout") || path.equals("/error")
                || path.startsWith("/v3/") || path.startsWith("/swagger-ui") || path.startsWith("/actuator/");
    }

    /** What an account holding a one-time password may still send: its new password, and signing out. */
    private static boolean mayWriteBeforeSettingPassword(String path) {
        return path.equals("/api/me/password") || path.equals("/me/password") || path.equals("/logout")
                || path.equals("/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = req.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean byToken = auth instanceof BearerTokenFilter.Authenticated;
        // the account behind a session or a token (a configured token's user may have an account of the same name)
        Account a = (session != null || byToken) && auth != null && auth.getPrincipal() instanceof User u
                ? accounts.find(u.name()).orElse(null) : null;
        boolean api = SecurityConfig.API.matches(req);
        String path = req.getServletPath();
        if (a != null && a.disabled()) {
            SecurityContextHolder.clearContext();
            if (byToken) {
                Problems.write(res, 403, "Forbidden", "policy.disabled", req);
                return;
            }
            session.invalidate();
            if (api) {
                Problems.write(res, 401, "Unauthorized", "This account has been disabled.", req.getRequestURI());
            } else {
                res.sendRedirect(req.getContextPath() + "/login?disabled");
            }
            return;
        }
        if (a != null && !byToken && auth.getPrincipal() instanceof User u
                && (u.role() != a.role() || !java.util.Objects.equals(u.unit(), a.user().unit()))) {
            // an administrator changed the account's role or unit: the session acts with them from now on
            SecurityContextHolder.getContext().setAuthentication(new BearerTokenFilter.Authenticated(a.user()));
        }
        if (a != null && a.mustChangePassword() && !byToken) {
            // a one-time password opens nothing but the page that replaces it: no reading or writing over the API,
            // no personal token, until the account has set its own. (A token is a credential of its own: a
            // configured one was set by the operator; a personal one cannot be made before the password is set.)
            if (api && !mayWriteBeforeSettingPassword(path)) {
                Problems.write(res, 403, "Forbidden", "policy.setPasswordFirst", req);
                return;
            }
            if (!api && "GET".equals(req.getMethod()) && !isExempt(path)) {
                res.sendRedirect(req.getContextPath() + "/me?change");
                return;
            }
            if (!api && !"GET".equals(req.getMethod()) && !mayWriteBeforeSettingPassword(path)) {
                res.sendRedirect(req.getContextPath() + "/me?change");
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
