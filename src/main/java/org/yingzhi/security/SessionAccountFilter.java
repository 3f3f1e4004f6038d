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
 * A signed-in session is only as good as its account now: when an administrator disables the account, the session
 * is ended at its next request, page or API alike (a page goes to sign-in, the API answers 401). Tokens are
 * checked against the account on every request already ({@link Accounts#byToken}). Part of the security chain only.
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

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = req.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof User u
                && accounts.find(u.name()).map(Account::disabled).orElse(false)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (SecurityConfig.API.matches(req)) {
                Problems.write(res, 401, "Unauthorized", "This account has been disabled.", req.getRequestURI());
            } else {
                res.sendRedirect(req.getContextPath() + "/login?disabled");
            }
            return;
        }
        chain.doFilter(req, res);
    }
}
