package org.yingzhi.shared.audit;

/**
 * What the audit log knows of the request a write happens in: request id, client address, a hash of the session
 * or token id, and how many records the request has appended. Held per thread by {@link AuditRequestFilter};
 * writes outside a request (start-up, jobs, schedules) have none.
 */
final class AuditContext {

    private static final ThreadLocal<AuditContext> CURRENT = new ThreadLocal<>();

    final String request;
    final String client;
    final String session;
    int appended;
    boolean unchanged;

    AuditContext(String request, String client, String session) {
        this.request = request;
        this.client = client;
        this.session = session;
    }

    static AuditContext current() {
        return CURRENT.get();
    }

    static void set(AuditContext c) {
        if (c == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(c);
        }
    }
}
