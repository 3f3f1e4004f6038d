package org.yingzhi.security;

import org.springframework.stereotype.Component;

/**
 * The one place that decides who may do what: role x unit x action x the resource's unit and state. Services ask
 * it before every read of a single item and every write; controllers and pages never decide permissions
 * themselves. The gazetteer office (administrators, reviewers) acts across units; contributors act on their own
 * unit's media; producers, editors and viewers read.
 */
@Component
public class AccessPolicy {

    private final ReviewRules review;

    /** The policy with the default review rules (reviewers and administrators hold both checks). */
    public AccessPolicy() {
        this(ReviewRules.DEFAULT);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public AccessPolicy(ReviewRules review) {
        this.review = review == null ? ReviewRules.DEFAULT : review;
    }

    public Decision decide(User user, Action action, Resource resource) {
        Role role = user.role();
        if (resource.kind().isCollection()) {
            return collection(user, action, resource);
        }
        if (resource.deleted() && role != Role.ADMIN && action != Action.RESTORE) {
            return Decision.deny("deleted", resource.kind().word());
        }
        return switch (action) {
            case VIEW -> Decision.ALLOW;
            case VIEW_DELETED -> role == Role.ADMIN ? Decision.ALLOW
                    : Decision.deny("viewDeleted");
            case RESTORE -> role == Role.ADMIN || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : Decision.deny("restore");
            case ADMINISTER -> role == Role.ADMIN ? Decision.ALLOW
                    : Decision.deny("administer");
            case MANAGE_USERS -> role == Role.ADMIN ? Decision.ALLOW
                    : Decision.deny("manageUsers");
            case CONTRIBUTE -> contribute(user, resource.unit());
            case EDIT, REPROCESS, VIEW_JOBS -> role.isOffice() || ownUnitContributor(user, resource)
                    ? Decision.ALLOW : (role == Role.CONTRIBUTOR ? Decision.deny("ownUnitEdit", user.unit())
                            : Decision.deny("roleCannotEdit", role));
            case CHANGE_UNIT -> role.isOffice() ? Decision.ALLOW
                    : Decision.deny("changeUnit");
            case EDIT_GAZETTEER -> role.isOffice() || role == Role.EDITOR ? Decision.ALLOW
                    : Decision.deny("gazetteer");
            case LINK -> role.isOffice() || role == Role.EDITOR || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : (role == Role.CONTRIBUTOR ? Decision.deny("ownUnitLink", user.unit())
                            : Decision.deny("roleCannotLink", role));
            case DOWNLOAD -> role.isOffice() || role == Role.PRODUCER || role == Role.EDITOR
                    || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : (role == Role.CONTRIBUTOR ? Decision.deny("ownUnitDownload", user.unit())
                            : Decision.deny("viewerDownload"));
            case CONTINUE_UPLOAD -> role == Role.ADMIN || (resource.owner() != null && resource.owner().equals(user.name()))
                    ? Decision.ALLOW : Decision.deny("upload");
            case DELETE -> role == Role.ADMIN || ownUnitContributor(user, resource) ? Decision.ALLOW
                    : (role == Role.REVIEWER ? Decision.deny("reviewerDelete") : Decision.deny("ownUnitDelete"));
            case COLLECT -> role.isOffice() || role == Role.PRODUCER || role == Role.EDITOR ? Decision.ALLOW
                    : Decision.deny("collect", role);
            case ASSEMBLE -> role == Role.ADMIN || role == Role.PRODUCER ? Decision.ALLOW
                    : Decision.deny("assemble", role);
            case REVIEW_POLITICAL -> reviewCheck(user, resource, "political");
            case REVIEW_FACTS -> reviewCheck(user, resource, "facts");
            case VIEW_RESTRICTED -> role.isOffice() || role == Role.EDITOR || ownUnitContributor(user, resource)
                    ? Decision.ALLOW : Decision.deny("restricted");
        };
    }

    /** A check is decided by those who hold it, and (when the office says so) not on their own unit's material. */
    private Decision reviewCheck(User user, Resource resource, String check) {
        if (!review.checksOf(user).contains(check)) {
            return Decision.deny(check.equals("political") ? "reviewPolitical" : "reviewFacts", user.role());
        }
        if (review.forbidOwnUnit() && user.role() != Role.ADMIN && user.unit() != null && !user.unit().isBlank()
                && user.unit().equals(resource.unit())) {
            return Decision.deny("reviewOwnUnit", user.unit());
        }
        return Decision.ALLOW;
    }

    /**
     * Bins and cuts belong to a person: the owner and administrators do everything; those it is shared with for
     * editing change it; everyone reads a shared one; a private one is nobody else's business.
     */
    private static Decision collection(User user, Action action, Resource r) {
        boolean admin = user.role() == Role.ADMIN;
        boolean owner = r.owner() != null && r.owner().equals(user.name());
        boolean editor = r.editors().contains(user.name());
        String word = r.kind().word();
        if (r.deleted() && !admin && !(owner && (action == Action.RESTORE || action == Action.VIEW_DELETED))) {
            return Decision.deny("deleted", word);
        }
        return switch (action) {
            case VIEW, DOWNLOAD -> admin || owner || editor || r.shared() ? Decision.ALLOW : Decision.deny("privateCollection", word);
            case EDIT -> admin || owner || editor ? Decision.ALLOW
                    : (r.shared() ? Decision.deny("sharedReadOnly", word) : Decision.deny("privateCollection", word));
            case DELETE, RESTORE, VIEW_DELETED -> admin || owner ? Decision.ALLOW : Decision.deny("ownerOnly", word);
            case COLLECT -> user.role().isOffice() || user.role() == Role.PRODUCER || user.role() == Role.EDITOR
                    ? Decision.ALLOW : Decision.deny("collect", user.role());
            case ASSEMBLE -> admin || user.role() == Role.PRODUCER ? Decision.ALLOW : Decision.deny("assemble", user.role());
            default -> Decision.deny("notForCollections", word);
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
        throw own.refusal();
    }

    /** Every unit ({@code unit} null) or one, and whether deleted items are included. */
    public record ListScope(String unit, boolean includeDeleted) {
    }

    /** Throws 403 (problem+json) with the policy's reason when the action is refused. */
    public void check(User user, Action action, Resource resource) {
        Decision d = decide(user, action, resource);
        if (!d.allowed()) {
            throw d.refusal();
        }
    }

    public boolean allows(User user, Action action, Resource resource) {
        return decide(user, action, resource).allowed();
    }

    private static Decision contribute(User user, String unit) {
        if (!user.role().canContribute()) {
            return Decision.deny("roleCannotUpload", user.role());
        }
        if (user.role() == Role.ADMIN) {
            return Decision.ALLOW;
        }
        if (user.unit() == null || user.unit().isBlank()) {
            return Decision.deny("noUnit");
        }
        if (!user.unit().equals(unit)) {
            return Decision.deny("ownUnitUpload", user.unit(), unit);
        }
        return Decision.ALLOW;
    }

    private static boolean ownUnitContributor(User user, Resource resource) {
        return user.role() == Role.CONTRIBUTOR && user.unit() != null && !user.unit().isBlank()
                && user.unit().equals(resource.unit());
    }
}
