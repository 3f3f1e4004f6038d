package org.yingzhi.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a name and password against the accounts, throttled per name and address; the principal of a signed-in
 * session is the {@link User} (with the unit list's name for its unit), as for a token.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final ObjectProvider<UnitNames> units;

    PasswordSignIn(Accounts accounts, LoginThrottle throttle, ObjectProvider<UnitNames> units) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.units = units;
    }

    @Override
    public Authentication authenticate(Authentication auth) throws AuthenticationException {
        String name = auth.getName() == null ? "" : auth.getName().strip();
        String password = auth.getCredentials() == null ? null : auth.getCredentials().toString();
        String address = auth.getDetails() instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : "?";
        long wait = throttle.minutesToWait(name, address);
        if (wait > 0) {
            throw new LockedException("too many failed sign-ins; try again in " + wait + " minutes");
        }
        if (!accounts.passwordMatches(name, password)) {
            throttle.failed(name, address);
            throw new BadCredentialsException("wrong name or password");
        }
        throttle.succeeded(name, address);
        Account a = accounts.find(name).orElseThrow(() -> new BadCredentialsException("wrong name or password"));
        User signedIn = units.getIfAvailable(() -> UnitNames.AS_GIVEN).listed(a.user());
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + signedIn.role().name())));
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
