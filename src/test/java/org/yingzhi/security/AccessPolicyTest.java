package org.yingzhi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.web.ApiException;

/**
 * The access policy as a table: every role, against an asset of the user's own unit, of another unit, and a
 * deleted one, for every action. A row is "role: own / other / deleted" with Y for allowed and - for refused.
 * The UPLOAD column (CONTINUE_UPLOAD) is about an upload in progress: the user's own, someone else's, and the
 * user's own marked deleted. COLLECT and ASSEMBLE (making bins and cuts) do not depend on the asset. POLITICAL and
 * FACTS (REVIEW_POLITICAL, REVIEW_FACTS) are the two checks with the default review rules ({@link #reviewRules}).
 * <p>
 * Bins and cuts have their own table ({@link #COLLECTIONS}): against one's own, someone else's private one,
 * someone else's shared one, one shared with the user for editing, and one's own deleted.
 */
class AccessPolicyTest {

    private static final String OWN = "援藏工作队";
    private static final String OTHER = "省广播电视局";

    private static final String[] TABLE = {
        //            VIEW  VIEW_DEL CONTRIB EDIT  CH_UNIT REPROC DELETE RESTORE JOBS  ADMIN GAZETTEER LINK  USERS DOWNLOAD UPLOAD   COLLECT ASSEMBLE POLITICAL FACTS RESTRICTED
        "ADMIN       YYY   YYY      YYY     YYY   YYY     YYY    YYY    YYY     YYY   YYY   YYY       YYY  YYY  YYY      YYY      YYY     YYY  YYY      YYY  YYY",
        "REVIEWER    YY-   ---      ---     YY-   YY-     YY-    ---    ---     YY-   ---   YY-       YY-  ---  YY-      Y--      YY-     ---  YY-      YY-  YY-",
        "CONTRIBUTOR YY-   ---      Y--     Y--   ---     Y--    Y--    Y-Y     Y--   ---   ---       Y--  ---  Y--      Y--      ---     ---  ---      ---  Y--",
        "PRODUCER    YY-   ---      ---     ---   ---     ---    ---    ---     ---   ---   ---       ---  ---  YY-      Y--      YY-     YY-  ---      ---  ---",
        "EDITOR      YY-   ---      ---     ---   ---     ---    ---    ---     ---   ---   YY-       YY-  ---  YY-      Y--      YY-     ---  ---      ---  YY-",
        "VIEWER      YY-   ---      ---     ---   ---     ---    ---    ---     ---   ---   ---       ---  ---  ---      Y--      ---     ---  ---      ---  ---",
    };

    private final AccessPolicy policy = new AccessPolicy();

    private static final String[] COLLECTIONS = {
        //            VIEW   EDIT   DELETE RESTORE
        "ADMIN       YYYYY  YYYYY  YYYYY  YYYYY",
        "REVIEWER    Y-YY-  Y--Y-  Y----  Y---Y",
        "CONTRIBUTOR Y-YY-  Y--Y-  Y----  Y---Y",
        "PRODUCER    Y-YY-  Y--Y-  Y----  Y---Y",
        "EDITOR      Y-YY-  Y--Y-  Y----  Y---Y",
        "VIEWER      Y-YY-  Y--Y-  Y----  Y---Y",
    };

