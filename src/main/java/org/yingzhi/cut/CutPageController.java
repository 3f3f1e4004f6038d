package org.yingzhi.cut;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yingzhi.security.User;

/** The cuts pages: one's cuts (with import from an editing suite), and the cut builder. */
@Controller
class CutPageController {

    private final CutService cuts;

    CutPageController(CutService cuts) {
        this.cuts = cuts;
    }

    @GetMapping("/cuts")
    String list(User user, Model model) {
        model.addAttribute("cuts", cuts.list(user));
        model.addAttribute("user", user);
        return "cut/cuts";
    }

    @GetMapping("/cuts/{id}")
    String cut(@PathVariable String id, User user, Model model) {
        model.addAttribute("cut", cuts.get(id, user));
        model.addAttribute("user", user);
        return "cut/cut";
    }
}
