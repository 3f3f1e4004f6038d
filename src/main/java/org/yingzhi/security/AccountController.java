package org.yingzhi.security;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
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

    @Schema(description = "A new account: sign-in name, display name, role and unit")
    record NewAccount(@Size(max = 64) String name, @Size(max = 200) String displayName, Role role,
            @Size(max = 500) String unit) {
    }

    @Schema(description = "A new API token's label")
    record NewToken(@Size(max = 200) String label) {
    }

    @Schema(description = "The current password and the new one")
    record NewPassword(@Size(max = 1000) String current, @Size(max = 1000) String password) {
    }

    @Schema(description = "A new account and its one-time password, shown this once")
    record CreatedAccount(Account account, String oneTimePassword) {
    }

    @Schema(description = "A new one-time password, shown this once")
    record OneTimePassword(String oneTimePassword) {
    }

    @Schema(description = "How many tokens were revoked")
    record Revoked(long revoked) {
    }

    @Schema(description = "A new token, shown this once, and what the server keeps of it")
    record NewTokenIssued(String token, ApiToken stored) {
    }

    @Operation(summary = "Accounts", description = "Administrators.")
    @GetMapping("/users")
    List<Account> users(User user) {
        return accounts.all(user);
    }

    @Operation(summary = "Create an account", description = "Administrators. The answer carries a one-time password, "
            + "shown this once; it must be changed at the first sign-in.")
    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedAccount> create(@Valid @RequestBody NewAccount in, User user) {
        AccountService.Created c = accounts.create(in.name(), in.displayName(), in.role(), in.unit(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedAccount(c.account(), c.oneTimePassword()));
    }

    @Operation(summary = "Reset a password", description = "Administrators: a new one-time password, shown once; "
            + "the account's tokens stay (revoke them separately).")
    @PostMapping("/users/{name}/password-reset")
    OneTimePassword reset(@PathVariable String name, User user) {
        return new OneTimePassword(accounts.resetPassword(name, user));
    }

    @Operation(summary = "Revoke every token of an account", description = "Administrators.")
    @DeleteMapping("/users/{name}/tokens")
    Revoked revokeAll(@PathVariable String name, User user) {
        return new Revoked(accounts.revokeAll(name, user));
    }

    @Operation(summary = "Change my password")
    @PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> password(@Valid @RequestBody NewPassword in, User user) {
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
    ResponseEntity<NewTokenIssued> newToken(@Valid @RequestBody NewToken body, User user) {
        Accounts.Issued t = accounts.issueToken(body.label(), user);
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewTokenIssued(t.token(), t.stored()));
    }

    @Operation(summary = "Revoke a token", description = "Your own, or anyone's for administrators; refused at once.")
    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, User user) {
        accounts.revoke(id, user);
        return ResponseEntity.noContent().build();
    }
}
