package org.yingzhi.shared.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the audit's request filter after the security chain (so it sees who signed in) and before the handlers. */
@Configuration
class AuditConfig {

    @Bean
    FilterRegistrationBean<AuditRequestFilter> auditRequestFilter(AuditLog audit) {
        FilterRegistrationBean<AuditRequestFilter> r = new FilterRegistrationBean<>(new AuditRequestFilter(audit));
        r.setOrder(-90); // Spring Security's filter chain is registered at -100
        r.addUrlPatterns("/*");
        return r;
    }
}
