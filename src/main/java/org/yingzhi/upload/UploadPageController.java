package org.yingzhi.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yingzhi.security.UnitNames;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;

/** The upload page: a description for the batch, files and folders, resumable uploads (see upload.js). */
@Controller
class UploadPageController {

    private static final List<String> TEXTS = List.of("waiting", "sending", "paused", "interrupted", "done", "duplicate",
            "open", "failed", "notMedia", "tooLarge", "forbidden", "total", "left");

    private final UnitNames units;
    private final MessageSource messages;
    private final long chunk;

    UploadPageController(UnitNames units, MessageSource messages,
            @Value("${yingzhi.upload.page-chunk:8MB}") org.springframework.util.unit.DataSize chunk) {
        this.units = units;
        this.messages = messages;
        this.chunk = chunk.toBytes();
    }

    @GetMapping("/upload")
    String upload(User user, Model model, Locale locale) {
        Map<String, String> text = new LinkedHashMap<>();
        for (String t : TEXTS) {
            text.put(t, messages.getMessage("upload.js." + t, null, locale));
        }
        model.addAttribute("units", units.listed());
        model.addAttribute("text", Json.MAPPER.writeValueAsString(text));
        model.addAttribute("chunk", chunk);
        model.addAttribute("user", user);
        return "upload/upload";
    }
}
