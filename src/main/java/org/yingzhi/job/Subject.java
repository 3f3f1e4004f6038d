package org.yingzhi.job;

import java.util.regex.Pattern;

/** What a job works on: a kind ({@code asset}, {@code cut}, {@code outline-import} ...) and that thing's id. */
public record Subject(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Subject {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("not a job subject kind: " + kind);
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a job subject id: " + id);
        }
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
