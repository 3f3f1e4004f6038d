package org.yingzhi.admin;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yingzhi.security.User;

/** The backups page for administrators: the last backups, taking one, and what is wrong with them. */
@Controller
class BackupPageController {

    private final Backups backups;

    BackupPageController(Backups backups) {
        this.backups = backups;
    }

    @GetMapping("/admin/backups")
    String page(User user, Model model) throws IOException {
        model.addAttribute("overview", backups.overview(user));
        model.addAttribute("user", user);
        return "admin/backups";
    }

    @PostMapping("/admin/backups")
    String take(User user, RedirectAttributes flash) throws IOException {
        flash.addFlashAttribute("taken", backups.take(user));
        return "redirect:/admin/backups";
    }
}
