package org.yingzhi.security;

/** The policy's answer: allowed, or refused with a reason a person can act on. */
public record Decision(boolean allowed, String reason) {

    static final Decision ALLOW = new Decision(true, null);

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
