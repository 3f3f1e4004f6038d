package org.yingzhi.upload;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yingzhi.security.UnitNames;
import org.yingzhi.security.User;

/**
 * The upload page: a description for the batch, files and folders, resumable uploads, what the catalog probably
 * holds already, and each file's processing followed live to a batch summary (see upload.js). A user who may not
 * contribute is told so instead of being shown a form the server would refuse.
 */
@Controller
class UploadPageController {

    private final UnitNames units;
    private final long chunk;

    UploadPageController(UnitNames units,
            @Value("${yingzhi.upload.page-chunk:8MB}") org.springframework.util.unit.DataSize chunk) {
        this.units = units;
        this.chunk = chunk.toBytes();
    }

    @GetMapping("/upload")
    String upload(User user, Model model) {
        model.addAttribute("units", units.listed());
        model.addAttribute("chunk", chunk);
        model.addAttribute("user", user);
        return "upload/upload";
    }
}
