package org.yingzhi.security;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.yingzhi.shared.i18n.Texts;
import org.yingzhi.shared.web.ApiException;

/**
 * The policy's answer: allowed, or refused with a reason a person can act on: its English text, and the code and
 * arguments of its message ({@code problem.policy.<code>}) so the refusal reaches the reader in their language.
 */
public record Decision(boolean allowed, String reason, String code, List<Object> args) {

    static final Decision ALLOW = new Decision(true, null, null, List.of());

    static Decision deny(String code, Object... args) {
        return new Decision(false, Texts.en(Texts.PROBLEM + "policy." + code, args), "policy." + code,
                java.util.Collections.unmodifiableList(java.util.Arrays.asList(args.clone()))); // a unit may be null
    }

    /** The refusal as the API answers it: 403 with the coded reason. */
    public ApiException refusal() {
        return ApiException.coded(HttpStatus.FORBIDDEN, "Forbidden", code, args.toArray());
    }
}
