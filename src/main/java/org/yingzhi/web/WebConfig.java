package org.yingzhi.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Pages are in Chinese; {@code ?lang=en} switches to English (kept in a cookie), {@code ?lang=zh} back. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("yz-lang");
        r.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        r.setCookieMaxAge(Duration.ofDays(365));
        return r;
    }

    /** Filters' problems (upload admission, sign-in) in the language the pages use: the cookie, else Chinese. */
    @Bean
    org.springframework.boot.ApplicationRunner problemLanguage(org.springframework.context.MessageSource messages,
            LocaleResolver locales) {
        return args -> org.yingzhi.shared.web.Problems.localizeWith((req, code, a, fallback) ->
                messages.getMessage(code, a, fallback, locales.resolveLocale(req)));
    }

    /**
     * Spring Boot puts a filter before every page that offers each link the page builds ({@code @{/assets/...}}) to
     * the static resource chain, which looks each one up in the jar as a possible static file (and misses, and
     * does not remember the miss): three quarters of the library page's time went there (48 cards, 10 links each;
     * issue 19). The pages link static files and WebJars by plain paths, which the resource handlers serve as they
     * are, so there is nothing for the filter to rewrite; it is registered switched off.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        r.setEnabled(false);
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }
}
