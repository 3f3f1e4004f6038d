package org.yingzhi.shared.i18n;

import java.util.List;

/**
 * A wrong value (a timecode that does not exist, a date that is not one) said with a message code: its message is
 * the English text of {@code problem.<code>}, and the API and pages show it in the reader's language. Value types
 * throw it where they would throw a plain {@link IllegalArgumentException}, which it is.
 */
public class CodedArgumentException extends IllegalArgumentException {

    private final String code;
    private final List<Object> args;

    public CodedArgumentException(String code, Object... args) {
        super(Texts.en(Texts.PROBLEM + code, args));
        this.code = code;
        this.args = java.util.Collections.unmodifiableList(java.util.Arrays.asList(args.clone()));
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.toArray();
    }
}
