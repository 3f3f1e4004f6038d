package org.yingzhi.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.yingzhi.shared.web.Problems;

/**
 * Who may call what, decided by Spring Security on the path the dispatcher uses.
 * <ul>
 * <li>Its firewall ({@code StrictHttpFirewall}) rejects, before anything else runs, paths that are spelled so
 * that a prefix check and the dispatcher could disagree: {@code ;} parameters, encoded {@code / \ . %}, {@code //},
 * {@code /./} and {@code /../}. They are answered 400 problem+json.</li>
 * <li>Every request needs a signed-in user except the OpenAPI document, Swagger UI and the health probes: the
 * chain fails closed, so {@code /%61pi/assets} and any spelling still reaches no controller anonymously.</li>
 * <li>Role and unit checks stay in {@link AccessPolicy}, next to the data.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
        type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfig {

    @Bean
    SecurityFilterChain apiChain(HttpSecurity http, BearerTokens tokens) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable) // tokens travel in a header, never in a cookie
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer realm=\"yingzhi\"");
                            Problems.write(res, 401, "Unauthorized", "Send Authorization: Bearer <token>.",
                                    req.getRequestURI());
                        })
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden",
                                "This account may not do this.", req.getRequestURI())));
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
