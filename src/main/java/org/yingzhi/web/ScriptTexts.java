package org.yingzhi.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yingzhi.shared.i18n.Texts;
import org.yingzhi.shared.json.Json;

/**
 * The texts a page's script shows, as {@code th:attr="data-text=${@scriptTexts.json('linker.js.')}"}: every message
 * under the prefix, in the page's language, as a JSON object ({@code kinds.chapter} becomes {@code kinds: {chapter}});
 * {0}, {1} stay for the script to fill. Scripts hold no text of their own (a test checks).
 */
@Component("scriptTexts")
public class ScriptTexts {

    private final MessageSource messages;

    ScriptTexts(MessageSource messages) {
        this.messages = messages;
    }

    @SuppressWarnings("unchecked")
    public String json(String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : Texts.english().keySet().stream().sorted().toList()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String[] path = key.substring(prefix.length()).split("\\.");
            Map<String, Object> at = out;
            for (int i = 0; i < path.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            at.put(path[path.length - 1], messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        }
        return Json.MAPPER.writeValueAsString(out);
    }
}
