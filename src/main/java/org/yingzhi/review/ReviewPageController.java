package org.yingzhi.review;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yingzhi.security.User;

/** The review pages: a check's queue (oldest first, by unit, with batch decisions) and the items returned to a unit. */
@Controller
class ReviewPageController {

    private final ReviewService review;

    ReviewPageController(ReviewService review) {
        this.review = review;
    }

    @GetMapping("/review")
    String queue(@RequestParam(defaultValue = "political") String check, @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "PENDING") String state, User user, Model model) {
        model.addAttribute("items", review.queue(check, state, unit, 200, user));
        model.addAttribute("check", check);
        model.addAttribute("state", state);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("user", user);
        return "review/queue";
    }

    @GetMapping("/review/returned")
    String returned(User user, Model model) {
        model.addAttribute("items", review.returned(user));
        model.addAttribute("user", user);
        return "review/returned";
    }
}
