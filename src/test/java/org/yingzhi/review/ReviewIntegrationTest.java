package org.yingzhi.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * The two checks over HTTP: a clip is returned by the political check with a comment at a timecode while the
 * fact check approves it; its unit reads the comment at that point, answers, corrects and resubmits; both checks
 * approve; an edit reopens exactly the approved check that reads the field; contributors decide nothing, other
 * units cannot comment, a decision on a version that changed is refused; a batch decides each item on its own.
 */
class ReviewIntegrationTest extends ServiceTest {

    private String upload(String sample, String token) {
        Api.Response r = api.upload(Samples.get(sample), token, null);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().get("asset").get("id").asString();
    }

    private static List<String> ids(JsonNode queue) {
        List<String> out = new ArrayList<>();
        queue.forEach(n -> out.add(n.get("id").asString()));
        return out;
    }

    private JsonNode review(String id, String token) {
        Api.Response r = api.get("/api/assets/" + id + "/review", token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aClipIsReturnedWithACommentAtATimecodeCorrectedResubmittedAndApprovedByBothChecks() throws Exception {
        String clip = upload("clip-2997df.mov", Api.BUREAU); // 省广播电视局, 01:00:59;10 at 29.97 DF
        String photo = upload("photo-lhasa.jpg", Api.TIBET);
        assertEquals(List.of(clip, photo), ids(api.get("/api/review/queue?check=political", Api.REVIEWER).json()),
                "oldest first; a check never decided is pending");
        assertEquals(403, api.get("/api/review/queue?check=facts", Api.BUREAU).status(), "a contributor holds no check");

        Api.Response noReason = api.post("/api/assets/" + clip + "/review/political", Api.REVIEWER, "{\"decision\":\"RETURNED\"}");
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("review.reasonNeeded", noReason.json().get("code").asString());
        Api.Response at = api.post("/api/assets/" + clip + "/review/comments", Api.REVIEWER,
                "{\"check\":\"political\",\"at\":\"01:00:59;20\",\"text\":\"这里的字幕有误\"}");
        assertEquals(201, at.status(), at.body());
        assertEquals("01:00:59;20", at.json().get("in").asString());
        assertEquals("01:00:59;21", at.json().get("out").asString());
        assertEquals(333_666, at.json().get("inMicros").asLong(), 1, "ten frames into the clip");
        assertEquals(400, api.post("/api/assets/" + clip + "/review/comments", Api.REVIEWER,
                "{\"at\":\"01:00:59:20\",\"text\":\"x\"}").status(), "the clip counts drop-frame");
        assertEquals(400, api.post("/api/assets/" + clip + "/review/comments", Api.REVIEWER,
                "{\"region\":{\"x\":0.1,\"y\":0.1,\"w\":0.2,\"h\":0.2},\"text\":\"x\"}").status(), "regions are for photos");

        long v = review(clip, Api.REVIEWER).get("version").asLong();
        Api.Response returned = api.post("/api/assets/" + clip + "/review/political", Api.REVIEWER,
                "{\"decision\":\"RETURNED\",\"reason\":\"字幕“门诊楼”写成了“门珍楼”\",\"version\":" + v + "}");
        assertEquals(200, returned.status(), returned.body());
        assertEquals("CHANGES_REQUESTED", returned.json().get("review").get("status").asString());
        Api.Response stale = api.post("/api/assets/" + clip + "/review/facts", Api.REVIEWER,
                "{\"decision\":\"APPROVED\",\"version\":" + v + "}");
        assertEquals(409, stale.status(), "decided on a version that changed meanwhile: " + stale.body());
        assertEquals(200, api.post("/api/assets/" + clip + "/review/facts", Api.REVIEWER, "{\"decision\":\"APPROVED\"}").status());
        assertEquals(403, api.post("/api/assets/" + clip + "/review/political", Api.BUREAU, "{\"decision\":\"APPROVED\"}").status(),
                "a contributor decides nothing");

        // the unit reads why, at the point it concerns; another unit cannot join in
        JsonNode seen = review(clip, Api.BUREAU);
        assertEquals("RETURNED", seen.get("review").get("political").get("state").asString());
        assertEquals("字幕“门诊楼”写成了“门珍楼”", seen.get("review").get("political").get("reason").asString());
        assertEquals("APPROVED", seen.get("review").get("facts").get("state").asString());
        assertTrue(seen.get("canAnswer").asBoolean());
        assertEquals(2, seen.get("comments").size());
        assertEquals("01:00:59;20", seen.get("comments").get(0).get("in").asString());
        assertEquals("reviewer", seen.get("comments").get(0).get("side").asString());
        assertEquals(403, api.post("/api/assets/" + clip + "/review/comments", Api.TIBET, "{\"text\":\"x\"}").status());
        Api.Response answer = api.post("/api/assets/" + clip + "/review/comments", Api.BUREAU,
                "{\"check\":\"political\",\"at\":\"01:00:59;20\",\"text\":\"已改正字幕\"}");
        assertEquals("unit", answer.json().get("side").asString());

        // the correction: the title feeds the fact check too, which was approved, so it opens again
        assertEquals(200, api.patch("/api/assets/" + clip, Api.BUREAU, "{\"title\":\"拉萨市人民医院门诊楼落成\"}").status());
        JsonNode afterEdit = review(clip, Api.BUREAU).get("review");
        assertEquals("PENDING", afterEdit.get("facts").get("state").asString());
        assertTrue(afterEdit.get("facts").get("reason").asString().contains("title"), afterEdit.toString());
        assertEquals("RETURNED", afterEdit.get("political").get("state").asString(), "a return waits for the resubmission");
        Api.Response resubmitted = api.post("/api/assets/" + clip + "/review/resubmit", Api.BUREAU, "{\"note\":\"字幕与标题均已更正\"}");
        assertEquals(200, resubmitted.status(), resubmitted.body());
        assertEquals(2, resubmitted.json().get("review").get("round").asInt());
        assertEquals("PENDING", resubmitted.json().get("review").get("political").get("state").asString());
        assertEquals(400, api.post("/api/assets/" + clip + "/review/resubmit", Api.BUREAU, "{}").status(), "nothing returned now");

        // both checks pass: approved, and the library finds it so
        assertEquals(200, api.post("/api/assets/" + clip + "/review/political", Api.REVIEWER, "{\"decision\":\"APPROVED\"}").status());
        Api.Response both = api.post("/api/assets/" + clip + "/review/facts", Api.REVIEWER, "{\"decision\":\"APPROVED\"}");
        assertEquals("APPROVED", both.json().get("review").get("status").asString());
        assertEquals(1, api.get("/api/assets?review=APPROVED", Api.VIEWER).json().get("total").asLong());

        // keywords feed the political check only
        assertEquals(200, api.patch("/api/assets/" + clip, Api.BUREAU, "{\"keywords\":[\"援藏\",\"医院\"]}").status());
        JsonNode reopened = review(clip, Api.REVIEWER).get("review");
        assertEquals("PENDING", reopened.get("political").get("state").asString());
        assertEquals("APPROVED", reopened.get("facts").get("state").asString());
        assertEquals("PENDING", reopened.get("status").asString());

        // a batch: each item decided on its own; one that does not exist is refused by id
        Api.Response batch = api.post("/api/review/decisions", Api.REVIEWER, "{\"check\":\"political\",\"decision\":\"APPROVED\","
                + "\"assets\":[\"" + clip + "\",\"" + photo + "\",\"0123456789abcdef01234567\"]}");
        assertEquals(200, batch.status(), batch.body());
        assertEquals(2, batch.json().get("decided").asInt());
        assertEquals("0123456789abcdef01234567", batch.json().get("refused").get(0).get("asset").asString());
        assertEquals(List.of(), ids(api.get("/api/review/queue?check=political", Api.REVIEWER).json()));
        assertEquals(List.of(photo), ids(api.get("/api/review/queue?check=facts", Api.REVIEWER).json()));
        assertEquals(List.of(clip), ids(api.get("/api/review/queue?check=facts&state=APPROVED&unit=省广播电视局", Api.REVIEWER).json()));

        // a chapter's queue: the material linked to it or anything under it
        assertEquals(200, api.uploadTo("/api/outline/import", "outline.docx",
                org.yingzhi.support.SampleOutline.docx(org.yingzhi.support.SampleOutline.ORIGINAL), Api.EDITOR, null).status());
        String section = db.getCollection("outline").find(new org.bson.Document("title", "第一节 拉萨市人民医院")).first()
                .getObjectId("_id").toHexString();
        String chapter = db.getCollection("outline").find(new org.bson.Document("title", "第一章 医疗卫生项目")).first()
                .getObjectId("_id").toHexString();
        assertEquals(201, api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + photo + "\",\"target\":\"chapter\",\"targetId\":\""
                + section + "\"}").status());
        assertEquals(List.of(photo), ids(api.get("/api/review/queue?check=facts&chapter=" + chapter, Api.REVIEWER).json()),
                "linked to a section of the chapter");
        assertEquals(List.of(), ids(api.get("/api/review/queue?check=facts&state=APPROVED&chapter=" + chapter, Api.REVIEWER).json()));
        assertEquals(404, api.get("/api/review/queue?check=facts&chapter=0123456789abcdef01234567", Api.REVIEWER).status());

        // a photo's comment marks a region of it
        Api.Response region = api.post("/api/assets/" + photo + "/review/comments", Api.REVIEWER,
                "{\"check\":\"facts\",\"region\":{\"x\":0.25,\"y\":0.1,\"w\":0.3,\"h\":0.4},\"text\":\"左起第二人是谁？\"}");
        assertEquals(201, region.status(), region.body());
        assertEquals(0.3, region.json().get("region").get("w").asDouble(), 1e-9);
        assertEquals(400, api.post("/api/assets/" + photo + "/review/comments", Api.REVIEWER,
                "{\"region\":{\"x\":0.9,\"y\":0.1,\"w\":0.3,\"h\":0.4},\"text\":\"x\"}").status(), "outside the photo");
    }

    private JsonNode coverageRow(String node) {
        for (JsonNode r : api.get("/api/outline/coverage", Api.VIEWER).json().get("rows")) {
            if (r.get("id").asString().equals(node)) {
                return r;
            }
        }
        throw new AssertionError("no row " + node);
    }

    private void decide(String path, String check, String decision, String token, int status) {
        Api.Response r = api.post(path + "/review/" + check, token, "{\"decision\":\"" + decision + "\",\"reason\":\"核实\"}");
        assertEquals(status, r.status(), path + " " + check + ": " + r.body());
    }

    /**
     * A link is a claim and passes both checks too: material counts as approved in coverage only when the asset and
     * its link both passed; an edit of the asset that reopens a check takes it out again; the figure list marks a
     * photo that has not passed as a draft; a contributor decides no claim.
     */
    @Test
    void onlyMaterialWhoseAssetAndLinkPassedBothChecksCountsAsApproved() {
        String clip = upload("clip-2997df.mov", Api.BUREAU);
        String photo = upload("photo-lhasa.jpg", Api.TIBET);
        String node = api.post("/api/outline", Api.ADMIN, "{\"title\":\"第三章 医疗援藏\"}").json().get("id").asString();
        Api.Response linked = api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + clip + "\",\"target\":\"chapter\","
                + "\"targetId\":\"" + node + "\",\"in\":\"01:00:59;20\",\"out\":\"01:01:00;20\",\"rate\":\"30000/1001\"}");
        assertEquals(201, linked.status(), linked.body());
        String link = linked.json().get("id").asString();
        assertEquals(201, api.post("/api/outline/" + node + "/figures", Api.EDITOR, "{\"asset\":\"" + photo + "\"}").status());
        assertEquals(List.of(1, 0), List.of(coverageRow(node).get("clips").asInt(), coverageRow(node).get("approvedClips").asInt()));

        for (String check : List.of("political", "facts")) {
            decide("/api/assets/" + clip, check, "APPROVED", Api.REVIEWER, 200);
        }
        assertEquals(0, coverageRow(node).get("approvedClips").asInt(), "the asset passed, its link (the claim) not yet");
        assertEquals(List.of(link), linksOf(api.get("/api/links/review?check=facts", Api.REVIEWER).json()),
                "the claim waits in the fact check's queue");
        assertTrue(api.get("/api/links/review?check=facts", Api.BUREAU).json().isEmpty(), "a contributor holds no check");
        decide("/api/links/" + link, "facts", "APPROVED", Api.BUREAU, 403);
        decide("/api/links/" + link, "facts", "RETURNED", Api.REVIEWER, 200);
        assertEquals(0, coverageRow(node).get("approvedClips").asInt());
        decide("/api/links/" + link, "facts", "APPROVED", Api.REVIEWER, 200);
        decide("/api/links/" + link, "political", "APPROVED", Api.REVIEWER, 200);
        JsonNode row = coverageRow(node);
        assertEquals(1, row.get("approvedClips").asInt(), "asset and claim passed both checks");
        assertEquals(row.get("durationMicros").asLong(), row.get("approvedMicros").asLong());
        assertEquals("APPROVED", api.get("/api/assets/" + clip + "/links", Api.EDITOR).json().get(0).get("link")
                .get("claim").get("facts").get("state").asString());

        assertEquals(200, api.patch("/api/assets/" + clip, Api.BUREAU, "{\"title\":\"门诊楼落成（改）\"}").status());
        assertEquals(0, coverageRow(node).get("approvedClips").asInt(), "the edit reopened the political check");

        String figures = api.get("/api/figures/export?format=csv", Api.EDITOR).body();
        assertTrue(figures.contains("草稿：未通过审核"), figures);
    }

    private static List<String> linksOf(JsonNode claims) {
        List<String> out = new ArrayList<>();
        claims.forEach(n -> out.add(n.get("link").get("id").asString()));
        return out;
    }
}
