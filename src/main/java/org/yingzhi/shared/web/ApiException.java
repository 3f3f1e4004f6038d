package org.yingzhi.shared.web;

import org.yingzhi.shared.i18n.Texts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers as application/problem+json with a human title and detail, a stable {@code code} and
 * its {@code args}. A coded problem's detail is the English text of {@code problem.<code>}; the answer also carries
 * it in the reader's language as {@code message}, from the same bundles the pages use. A problem made from a plain
 * detail gets its status's generic code with the detail as its one argument.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String code;
    private final Object[] args;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String title, String detail) {
        this(status, title, detail, generic(status), new Object[] {detail});
    }

    private ApiException(HttpStatus status, String title, String detail, String code, Object[] args) {
        super(detail);
        this.status = status;
        this.title = title;
        this.code = code;
        this.args = args;
    }

    /** A problem whose detail is the text of {@code problem.<code>} with these arguments. */
    public static ApiException coded(HttpStatus status, String title, String code, Object... args) {
        return new ApiException(status, title, Texts.en(Texts.PROBLEM + code, args), code, args.clone());
    }

    /** The code of a problem made from a plain detail: one per status ({@code problem.status.404} ...). */
    static String generic(HttpStatus status) {
        return "status." + status.value();
    }

    public static ApiException notFound(String what, String id) {
        return coded(HttpStatus.NOT_FOUND, "Not found", "notFound", what, id);
    }

    /** A 400 whose detail is the text of {@code problem.<code>}: input a person can correct. */
    public static ApiException invalid(String code, Object... args) {
        return coded(HttpStatus.BAD_REQUEST, "Bad request", code, args);
    }

    /** A wrong value as a 400: coded when the value said why with a code, else with its plain message. */
    public static ApiException of(IllegalArgumentException e) {
        return e instanceof org.yingzhi.shared.i18n.CodedArgumentException c ? invalid(c.code(), c.args())
                : badRequest(e.getMessage());
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public ApiException with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
