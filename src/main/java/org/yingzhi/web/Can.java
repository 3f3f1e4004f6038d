package org.yingzhi.web;

import org.springframework.stereotype.Component;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.ResourceKind;
import org.yingzhi.security.User;

/** What the navigation offers a user, as {@code ${@can...}} in templates: asked of the access policy, never decided here. */
@Component("can")
public class Can {

    private final AccessPolicy policy;

    Can(AccessPolicy policy) {
        this.policy = policy;
    }

    /** Some jobs to see: the office all, a contributor their unit's. */
    public boolean seeJobs(User user) {
        return user != null && (policy.allows(user, Action.VIEW_JOBS, Resource.of(ResourceKind.JOB, null))
                || (user.unit() != null && !user.unit().isBlank()
                        && policy.allows(user, Action.VIEW_JOBS, Resource.of(ResourceKind.JOB, user.unit()))));
    }

    public boolean manageUsers(User user) {
        return user != null && policy.allows(user, Action.MANAGE_USERS, Resource.of(ResourceKind.USER, null));
    }

    /** Decide one of the two checks (政治关、史实关). */
    public boolean review(User user) {
        Resource any = Resource.of(ResourceKind.ASSET, "");
        return user != null && (policy.allows(user, Action.REVIEW_POLITICAL, any) || policy.allows(user, Action.REVIEW_FACTS, any));
    }

    /** Collect moments into bins (producers, editors, the office). */
    public boolean collect(User user) {
        return user != null && policy.allows(user, Action.COLLECT, Resource.catalog());
    }

    /** Assemble cuts (producers). */
    public boolean assemble(User user) {
        return user != null && policy.allows(user, Action.ASSEMBLE, Resource.catalog());
    }

    public boolean contribute(User user) {
        return user != null && (policy.allows(user, Action.CONTRIBUTE, Resource.of(ResourceKind.ASSET, user.unit()))
                || policy.allows(user, Action.CONTRIBUTE, Resource.of(ResourceKind.ASSET, null)));
    }
}
