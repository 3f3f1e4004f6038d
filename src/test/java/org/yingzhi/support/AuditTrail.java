package org.yingzhi.support;

import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The audit chain as a test reads it through the API after a crash: settled by the sweep, record by record. */
public final class AuditTrail {

    private AuditTrail() {
    }

    /** Waits (up to {@code seconds}) until the sweep has emptied the journal; the chain's verification then. */
    public static JsonNode settled(Api api, int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        JsonNode v;
        do {
            Thread.sleep(500);
            v = api.get("/api/audit/verify", Api.ADMIN).json().get("chain");
        } while (v.get("pending").asLong() > 0 && System.currentTimeMillis() < deadline);
        return v;
    }

    /** Every record of the chain, newest first, read 500 at a time. */
    public static void forEach(Api api, Consumer<JsonNode> each) {
        long before = 0;
        do {
            JsonNode page = api.get("/api/audit?limit=500" + (before > 0 ? "&before=" + before : ""), Api.ADMIN).json();
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode r : page) {
                before = r.get("seq").asLong();
                each.accept(r);
            }
        } while (before > 1);
    }
}
