package org.yingzhi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.yingzhi.security.Account;
import org.yingzhi.security.AccountService;
import org.yingzhi.security.User;

/**
 * Pages of a signed-in session whose account still holds a one-time password (a new account, a reset) send it to
 * set its own before anything else. (A disabled account's session is ended earlier, in the security chain.)
 */
class AccountStateInterceptor implements HandlerInterceptor {

    private final AccountService accounts;

    AccountStateInterceptor(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) throws Exception {
        HttpSession session = req.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || auth == null || !(auth.getPrincipal() instanceof User u)) {
            return true;
        }
        Account a = accounts.find(u.name()).orElse(null);
        if (a == null) {
            return true; // a configured token user riding a session: nothing stored to check
        }
        String path = req.getServletPath();
        if (a.mustChangePassword() && "GET".equals(req.getMethod()) && !path.startsWith("/me")) {
            res.sendRedirect(req.getContextPath() + "/me?change");
            return false;
        }
        return true;
    }
}
