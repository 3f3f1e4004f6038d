package org.yingzhi.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** API users and their tokens. Production replaces the demo users with its own (see README, Configuration). */
@ConfigurationProperties("yingzhi.security")
public record SecurityProperties(List<Account> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record Account(String name, String displayName, String token, Role role, String unit) {
    }
}
