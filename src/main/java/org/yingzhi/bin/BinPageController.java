package org.yingzhi.bin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yingzhi.security.User;

/** The bins pages: one's bins, and a bin's items with the cut made from them. */
@Controller
class BinPageController {

    private final BinService bins;

    BinPageController(BinService bins) {
        this.bins = bins;
    }

    @GetMapping("/bins")
    String list(User user, Model model) {
        model.addAttribute("bins", bins.list(user));
        model.addAttribute("user", user);
        return "bin/bins";
    }

    @GetMapping("/bins/{id}")
    String bin(@PathVariable String id, User user, Model model) {
        model.addAttribute("bin", bins.get(id, user));
        model.addAttribute("user", user);
        return "bin/bin";
    }
}