    @Test
    void binsAndCutsBelongToTheirOwnerAndThoseTheyAreSharedWith() {
        List<String> wrong = new ArrayList<>();
        Action[] actions = {Action.VIEW, Action.EDIT, Action.DELETE, Action.RESTORE};
        for (ResourceKind kind : List.of(ResourceKind.BIN, ResourceKind.CUT)) {
            for (String row : COLLECTIONS) {
                String[] cells = row.trim().split("\\s+");
                Role role = Role.valueOf(cells[0]);
                User user = new User("u", "U", role, OWN);
                Resource[] resources = {
                    Resource.collection(kind, "u", false, List.of(), false),
                    Resource.collection(kind, "other", false, List.of(), false),
                    Resource.collection(kind, "other", true, List.of(), false),
                    Resource.collection(kind, "other", true, List.of("u"), false),
                    Resource.collection(kind, "u", false, List.of(), true)};
                for (int a = 0; a < actions.length; a++) {
                    for (int r = 0; r < resources.length; r++) {
                        boolean expected = cells[a + 1].charAt(r) == 'Y';
                        Decision d = policy.decide(user, actions[a], resources[r]);
                        if (d.allowed() != expected) {
                            wrong.add(kind + " " + role + " " + actions[a] + " #" + r + ": expected " + expected);
                        }
                        if (!d.allowed()) {
                            assertNotNull(d.reason());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("this cut is shared for reading; only its owner and those it is shared with may change it",
                policy.decide(new User("u", "U", Role.PRODUCER, OWN), Action.EDIT,
                        Resource.collection(ResourceKind.CUT, "other", true, List.of(), false)).reason());
    }

    @Test
    void listsAreScopedLikeTheItemDecisions() {
        assertEquals(new AccessPolicy.ListScope(null, true), policy.listScope(new User("a", "A", Role.ADMIN, OWN), Action.VIEW_JOBS, ResourceKind.JOB));
        assertEquals(new AccessPolicy.ListScope(null, false), policy.listScope(new User("r", "R", Role.REVIEWER, OWN), Action.VIEW_JOBS, ResourceKind.JOB));
        assertEquals(new AccessPolicy.ListScope(OWN, false), policy.listScope(new User("c", "C", Role.CONTRIBUTOR, OWN), Action.VIEW_JOBS, ResourceKind.JOB));
        org.junit.jupiter.api.Assertions.assertThrows(org.yingzhi.shared.web.ApiException.class,
                () -> policy.listScope(new User("c", "C", Role.CONTRIBUTOR, ""), Action.VIEW_JOBS, ResourceKind.JOB), "no unit: nothing");
        org.junit.jupiter.api.Assertions.assertThrows(org.yingzhi.shared.web.ApiException.class,
                () -> policy.listScope(new User("p", "P", Role.PRODUCER, OWN), Action.VIEW_JOBS, ResourceKind.JOB));
    }

    @Test
    void everyRoleUnitAndActionAsTabled() {
        List<String> wrong = new ArrayList<>();
        for (String row : TABLE) {
            String[] cells = row.trim().split("\\s+");
            Role role = Role.valueOf(cells[0]);
            User user = new User("u", "U", role, OWN);
            Action[] actions = Action.values();
            assertEquals(actions.length, cells.length - 1, "one column per action");
            for (int a = 0; a < actions.length; a++) {
                Resource[] resources = {Resource.of(ResourceKind.ASSET, OWN), Resource.of(ResourceKind.ASSET, OTHER),
                        new Resource(ResourceKind.ASSET, OWN, true)};
                for (int r = 0; r < 3; r++) {
                    // CONTRIBUTE's third column: uploading with no unit named
                    Resource res = actions[a] == Action.CONTRIBUTE && r == 2 ? Resource.of(ResourceKind.ASSET, null) : resources[r];
                    if (actions[a] == Action.CONTINUE_UPLOAD) {
                        res = new Resource(ResourceKind.UPLOAD, null, r == 2, r == 1 ? "someone-else" : user.name());
                    }
                    boolean expected = cells[a + 1].charAt(r) == 'Y';
                    Decision d = policy.decide(user, actions[a], res);
                    if (d.allowed() != expected) {
                        wrong.add(role + " " + actions[a] + " " + res + ": expected " + expected);
                    }
                    if (!d.allowed()) {
                        assertNotNull(d.reason(), role + " " + actions[a]);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(EnumSet.allOf(Role.class).size(), TABLE.length, "one row per role");
    }

    /** Grants give an account exactly the checks named; the office can forbid deciding on one's own unit. */
    @Test
    void reviewRules() {
        AccessPolicy configured = new AccessPolicy(new ReviewRules(true, java.util.Map.of(
                "fang", List.of("facts"), "bian", List.of("political"))));
        User fang = new User("fang", "F", Role.REVIEWER, "省地方志办公室");
        User bian = new User("bian", "B", Role.EDITOR, "省地方志办公室");
        User other = new User("li", "L", Role.REVIEWER, "省地方志办公室");
        Resource bureau = Resource.of(ResourceKind.ASSET, OTHER);
        Resource office = Resource.of(ResourceKind.ASSET, "省地方志办公室");
        assertFalse(configured.allows(fang, Action.REVIEW_POLITICAL, bureau), "granted the fact check only");
        org.junit.jupiter.api.Assertions.assertTrue(configured.allows(fang, Action.REVIEW_FACTS, bureau));
        org.junit.jupiter.api.Assertions.assertTrue(configured.allows(bian, Action.REVIEW_POLITICAL, bureau), "an editor with a grant");
        assertFalse(configured.allows(bian, Action.REVIEW_FACTS, bureau));
        org.junit.jupiter.api.Assertions.assertTrue(configured.allows(other, Action.REVIEW_POLITICAL, bureau), "a reviewer without a grant holds both");
        assertFalse(configured.allows(other, Action.REVIEW_FACTS, office), "not on the office's own material");
        assertEquals("nobody decides on material of their own unit (省地方志办公室)",
                configured.decide(other, Action.REVIEW_FACTS, office).reason());
        org.junit.jupiter.api.Assertions.assertTrue(policy.allows(other, Action.REVIEW_FACTS, office), "allowed by default");
    }

    @Test
    void aContributorWithoutAUnitIsToldSo() {
        User noUnit = new User("n", "N", Role.CONTRIBUTOR, "");
        Decision d = policy.decide(noUnit, Action.CONTRIBUTE, Resource.of(ResourceKind.ASSET, null));
        assertFalse(d.allowed());
        assertEquals("your account has no unit; ask an administrator to set one", d.reason());
        assertFalse(policy.allows(noUnit, Action.EDIT, Resource.of(ResourceKind.ASSET, "")), "an empty unit matches nothing");
    }

    @Test
    void refusalsCarryAReasonAndBecome403() {
        User c = new User("c", "C", Role.CONTRIBUTOR, OWN);
        ApiException e = assertThrows(ApiException.class, () -> policy.check(c, Action.CONTRIBUTE, Resource.of(ResourceKind.ASSET, OTHER)));
        assertEquals(403, e.status().value());
        assertEquals("you can upload media for your own unit (" + OWN + ") only, not for " + OTHER, e.getMessage());
        assertEquals("reviewers cannot delete assets", policy.decide(new User("r", "R", Role.REVIEWER, OTHER),
                Action.DELETE, Resource.of(ResourceKind.ASSET, OTHER)).reason());
    }
}
