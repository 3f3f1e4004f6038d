package org.yingzhi.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language switch in every page's header: the same page with the same query (search words, filters, marks),
 * only {@code lang} changed, as {@code th:href="${@languageLinks.to('en')}"}.
 */
@Component("languageLinks")
public class LanguageLinks {

    public String to(String lang) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            return "?lang=" + lang;
        }
        HttpServletRequest req = attrs.getRequest();
        List<String> kept = new ArrayList<>();
        String q = req.getQueryString();
        if (q != null) {
            for (String pair : q.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!pair.isEmpty() && !name.equals("lang")) {
                    kept.add(pair);
                }
            }
        }
        kept.add("lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8));
        String path = req.getRequestURI();
        return path + "?" + String.join("&", kept);
    }
}
