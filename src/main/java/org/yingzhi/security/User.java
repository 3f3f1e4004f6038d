package org.yingzhi.security;

/** A signed-in caller: login name, display name, role and the unit they belong to. */
public record User(String name, String displayName, Role role, String unit)
        implements java.io.Serializable, org.yingzhi.shared.audit.AuditActor {

    @Override
    public String roleName() {
        return role == null ? null : role.name();
    }
}
