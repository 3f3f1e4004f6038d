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
import org.yingzhi.shared.web.ApiException;

/**
 * Accounts and personal API tokens. Everyone manages their own tokens and password; administrators create
 * accounts, reset passwords (to a one-time password shown once) and revoke anyone's tokens.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Accounts", description = "Accounts, passwords and personal API tokens")
class AccountController {

    static final int MIN_PASSWORD = 10;

    private final Accounts accounts;
    private final AccessPolicy policy;

    AccountController(Accounts accounts, AccessPolicy policy) {
        this.accounts = accounts;
        this.policy = policy;
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
        policy.check(user, Action.MANAGE_USERS, Resource.of("user", null));
        return accounts.all();
    }

    @Operation(summary = "Create an account", description = "Administrators. The answer carries a one-time password, "
            + "shown this once; it must be changed at the first sign-in.")
    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody String body, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of("user", null));
        NewAccount in = Json.readStrict(body, NewAccount.class);
        if (in.name() == null || !in.name().matches("[A-Za-z0-9._-]{2,64}")) {
            throw ApiException.badRequest("name must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (in.role() == null) {
            throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
        }
        if (in.role() == Role.CONTRIBUTOR && (in.unit() == null || in.unit().isBlank())) {
            throw ApiException.badRequest("a contributor needs a unit");
        }
        String password = Accounts.oneTimePassword();
        Account a = accounts.create(in.name(), in.displayName() == null || in.displayName().isBlank() ? in.name()
                : in.displayName().strip(), in.role(), in.unit() == null ? "" : in.unit().strip(), password, true)
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Name taken", "an account '" + in.name() + "' exists"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", a);
        out.put("oneTimePassword", password);
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @Operation(summary = "Reset a password", description = "Administrators: a new one-time password, shown once; "
            + "the account's tokens stay (revoke them separately).")
    @PostMapping("/users/{name}/password-reset")
    Map<String, Object> reset(@PathVariable String name, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of("user", null));
        String password = Accounts.oneTimePassword();
        if (!accounts.setPassword(name, password, true)) {
            throw ApiException.notFound("user", name);
        }
        return Map.of("oneTimePassword", password);
    }

    @Operation(summary = "Revoke every token of an account", description = "Administrators.")
    @DeleteMapping("/users/{name}/tokens")
    Map<String, Object> revokeAll(@PathVariable String name, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of("user", null));
        return Map.of("revoked", accounts.revokeAll(name));
    }

    @Operation(summary = "Change my password")
    @PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> password(@RequestBody String body, User user) {
        NewPassword in = Json.readStrict(body, NewPassword.class);
        if (!accounts.passwordMatches(user.name(), in.current())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Wrong password", "the current password is not right");
        }
        if (in.password() == null || in.password().length() < MIN_PASSWORD) {
            throw ApiException.badRequest("a password has at least " + MIN_PASSWORD + " characters");
        }
        accounts.setPassword(user.name(), in.password(), false);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "My personal API tokens", description = "Without the tokens themselves (shown once, when made).")
    @GetMapping("/me/tokens")
    List<ApiToken> tokens(User user) {
        return accounts.tokensOf(user.name());
    }

    @Operation(summary = "Make a personal API token", description = "For scripts: send it as Authorization: Bearer. "
            + "The token is in this answer only; the server keeps its SHA-256.")
    @PostMapping(path = "/me/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> newToken(@RequestBody String body, User user) {
        if (accounts.find(user.name()).isEmpty()) {
            throw ApiException.badRequest("tokens belong to accounts; '" + user.name() + "' is a configured token user");
        }
        NewToken in = Json.readStrict(body, NewToken.class);
        String label = in.label() == null || in.label().isBlank() ? "token" : in.label().strip();
        if (label.length() > 100) {
            throw ApiException.badRequest("label may be at most 100 characters");
        }
        Accounts.Issued t = accounts.issueToken(user.name(), label);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", t.token());
        out.put("stored", t.stored());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @Operation(summary = "Revoke a token", description = "Your own, or anyone's for administrators; refused at once.")
    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, User user) {
        ApiToken t = accounts.token(id).orElseThrow(() -> ApiException.notFound("token", id));
        if (!t.user().equals(user.name())) {
            policy.check(user, Action.MANAGE_USERS, Resource.of("user", null));
        }
        accounts.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
