package org.yingzhi.shared.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.support.Api;
import org.yingzhi.support.ServiceTest;

/**
 * What the sweep makes of the journal a crash leaves (entries written as {@link AuditLog#write} and the request
 * filter write them, dated before the crash): a write its probe finds gets its record, one it does not find is
 * dropped, one without a probe is recorded as uncertain, an interrupted request as interrupted unless the request
 * has records; the chain still verifies.
 */
class AuditSweepIntegrationTest extends ServiceTest {

    @Autowired
    AuditSweep sweep;
    @Autowired
    AuditLog audit;

    private Document entry(String op, String request, Document change, Document probe) {
        Document d = new Document("_id", op).append("at", new Date(System.currentTimeMillis() - 600_000))
                .append("actor", new Document("name", "bureau").append("role", "CONTRIBUTOR").append("unit", "省广播电视局"))
                .append("session", "token:0123456789abcdef").append("client", "10.0.0.7").append("request", request);
        if (change != null) {
            d.append("change", change);
        }
        if (probe != null) {
            d.append("probe", probe);
        }
        return d;
    }

    private static Document change(String action, String target) {
        return new Document("action", action).append("targetKind", "asset").append("targetId", target)
                .append("unit", "省广播电视局").append("before", new Document("title", "旧"))
                .append("after", new Document("title", "新")).append("reason", null);
    }

    @Test
    void theSweepRecordsWritesThatHappenedAndDropsThoseThatDidNot() {
        ObjectId present = new ObjectId();
        db.getCollection("assets_probe_test").insertOne(new Document("_id", present).append("version", 3));
        var pending = db.getCollection("audit_pending");
        pending.insertOne(entry("op-happened", "req-1", change("asset.edit", present.toHexString()),
                new Document("collection", "assets_probe_test").append("filter",
                        new Document("_id", present).append("version", 3)).append("present", true)));
        pending.insertOne(entry("op-never", "req-2", change("asset.edit", "nothing"),
                new Document("collection", "assets_probe_test").append("filter",
                        new Document("_id", new ObjectId()).append("version", 9)).append("present", true)));
        pending.insertOne(entry("op-unknown", "req-3", change("figure.change", "f1"), null));
        pending.insertOne(entry("op-bare", "req-4", null, null)
                .append("route", new Document("method", "POST").append("path", "/api/bins")));
        pending.insertOne(entry("op-bare-described", "req-1", null, null)
                .append("route", new Document("method", "PATCH").append("path", "/api/assets/x")));
        pending.insertOne(new Document(entry("op-young", "req-5", change("asset.edit", "y"), null))
                .append("at", new Date())); // still under way in a live process: left alone

        assertEquals(5, sweep.sweep());
        var chain = db.getCollection("audit");
        assertEquals("recovered", chain.find(new Document("op", "op-happened")).first().getString("outcome"));
        assertEquals("10.0.0.7", chain.find(new Document("op", "op-happened")).first().getString("client"));
        assertEquals(0, chain.countDocuments(new Document("op", "op-never")));
        assertEquals("uncertain", chain.find(new Document("op", "op-unknown")).first().getString("outcome"));
        assertEquals("interrupted", chain.find(new Document("op", "op-bare")).first().getString("outcome"));
        assertEquals(0, chain.countDocuments(new Document("op", "op-bare-described")),
                "the request's write is on record already");
        assertEquals(1, pending.countDocuments(), "only the young entry is left");
        assertEquals(0, sweep.sweep(), "a second sweep finds nothing to do");
        assertTrue(audit.verify().ok());
        assertEquals(3, audit.verify().records());
        assertEquals(200, api.get("/api/audit/verify", Api.ADMIN).status());
        db.getCollection("assets_probe_test").drop();
    }
}
