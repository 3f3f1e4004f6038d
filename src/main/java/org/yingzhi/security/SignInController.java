package org.yingzhi.security;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: the reason a sign-in failed, and on the embedded default the demo accounts. */
@Controller
class SignInController {

    private final AccountSetup setup;
    private final SecurityProperties props;

    SignInController(AccountSetup setup, SecurityProperties props) {
        this.setup = setup;
        this.props = props;
    }

    record DemoUser(String name, String displayName, String role, String unit) {
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String disabled, HttpSession session, Model model) {
        if (error != null) {
            Object e = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", e instanceof LockedException ? "locked" : "wrong");
            if (e instanceof LockedException l) {
                model.addAttribute("errorDetail", l.getMessage().replaceAll("\\D+", " ").trim());
            }
        }
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("disabled", disabled != null);
        if (setup.demo()) {
            List<DemoUser> demo = props.users().stream()
                    .map(a -> new DemoUser(a.name(), a.displayName(), a.role().name(), a.unit())).toList();
            model.addAttribute("demoUsers", demo);
            model.addAttribute("demoPassword", setup.demoPassword());
        }
        return "security/login";
    }
}
