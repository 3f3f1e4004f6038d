package org.yingzhi.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yingzhi.shared.web.ApiException;

/**
 * Accounts in the browser: administrators create accounts (a one-time password shown once), reset passwords,
 * disable accounts and revoke tokens ({@code /admin/users}); everyone changes their own password and makes and
 * revokes personal API tokens ({@code /me}). Every action goes through {@link AccountService}, which asks the
 * access policy, so a form posted by someone else is refused whatever the page showed.
 */
@Controller
class AccountPagesController {

    private final org.yingzhi.shared.web.ProblemMessages problems;

    private final AccountService accounts;
    private final UnitNames units;

    AccountPagesController(AccountService accounts, UnitNames units, org.yingzhi.shared.web.ProblemMessages problems) {
        this.problems = problems;
        this.accounts = accounts;
        this.units = units;
    }

    @GetMapping("/admin/users")
    String users(User user, Model model) {
        List<Account> all = accounts.all(user);
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (Account a : all) {
            tokens.put(a.name(), accounts.tokensOf(a.name(), user).stream().filter(t -> t.revokedAt() == null).count());
        }

        model.addAttribute("accounts", all);
        model.addAttribute("tokens", tokens);
        model.addAttribute("roles", Role.values());
        model.addAttribute("units", units.listed());
        model.addAttribute("user", user);
        return "security/users";
    }

    @PostMapping("/admin/users/{name}/role")
    String changeRole(@PathVariable String name, @RequestParam String role, @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "false") boolean confirmAdmin, User user, RedirectAttributes flash) {
        try {
            accounts.changeRoleAndUnit(name, role(role), unit, user, confirmAdmin);
            flash.addFlashAttribute("done", name);
        } catch (ApiException e) {
            rethrowForbidden(e);
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/admin/users";
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
        }
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String name, @RequestParam(required = false) String displayName,
            @RequestParam String role, @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "false") boolean confirmAdmin, User user, RedirectAttributes flash) {
        try {
            Role r = role(role);
            AccountService.Created c = accounts.create(name.strip(), displayName, r, unit, user, confirmAdmin);
            flash.addFlashAttribute("secretFor", c.account().name());
            flash.addFlashAttribute("secret", c.oneTimePassword());
        } catch (ApiException e) {
            rethrowForbidden(e);
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}/reset")
    String reset(@PathVariable String name, User user, RedirectAttributes flash) {
        flash.addFlashAttribute("secretFor", name);
        flash.addFlashAttribute("secret", accounts.resetPassword(name, user));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}/revoke-tokens")
    String revokeAll(@PathVariable String name, User user, RedirectAttributes flash) {
        flash.addFlashAttribute("revoked", accounts.revokeAll(name, user));
        flash.addFlashAttribute("revokedOf", name);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{name}/disabled")
    String disable(@PathVariable String name, @RequestParam boolean disabled, User user, RedirectAttributes flash) {
        try {
            accounts.setDisabled(name, disabled, user);
            flash.addFlashAttribute("done", name);
        } catch (ApiException e) {
            rethrowForbidden(e);
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/me")
    String me(User user, Model model) {
        List<ApiToken> tokens = accounts.tokens(user);
        model.addAttribute("tokens", tokens);
        model.addAttribute("account", accounts.find(user.name()).orElse(null));
        model.addAttribute("user", user);
        return "security/me";
    }

    @PostMapping("/me/password")
    String password(@RequestParam String current, @RequestParam String password, @RequestParam String again,
            User user, RedirectAttributes flash) {
        try {
            if (!password.equals(again)) {
                throw ApiException.badRequest("the two new passwords differ");
            }
            accounts.changePassword(current, password, user);
            flash.addFlashAttribute("changed", true);
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/me";
    }

    @PostMapping("/me/tokens")
    String token(@RequestParam(required = false) String label, User user, RedirectAttributes flash) {
        try {
            Accounts.Issued t = accounts.issueToken(label, user);
            flash.addFlashAttribute("secret", t.token());
        } catch (ApiException e) {
            flash.addFlashAttribute("problem", problems.of(e));
        }
        return "redirect:/me";
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@PathVariable String id, User user, RedirectAttributes flash) {
        accounts.revoke(id, user);
        flash.addFlashAttribute("revoked", 1);
        return "redirect:/me";
    }

    private static void rethrowForbidden(ApiException e) {
        if (e.status().value() == 403) {
            throw e;
        }
    }
}
