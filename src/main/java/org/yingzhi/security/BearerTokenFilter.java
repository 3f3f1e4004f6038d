package org.yingzhi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yingzhi.shared.web.Problems;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>}. A wrong token is answered 401 at once;
 * a missing one leaves the request anonymous, and the security chain decides (every API path needs a user).
 * Part of the security filter chain only (it is not a servlet filter of its own).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final BearerTokens tokens;

    BearerTokenFilter(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<User> user = tokens.find(header.substring(7).trim());
            if (user.isEmpty()) {
                res.setHeader("WWW-Authenticate", "Bearer realm=\"yingzhi\", error=\"invalid_token\"");
                Problems.write(res, 401, "Unauthorized", "The token is not valid.", req.getRequestURI());
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new Authenticated(user.get()));
        }
        chain.doFilter(req, res);
    }

    /** A user signed in by token: the principal is the {@link User}, the authority its role. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private final User user;

        Authenticated(User user) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public User getPrincipal() {
            return user;
        }

        @Override
        public String getName() {
            return user.name();
        }
    }
}
