package org.yingzhi.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who decides the two checks, as the office configures it ({@code yingzhi.review.*}): reviewers (and
 * administrators) hold both checks unless {@code grants} names their account, which then holds exactly the checks
 * listed ({@code political}, {@code facts}); a grant can also give a check to another office account (an editor
 * of the book, say). With {@code forbid-own-unit}, nobody decides on material of their own unit.
 */
@ConfigurationProperties("yingzhi.review")
public record ReviewRules(boolean forbidOwnUnit, Map<String, List<String>> grants) {

    public static final ReviewRules DEFAULT = new ReviewRules(false, Map.of());

    public ReviewRules {
        grants = grants == null ? Map.of() : Map.copyOf(grants);
    }

    /** The checks an account holds: "political", "facts", from its grant or its role. */
    public Set<String> checksOf(User user) {
        List<String> granted = grants.get(user.name());
        if (granted != null) {
            return granted.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
        return user.role() == Role.REVIEWER || user.role() == Role.ADMIN ? Set.of("political", "facts") : Set.of();
    }
}
