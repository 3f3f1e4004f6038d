package org.yingzhi.shared.audit;

/** Who a signed-in principal is, as the audit log records it: login name, role and unit (the security user). */
public interface AuditActor {

    String name();

    /** The role's name, e.g. ADMIN. */
    String roleName();

    String unit();
}
