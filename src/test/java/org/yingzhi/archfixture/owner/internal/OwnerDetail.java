package org.yingzhi.archfixture.owner.internal;

/** A feature's internal class: only its own feature may use it. */
public class OwnerDetail {
    public static String detail() {
        return "detail";
    }
}
