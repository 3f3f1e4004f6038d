package org.yingzhi.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yingzhi.shared.web.Problems;

/**
 * Who may call what, decided by Spring Security on the path the dispatcher uses.
 * <ul>
 * <li>Its firewall ({@code StrictHttpFirewall}) rejects, before anything else runs, paths that are spelled so
 * that a prefix check and the dispatcher could disagree: {@code ;} parameters, encoded {@code / \ . %}, {@code //},
 * {@code /./} and {@code /../}. They are answered 400 problem+json.</li>
 * <li>Two ways in: scripts send {@code Authorization: Bearer <token>} (configured tokens or personal tokens of
 * accounts), browsers sign in with a name and password on {@code /login} and carry a session cookie, which also
 * opens the API (so {@code <video>} and {@code <img>} load proxies and posters). Requests that ride on a session
 * need the CSRF token for every change; requests with a bearer token or without a session have no cookie to abuse
 * and need none.</li>
 * <li>Every request needs a signed-in user except the sign-in page, static files, the OpenAPI document, Swagger UI
 * and the health probes: the chain fails closed. Without one, the API answers 401 problem+json and pages send the
 * browser to the sign-in page.</li>
 * <li>Role and unit checks stay in {@link AccessPolicy}, next to the data.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
        type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

    /** API paths, in any letter case (a wrongly cased one is still answered as the API answers, not as a page). */
    static final RequestMatcher API = req -> {
        String p = path(req).toLowerCase(java.util.Locale.ROOT);
        return p.startsWith("/api/") || p.equals("/api");
    };

    /** The decoded path the dispatcher maps ({@code /%61pi/assets} is {@code /api/assets} here, as there). */
    private static String path(HttpServletRequest req) {
        String p = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return p.isEmpty() ? "/" : p;
    }

    /** Where the map's tiles come from, for the pages' image sources: " https://t*.tianditu.gov.cn" (none if unset). */
    static String tileOrigin(String template) {
        if (template == null || template.isBlank()) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://)([^/]+)").matcher(template.strip());
        if (!m.find()) {
            return "";
        }
        // a subdomain placeholder ({s}) widens to the host's siblings; anything else in the host is refused
        String host = m.group(2).replaceAll("[^.]*\\{s\\}[^.]*", "*");
        return host.matches("[A-Za-z0-9.*:-]+") ? " " + m.group(1) + host : "";
    }

    /**
     * No session to ride on, or a bearer token: nothing a forged cross-site request could use. Signing in always
     * needs the token of the sign-in form, or another site's page could sign a browser into its own account.
     */
    static final RequestMatcher NO_CSRF_NEEDED = req -> !"/login".equals(req.getServletPath())
            && (req.getSession(false) == null || (req.getHeader("Authorization") != null
                    && req.getHeader("Authorization").regionMatches(true, 0, "Bearer ", 0, 7)));

    @Bean
    SecurityFilterChain chain(HttpSecurity http, BearerTokens tokens, PasswordSignIn passwords, Accounts accounts,
            @org.springframework.beans.factory.annotation.Value("${yingzhi.map.tiles:}") String tiles) throws Exception {
        String imgSrc = "img-src 'self' data: blob:" + tileOrigin(tiles) + "; ";
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        http.csrf(c -> c.ignoringRequestMatchers(NO_CSRF_NEEDED))
                .httpBasic(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .authenticationProvider(passwords)
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .requestCache(r -> r.requestCache(new org.springframework.security.web.savedrequest.HttpSessionRequestCache() {
                    @Override
                    public void saveRequest(HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                        if (!API.matches(req) && "GET".equals(req.getMethod())) {
                            super.saveRequest(req, res); // back to the page asked for after signing in
                        }
                    }
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; " + imgSrc
                                + "media-src 'self' blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .addFilterBefore(new SessionAccountFilter(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        // an async dispatch finishes a streamed response whose request was authorised already
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/actuator/health", "/actuator/health/**", "/login", "/css/**", "/js/**", "/img/**",
                                "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer realm=\"yingzhi\"");
                            Problems.write(res, 401, "Unauthorized",
                                    "Send Authorization: Bearer <token>, or sign in on /login.", req.getRequestURI());
                        }, API)
                        .defaultAuthenticationEntryPointFor(toLogin, req -> true)
                        .accessDeniedHandler((req, res, ex) -> {
                            boolean csrf = ex instanceof CsrfException;
                            if (API.matches(req) || csrf) {
                                Problems.write(res, 403, "Forbidden", csrf
                                        ? "The request rides on a signed-in session but carries no valid CSRF token "
                                                + "(a form or script of another site cannot make it)."
                                        : "This account may not do this.", req.getRequestURI());
                            } else {
                                res.sendError(403);
                            }
                        }));
        return http.build();
    }

    /** Paths the firewall refuses: 400 with a reason, not Tomcat's HTML page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (req, res, ex) -> Problems.write(res, 400, "Bad request",
                "The request path is not in canonical form (it holds ;, //, /./, /../ or an encoded / \\ . or %): "
                        + "send the plain path.", null);
    }
}
