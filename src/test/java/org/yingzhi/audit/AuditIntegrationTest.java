package org.yingzhi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over HTTP: each successful write appends exactly one record naming its actor, target, fields
 * before and after, reason and request; a refused write (403, 409, 400, 413) appends none; the chain verifies,
 * and altering or removing a stored record makes verify fail and name it; only administrators read it.
 */
class AuditIntegrationTest extends ServiceTest {

    private long count() {
        return db.getCollection("audit").countDocuments();
    }

    private Document last() {
        return db.getCollection("audit").find().sort(new Document("seq", -1)).first();
    }

    /** Runs a write that must succeed and checks that it appended exactly one record with this action. */
    private Api.Response once(String action, int status, java.util.function.Supplier<Api.Response> write) {
        long before = count();
        Api.Response r = write.get();
        assertEquals(status, r.status(), action + ": " + r.body());
        assertEquals(before + 1, count(), "exactly one record for " + action);
        assertEquals(action, last().getString("action"));
        return r;
    }

    /** Runs a write that must be refused with this status and checks that it appended nothing. */
    private void none(String what, int status, java.util.function.Supplier<Api.Response> write) {
        long before = count();
        Api.Response r = write.get();
        assertEquals(status, r.status(), what + ": " + r.body());
        assertEquals(before, count(), "no record for a refused write: " + what);
    }

    @Test
    void everySuccessfulWriteHasExactlyOneRecordAndRefusedOnesNone() throws Exception {
        String clip = once("asset.upload", 201, () -> api.upload(Samples.get("clip-2997df.mov"), Api.BUREAU, null))
                .json().get("asset").get("id").asString();
        Document up = last();
        assertEquals(clip, up.get("target", Document.class).getString("id"));
        assertEquals("bureau", up.get("actor", Document.class).getString("name"));
        assertEquals("CONTRIBUTOR", up.get("actor", Document.class).getString("role"));
        assertEquals("省广播电视局", up.get("actor", Document.class).getString("unit"));
        assertTrue(up.getString("session").startsWith("token:"), up.toJson());
        assertFalse(up.toJson().contains("dev-bureau-token"), "no secret in the record");
        assertEquals("127.0.0.1", up.getString("client"));
        String photo = once("asset.upload", 201, () -> api.upload(Samples.get("photo-lhasa.jpg"), Api.TIBET, null))
                .json().get("asset").get("id").asString();
        assertEquals(200, api.upload(Samples.get("photo-lhasa.jpg"), Api.TIBET, null).status());
        assertEquals("asset.upload", last().getString("action"), "a duplicate of the same unit writes nothing new");

        Api.Response edited = once("asset.edit", 200, () -> api.patch("/api/assets/" + clip, Api.BUREAU,
                "{\"title\":\"拉萨市人民医院门诊楼落成\"}"));
        Document edit = last();
        assertEquals("拉萨市人民医院门诊楼落成", edit.get("after", Document.class).getString("title"));
        assertTrue(edit.get("before", Document.class).containsKey("title"));
        assertEquals(edited.raw().headers().firstValue("X-Request-Id").orElseThrow(), edit.getString("request"));
        assertEquals("省广播电视局", edit.getString("unit"));

        // refused: 403 (another unit's asset), 400 (a field that cannot be changed), 409 (a decision on a stale
        // version: someone changed it meanwhile), 413 (a file over the limit), and a deletion without a reason
        none("403", 403, () -> api.patch("/api/assets/" + clip, Api.TIBET, "{\"title\":\"x\"}"));
        none("400", 400, () -> api.patch("/api/assets/" + clip, Api.BUREAU, "{\"status\":\"READY\"}"));
        long stale = api.get("/api/assets/" + clip, Api.ADMIN).json().get("version").asLong() - 1;
        none("409", 409, () -> api.post("/api/assets/" + clip + "/review/facts", Api.REVIEWER,
                "{\"decision\":\"APPROVED\",\"version\":" + stale + "}"));
        none("413", 413, () -> api.upload("big.mov", new byte[6 * 1024 * 1024], Api.BUREAU, null));
        none("no reason", 400, () -> api.delete("/api/assets/" + photo, Api.TIBET));

        once("review.decision", 200, () -> api.post("/api/assets/" + clip + "/review/political", Api.REVIEWER,
                "{\"decision\":\"RETURNED\",\"reason\":\"字幕有误\"}"));
        assertEquals("字幕有误", last().getString("reason"));
        assertEquals("RETURNED", last().get("after", Document.class).getString("state"));
        once("review.comment", 201, () -> api.post("/api/assets/" + clip + "/review/comments", Api.BUREAU,
                "{\"text\":\"已改正\"}"));
        once("review.resubmit", 200, () -> api.post("/api/assets/" + clip + "/review/resubmit", Api.BUREAU, "{}"));

        String node = once("outline.change", 201, () -> api.post("/api/outline", Api.ADMIN, "{\"title\":\"第一篇 组织与决策\"}"))
                .json().get("id").asString();
        assertEquals(node, last().get("target", Document.class).getString("id"));
        String person = once("index.change", 201, () -> api.post("/api/index/people", Api.ADMIN, "{\"name\":\"张晓明\"}"))
                .json().get("id").asString();
        String link = once("link.create", 201, () -> api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + clip
                + "\",\"target\":\"person\",\"targetId\":\"" + person + "\"}")).json().get("id").asString();
        once("link.delete", 204, () -> api.delete("/api/links/" + link, Api.EDITOR));
        String figure = once("figure.change", 201, () -> api.post("/api/outline/" + node + "/figures", Api.EDITOR,
                "{\"asset\":\"" + photo + "\",\"caption\":\"拉萨\"}")).json().get("id").asString();
        assertEquals(figure, last().get("target", Document.class).getString("id"));
        once("export", 200, () -> api.get("/api/figures/export?format=csv", Api.EDITOR));
        once("asset.download-original", 200, () -> api.get("/api/assets/" + photo + "/original?download=true", Api.TIBET));

