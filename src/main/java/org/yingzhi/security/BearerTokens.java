package org.yingzhi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The API's users by bearer token: the configured ones ({@code yingzhi.security.users}) and personal tokens of
 * accounts ({@link Accounts}); tokens are never logged.
 */
@Component
class BearerTokens {

    private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);

    private final Map<String, User> byToken = new LinkedHashMap<>();
    private final org.springframework.beans.factory.ObjectProvider<UnitNames> units;

    private final Accounts accounts;

    BearerTokens(SecurityProperties props, org.springframework.beans.factory.ObjectProvider<UnitNames> units,
            Accounts accounts) {
        this.accounts = accounts;
        this.units = units;
        for (SecurityProperties.Account a : props.users()) {
            if (a.token() == null || a.token().length() < 8 || a.role() == null || a.name() == null) {
                throw new IllegalStateException("user '" + a.name() + "' needs a name, a role and a token of 8+ characters");
            }
            byToken.put(a.token(), new User(a.name(), a.displayName() == null ? a.name() : a.displayName(), a.role(),
                    a.unit() == null ? "" : a.unit()));
            if (a.token().startsWith("dev-")) {
                log.warn("user '{}' has a demo token; set yingzhi.security.users for production", a.name());
            }
        }
    }

    /**
     * The user of a token, with the listed name of their unit; every token is compared in constant time so timing
     * does not leak prefixes.
     */
    Optional<User> find(String token) {
        byte[] t = token.getBytes(StandardCharsets.UTF_8);
        User found = null;
        for (Map.Entry<String, User> e : byToken.entrySet()) {
            if (MessageDigest.isEqual(t, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        if (found == null) {
            // a personal token: stored hashed, revocable, checked on every request (revocation acts at once)
            found = accounts.byToken(token).map(Account::user).orElse(null);
        }
        return Optional.ofNullable(found).map(units.getIfAvailable(() -> UnitNames.AS_GIVEN)::listed);
    }
}
