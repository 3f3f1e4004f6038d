package org.yingzhi.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.web.ApiException;

/**
 * What people do with accounts, checked once for the API and the pages alike: administrators create accounts,
 * reset passwords, disable accounts and revoke tokens; everyone changes their own password and makes and revokes
 * their own personal tokens. One-time passwords and new tokens are returned once and never stored in clear.
 */
@Service
public class AccountService {

    public static final int MIN_PASSWORD = 10;

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final UnitNames units;

    private final AuditLog audit;

    AccountService(Accounts accounts, AccessPolicy policy, UnitNames units, AuditLog audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.policy = policy;
        this.units = units;
    }

    /** A new account and its one-time password (to be changed at the first sign-in). */
    public record Created(Account account, String oneTimePassword) {
    }

    public List<Account> all(User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        return accounts.all();
    }

    public Created create(String name, String displayName, Role role, String unit, User user) {
        return create(name, displayName, role, unit, user, true);
    }

    /** The same, with the administrator role given only when {@code adminConfirmed} (the page asks for a tick). */
    public Created create(String name, String displayName, Role role, String unit, User user, boolean adminConfirmed) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        if (role == Role.ADMIN && !adminConfirmed) {
            throw ApiException.invalid("account.confirmAdmin");
        }
        if (name == null || !name.matches("[A-Za-z0-9._-]{2,64}")) {
            throw ApiException.badRequest("name must be 2-64 letters, digits, '.', '_' or '-'");
        }
        if (role == null) {
            throw ApiException.badRequest("role must be one of " + List.of(Role.values()));
        }
        String u = unit == null ? "" : unit.strip();
        if (role == Role.CONTRIBUTOR && u.isEmpty()) {
            throw ApiException.badRequest("a contributor needs a unit");
        }
        if (displayName != null && displayName.length() > 100) {
            throw ApiException.badRequest("display name may be at most 100 characters");
        }
        u = listedUnit(u);
        String password = Accounts.oneTimePassword();
        String unitName = u.isEmpty() ? "" : units.canonical(u);
        Account a = audit.write(Change.of(AuditActions.ACCOUNT_CHANGE, "user", name).unit(unitName)
                .with("created", true).with("role", role.name()).with("unit", unitName), null,
                () -> accounts.create(name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                        role, unitName, password, true)
                        .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "Name taken", "an account '" + name + "' exists")));
        return new Created(a, password);
    }

    /**
     * A unit as the unit list names it. A unit the list does not hold is refused while there is a list (a typo
     * such as 援疆前指 would make an account whose material counts for nobody); with no list, as given.
     */
    private String listedUnit(String unit) {
        if (unit.isEmpty()) {
            return unit;
        }
        String canonical = units.canonical(unit);
        List<String> listed = units.listed();
        if (!listed.isEmpty() && !listed.contains(canonical)) {
            throw ApiException.invalid("account.unitUnlisted", unit);
        }
        return canonical;
    }

    /** Gives an account another role or unit (its sessions and tokens act with them from the next request). */
    public Account changeRoleAndUnit(String name, Role role, String unit, User user, boolean adminConfirmed) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        Account a = accounts.find(name).orElseThrow(() -> ApiException.notFound("user", name));
        if (role == Role.ADMIN && a.role() != Role.ADMIN && !adminConfirmed) {
            throw ApiException.invalid("account.confirmAdmin");
        }
        Role r = role == null ? a.role() : role;
        String u = unit == null ? a.unit() : listedUnit(unit.strip());
        if (r == Role.CONTRIBUTOR && (u == null || u.isEmpty())) {
            throw ApiException.badRequest("a contributor needs a unit");
        }
        if (name.equals(user.name()) && r != Role.ADMIN) {
            throw ApiException.invalid("account.ownRole");
        }
        String unitName = u == null ? "" : u;
        audit.write(Change.of(AuditActions.ACCOUNT_CHANGE, "user", name).unit(unitName)
                .field("role", a.role().name(), r.name()).field("unit", a.unit(), unitName), null,
                () -> accounts.update(name, null, r, unitName, null));
        return accounts.find(name).orElseThrow();
    }

    /** A new one-time password for an account; its tokens stay (revoke them separately). */
    public String resetPassword(String name, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        String password = Accounts.oneTimePassword();
        audit.write(Change.of(AuditActions.ACCOUNT_CHANGE, "user", name).with("password", "reset (one-time)"), null, () -> {
            if (!accounts.setPassword(name, password, true)) {
                throw ApiException.notFound("user", name);
            }
        });
        return password;
    }

    public long revokeAll(String name, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        return audit.write(Change.of(AuditActions.TOKEN_CHANGE, "user", name), null, () -> accounts.revokeAll(name),
                (c, n) -> c.with("revoked", n));
    }

    /** Disables (or enables again) an account; a disabled account signs in no more and its tokens are refused. */
    public void setDisabled(String name, boolean disabled, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        if (disabled && name.equals(user.name())) {
            throw ApiException.badRequest("you cannot disable your own account");
        }
        audit.write(Change.of(AuditActions.ACCOUNT_CHANGE, "user", name).field("disabled", !disabled, disabled), null, () -> {
            if (!accounts.update(name, null, null, null, disabled)) {
                throw ApiException.notFound("user", name);
            }
        });
    }

    public void changePassword(String current, String password, User user) {
        if (!accounts.passwordMatches(user.name(), current)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Wrong password", "the current password is not right");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("a password has at least " + MIN_PASSWORD + " characters");
        }
        if (password.equals(current)) {
            throw ApiException.badRequest("the new password must differ from the current one");
        }
        audit.write(Change.of(AuditActions.ACCOUNT_CHANGE, "user", user.name()).with("password", "changed by its holder"),
                null, () -> accounts.setPassword(user.name(), password, false));
    }

    public List<ApiToken> tokens(User user) {
        return accounts.tokensOf(user.name());
    }

    public List<ApiToken> tokensOf(String name, User user) {
        policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        return accounts.tokensOf(name);
    }

    public Accounts.Issued issueToken(String label, User user) {
        if (accounts.find(user.name()).isEmpty()) {
            throw ApiException.badRequest("tokens belong to accounts; '" + user.name() + "' is a configured token user");
        }
        String l = label == null || label.isBlank() ? "token" : label.strip();
        if (l.length() > 100) {
            throw ApiException.badRequest("label may be at most 100 characters");
        }
        return audit.write(Change.of(AuditActions.TOKEN_CHANGE, "user", user.name()).with("issued", l), null,
                () -> accounts.issueToken(user.name(), l), (c, issued) -> c.with("token", issued.stored().id()));
    }

    /** Revokes a token: one's own, or anyone's for administrators. */
    public void revoke(String id, User user) {
        ApiToken t = accounts.token(id).orElseThrow(() -> ApiException.notFound("token", id));
        if (!t.user().equals(user.name())) {
            policy.check(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
        }
        audit.write(Change.of(AuditActions.TOKEN_CHANGE, "user", t.user()).with("revoked", id), null, () -> accounts.revoke(id));
    }

    public Optional<Account> find(String name) {
        return accounts.find(name);
    }
}
