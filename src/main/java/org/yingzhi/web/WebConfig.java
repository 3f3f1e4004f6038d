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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }
}