        String reason = URLEncoder.encode("重复上传", StandardCharsets.UTF_8);
        once("asset.delete", 204, () -> api.delete("/api/assets/" + photo + "?reason=" + reason, Api.TIBET));
        assertEquals("重复上传", last().getString("reason"));
        String deleter = last().get("actor", Document.class).getString("name");
        once("asset.restore", 200, () -> api.post("/api/assets/" + photo + "/restore", Api.ADMIN, "{}"));

        String password = once("account.change", 201, () -> api.post("/api/users", Api.ADMIN,
                "{\"name\":\"lhasa-desk\",\"role\":\"CONTRIBUTOR\",\"unit\":\"西藏前方指挥部\"}"))
                .json().get("oneTimePassword").asString();
        assertFalse(last().toJson().contains(password), "no password in the record");

        // only administrators read the log; the records name what happened, newest first
        assertEquals(403, api.get("/api/audit", Api.REVIEWER).status());
        JsonNode mine = api.get("/api/audit?target=" + clip, Api.ADMIN).json();
        List<String> actions = new ArrayList<>();
        mine.forEach(r -> actions.add(r.get("action").asString()));
        assertEquals(List.of("review.resubmit", "review.comment", "review.decision", "asset.edit", "asset.upload"), actions);
        assertEquals(1, api.get("/api/audit?actor=" + deleter + "&limit=500", Api.ADMIN).json().findValues("action").stream()
                .filter(a -> a.asString().equals("asset.delete")).count());
        assertEquals(400, api.get("/api/audit?day=yesterday", Api.ADMIN).status());

        JsonNode v = api.get("/api/audit/verify", Api.ADMIN).json().get("chain");
        assertTrue(v.get("ok").asBoolean(), v.toString());
        assertEquals(count(), v.get("records").asLong());
        long headSeq = v.get("headSeq").asLong();
        String headHash = v.get("headHash").asString();
        assertTrue(api.get("/api/audit/verify?seq=" + headSeq + "&hash=" + headHash, Api.ADMIN).json()
                .get("statedHeadHolds").asBoolean());

        String exported = api.get("/api/audit/export.jsonl", Api.ADMIN).body();
        assertEquals(headSeq, exported.lines().count(), "every record, as stored");
        assertTrue(exported.lines().findFirst().orElseThrow().contains("\"prev\": \"" + "0".repeat(64) + "\""),
                exported.lines().findFirst().orElseThrow());
    }

    @Test
    void alteringOrRemovingAStoredRecordMakesVerifyFailAndNameIt() {
        for (int i = 0; i < 6; i++) {
            assertEquals(201, api.post("/api/index/people", Api.ADMIN, "{\"name\":\"干部" + i + "\"}").status());
        }
        assertTrue(api.get("/api/audit/verify", Api.ADMIN).json().get("chain").get("ok").asBoolean());
        var audit = db.getCollection("audit");
        Document third = audit.find(new Document("seq", 3L)).first();
        assertNotNull(third);
        audit.updateOne(new Document("seq", 3L), new Document("$set", new Document("actor.name", "someone-else")));
        JsonNode v = api.get("/api/audit/verify", Api.ADMIN).json().get("chain");
        assertFalse(v.get("ok").asBoolean());
        assertEquals(3, v.get("brokenAt").asLong());
        assertTrue(v.get("problem").asString().contains("altered"), v.toString());
        audit.replaceOne(new Document("seq", 3L), third); // put back as it was: whole again
        assertTrue(api.get("/api/audit/verify", Api.ADMIN).json().get("chain").get("ok").asBoolean());

        audit.deleteOne(new Document("seq", 5L));
        v = api.get("/api/audit/verify", Api.ADMIN).json().get("chain");
        assertFalse(v.get("ok").asBoolean());
        assertEquals(5, v.get("brokenAt").asLong());
        assertTrue(v.get("problem").asString().contains("missing"), v.toString());

        // the page shows the same
        String page = api.get("/admin/audit?verify=true", Api.ADMIN).body();
        assertTrue(page.contains("第 5 条"), page);
    }
}
