package org.yingzhi.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.shared.json.Json;

/**
 * Accounts and personal API tokens. Everyone manages their own tokens and password; administrators create
 * accounts, reset passwords (to a one-time password shown once) and revoke anyone's tokens.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Accounts", description = "Accounts, passwords and personal API tokens")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewAccount(String name, String displayName, Role role, String unit) {
    }

    record NewToken(String label) {
    }

    record NewPassword(String current, String password) {
    }

    @Operation(summary = "Accounts", description = "Administrators.")
    @GetMapping("/users")
    List<Account> users(User user) {
        return accounts.all(user);
    }

    @Operation(summary = "Create an account", description = "Administrators. The answer carries a one-time password, "
            + "shown this once; it must be changed at the first sign-in.")
    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody String body, User user) {
        NewAccount in = Json.readStrict(body, NewAccount.class);
        AccountService.Created c = accounts.create(in.name(), in.displayName(), in.role(), in.unit(), user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", c.account());
        out.put("oneTimePassword", c.oneTimePassword());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @Operation(summary = "Reset a password", description = "Administrators: a new one-time password, shown once; "
            + "the account's tokens stay (revoke them separately).")
    @PostMapping("/users/{name}/password-reset")
    Map<String, Object> reset(@PathVariable String name, User user) {
        return Map.of("oneTimePassword", accounts.resetPassword(name, user));
    }

    @Operation(summary = "Revoke every token of an account", description = "Administrators.")
    @DeleteMapping("/users/{name}/tokens")
    Map<String, Object> revokeAll(@PathVariable String name, User user) {
        return Map.of("revoked", accounts.revokeAll(name, user));
    }

    @Operation(summary = "Change my password")
    @PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> password(@RequestBody String body, User user) {
        NewPassword in = Json.readStrict(body, NewPassword.class);
        accounts.changePassword(in.current(), in.password(), user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "My personal API tokens", description = "Without the tokens themselves (shown once, when made).")
    @GetMapping("/me/tokens")
    List<ApiToken> tokens(User user) {
        return accounts.tokens(user);
    }

    @Operation(summary = "Make a personal API token", description = "For scripts: send it as Authorization: Bearer. "
            + "The token is in this answer only; the server keeps its SHA-256.")
    @PostMapping(path = "/me/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> newToken(@RequestBody String body, User user) {
        Accounts.Issued t = accounts.issueToken(Json.readStrict(body, NewToken.class).label(), user);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", t.token());
        out.put("stored", t.stored());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @Operation(summary = "Revoke a token", description = "Your own, or anyone's for administrators; refused at once.")
    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, User user) {
        accounts.revoke(id, user);
        return ResponseEntity.noContent().build();
    }
}
