package org.yingzhi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.support.Api;
import org.yingzhi.support.ServiceTest;

/**
 * What runs before every page. Spring Boot's resource-URL filter offered each link a page builds to the static
 * resource chain, a jar lookup per link that missed every time: three quarters of the library page's time
 * (scripts/bench-load, issue 19). It is not registered, and the pages still link their styles and scripts, which
 * are served.
 */
class PageFiltersIntegrationTest extends ServiceTest {

    @Autowired
    ServletContext servlet;

    @Test
    void noLinkOfAPageIsLookedUpAsAStaticFile() {
        List<String> filters = servlet.getFilterRegistrations().values().stream().map(r -> r.getClassName()).toList();
        assertTrue(filters.stream().noneMatch(c -> c.endsWith("ResourceUrlEncodingFilter")), filters.toString());
        String page = api.get("/", Api.ADMIN).body();
        assertTrue(page.contains("href=\"/css/app.css\""), "the page links its style sheet by its path");
        assertEquals(200, api.get("/css/app.css", null).status());
        assertEquals(200, api.get("/js/asset/live.js", null).status());
    }
}
