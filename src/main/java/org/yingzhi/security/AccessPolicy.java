package org.yingzhi.security;

import org.springframework.stereotype.Component;
import org.yingzhi.shared.web.ApiException;

/**
 * The one place that decides who may do what: role x unit x action x the resource's unit and state. Services ask
 * it before every read of a single item and every write; controllers and pages never decide permissions
 * themselves. The gazetteer office (administrators, reviewers) acts across units; contributors act on their own
 * unit's media; producers, editors and viewers read.
 */
@Component
public class AccessPolicy {

    public Decision decide(User user, Action action, Resource resource) {
        Role role = user.role();
        if (resource.deleted() && role != Role.ADMIN && action != Action.RESTORE) {
            return Decision.deny("the " + resource.kind().word() + " is deleted");
        }
        return switch (action) {
            case VIEW -> Decision.ALLOW;
            case VIEW_DELETED -> role == Role.ADMIN ? Decision.ALLOW
                    : Decision.deny("only administrators see deleted items");
            case RESTORE -> role == Role.ADMIN || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : Decision.deny("only administrators, and contributors of the item's unit, restore deleted items");
            case ADMINISTER -> role == Role.ADMIN ? Decision.ALLOW
                    : Decision.deny("only administrators run backups and maintenance");
            case MANAGE_USERS -> role == Role.ADMIN ? Decision.ALLOW
                    : Decision.deny("only administrators manage accounts");
            case CONTRIBUTE -> contribute(user, resource.unit());
            case EDIT, REPROCESS, VIEW_JOBS -> role.isOffice() || ownUnitContributor(user, resource)
                    ? Decision.ALLOW : Decision.deny(role == Role.CONTRIBUTOR
                            ? "you can change media of your own unit only (" + user.unit() + ")"
                            : "role " + role + " cannot change media; you can change media of your own unit only as a contributor");
            case CHANGE_UNIT -> role.isOffice() ? Decision.ALLOW
                    : Decision.deny("only the gazetteer office may move an asset to another unit");
            case EDIT_GAZETTEER -> role.isOffice() || role == Role.EDITOR ? Decision.ALLOW
                    : Decision.deny("only the gazetteer office and the book's editors change the outline and the index");
            case LINK -> role.isOffice() || role == Role.EDITOR || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : Decision.deny(role == Role.CONTRIBUTOR
                            ? "you can link media of your own unit only (" + user.unit() + ")"
                            : "role " + role + " cannot link media to the gazetteer");
            case DOWNLOAD -> role.isOffice() || role == Role.PRODUCER || role == Role.EDITOR
                    || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : Decision.deny(role == Role.CONTRIBUTOR
                            ? "you can download originals of your own unit only (" + user.unit() + ")"
                            : "viewers watch the proxies; originals are for the office, producers, editors and their unit");
            case CONTINUE_UPLOAD -> role == Role.ADMIN || (resource.owner() != null && resource.owner().equals(user.name()))
                    ? Decision.ALLOW : Decision.deny("an upload in progress is its sender's (administrators see every upload)");
            case DELETE -> role == Role.ADMIN || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : Decision.deny(role == Role.REVIEWER ? "reviewers cannot delete assets"
                            : "you can delete media of your own unit only");
        };
    }

    /**
     * Which items of a kind a list may show the user for an action that is decided per item: those of every unit
     * or of one unit, with or without deleted ones. Throws 403 when the user may see none. Lists filter in the
     * database with it, so that counts and pages agree with {@link #decide} item by item.
     */
    public ListScope listScope(User user, Action action, ResourceKind kind) {
        boolean deleted = decide(user, action, new Resource(kind, user.unit(), true)).allowed();
        if (decide(user, action, new Resource(kind, null, false)).allowed()) {
            return new ListScope(null, deleted);
        }
        Decision own = decide(user, action, new Resource(kind, user.unit(), false));
        if (own.allowed() && user.unit() != null && !user.unit().isBlank()) {
            return new ListScope(user.unit(), deleted);
        }
        throw ApiException.forbidden(own.reason());
    }

    /** Every unit ({@code unit} null) or one, and whether deleted items are included. */
    public record ListScope(String unit, boolean includeDeleted) {
    }

    /** Throws 403 (problem+json) with the policy's reason when the action is refused. */
    public void check(User user, Action action, Resource resource) {
        Decision d = decide(user, action, resource);
        if (!d.allowed()) {
            throw ApiException.forbidden(d.reason());
        }
    }

    public boolean allows(User user, Action action, Resource resource) {
        return decide(user, action, resource).allowed();
    }

    private static Decision contribute(User user, String unit) {
        if (!user.role().canContribute()) {
            return Decision.deny("role " + user.role() + " cannot upload media");
        }
        if (user.role() == Role.ADMIN) {
            return Decision.ALLOW;
        }
        if (user.unit() == null || user.unit().isBlank()) {
            return Decision.deny("your account has no unit; ask an administrator to set one");
        }
        if (!user.unit().equals(unit)) {
            return Decision.deny("you can upload media for your own unit (" + user.unit() + ") only, not for " + unit);
        }
        return Decision.ALLOW;
    }

    private static boolean ownUnitContributor(User user, Resource resource) {
        return user.role() == Role.CONTRIBUTOR && user.unit() != null && !user.unit().isBlank()
                && user.unit().equals(resource.unit());
    }
}
