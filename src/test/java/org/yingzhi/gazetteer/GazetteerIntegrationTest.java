package org.yingzhi.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.gazetteer.index.EntryService;
import org.yingzhi.gazetteer.index.Units;
import org.yingzhi.gazetteer.link.LinkService;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.gazetteer.seed.GazetteerSeed;
import org.yingzhi.support.ServiceTest;
import org.yingzhi.support.Api;
import org.yingzhi.support.SampleOutline;
import org.yingzhi.support.Samples;
import tools.jackson.databind.JsonNode;

/**
 * The gazetteer over HTTP against the embedded catalog: the sample outline imported from Word and again after an
 * editorial round, the index, links of clip ranges (drop-frame included) and photos listed from every side, the
 * refusals, moves and merges that must keep links, coverage, and who may write.
 */
class GazetteerIntegrationTest extends ServiceTest {

    private JsonNode importOutline(List<String> lines, String token) throws Exception {
        Api.Response r = api.uploadTo("/api/outline/import", "outline.docx", SampleOutline.docx(lines), token, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** Depth-first titles with indentation, the outline as a reader sees it. */
    private List<String> titles() {
        List<String> out = new ArrayList<>();
        walk(api.get("/api/outline", Api.VIEWER).json(), "", out);
        return out;
    }

    private static void walk(JsonNode nodes, String indent, List<String> out) {
        for (JsonNode n : nodes) {
            out.add(indent + n.get("title").asString());
            walk(n.get("children"), indent + "  ", out);
        }
    }

    private String node(String title) {
        return db.getCollection("outline").find(new org.bson.Document("title", title)).first().getObjectId("_id").toHexString();
    }

    private String entry(String plural, String json) {
        Api.Response r = api.post("/api/index/" + plural, Api.EDITOR, json);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asString();
    }

    private String upload(String sample, String token) {
        Api.Response r = api.upload(Samples.get(sample), token, null);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        return r.json().get("asset").get("id").asString();
    }

    private Api.Response link(String token, String json) {
        return api.post("/api/links", token, json);
    }

    @Test
    void theSampleOutlineImportsFromWordAndAnEditedVersionUpdatesItInPlace() throws Exception {
        JsonNode first = importOutline(SampleOutline.ORIGINAL, Api.EDITOR);
        assertEquals(SampleOutline.ORIGINAL.size(), first.get("added").size(), first.toString());
        List<String> before = titles();
        assertEquals(11, api.get("/api/outline", Api.VIEWER).json().size(), "ten 篇 and 附录 at the top: " + before);
        assertTrue(before.contains("    第一节 拉萨市人民医院"), before.toString());
        String hospital = node("第二节 喀什地区第一人民医院");

        JsonNode second = importOutline(SampleOutline.EDITED, Api.EDITOR);
        assertEquals(List.of("第四章 文化旅游项目"), strings(second.get("added")), second.toString());
        assertEquals(List.of("第二章 教育项目 → 第二章 教育援建项目"), strings(second.get("renamed")));
        assertEquals(List.of("第二章 重大决策 → 第一章 重大决策", "第一章 组织机构 → 第二章 组织机构"),
                strings(second.get("renumbered")));
        assertEquals(List.of("第二节 喀什地区第一人民医院"), strings(second.get("moved")));
        assertEquals(List.of(), strings(second.get("unmatched")));
        assertTrue(second.get("reordered").asInt() >= 2, "重大决策 and 组织机构 swapped: " + second);
        assertEquals(SampleOutline.EDITED.size(), db.getCollection("outline").countDocuments(), "nothing duplicated");
        assertEquals(hospital, node("第二节 喀什地区第一人民医院"), "the moved section is the same node");
        List<String> after = titles();
        assertEquals(List.of("第一篇 组织与决策", "  第一章 重大决策", "  第二章 组织机构"), after.subList(0, 3));
        int edu = after.indexOf("  第二章 教育援建项目");
        assertEquals("    第二节 喀什地区第一人民医院", after.get(edu + 2), after.toString());

        // exports: Markdown and Word read back as the same tree, so importing them changes nothing
        for (String format : List.of("md", "docx", "json")) {
            byte[] body = api.getBytes("/api/outline/export?format=" + format, Api.VIEWER, null).body();
            Api.Response again = api.uploadTo("/api/outline/import", "outline." + format, body, Api.EDITOR, null);
            assertEquals(200, again.status(), format + ": " + again.body());
            assertEquals(List.of(), strings(again.json().get("added")), format);
            assertEquals(List.of(), strings(again.json().get("moved")), format);
            assertEquals(0, again.json().get("reordered").asInt(), format);
        }
        assertEquals(after, titles());
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(
                api.getBytes("/api/outline/export?format=docx", Api.VIEWER, null).body()))) {
            assertEquals("Heading1", doc.getParagraphs().get(0).getStyleID(), "Word sees headings");
        }
        String md = new String(api.getBytes("/api/outline/export?format=md", Api.VIEWER, null).body(), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# 第一篇 组织与决策\n\n## 第一章 重大决策"), md);

        Api.Response notAnOutline = api.uploadTo("/api/outline/import", "notes.docx", "plain text".getBytes(), Api.EDITOR, null);
        assertEquals(400, notAnOutline.status());
        assertTrue(notAnOutline.body().contains("not a Word .docx file"), notAnOutline.body());
        assertEquals(403, api.uploadTo("/api/outline/import", "outline.docx", SampleOutline.docx(SampleOutline.ORIGINAL),
                Api.BUREAU, null).status(), "contributors do not write the outline");
    }

    @Test
    void rangesOfClipsAndPhotosAreLinkedListedFromEverySideAndCheckedOnTheWay() throws Exception {
        importOutline(SampleOutline.ORIGINAL, Api.ADMIN);
        String lhasa = entry("places", "{\"name\":\"拉萨市\",\"otherNames\":[\"拉萨\"],\"placeKind\":\"地区\",\"latitude\":29.65,\"longitude\":91.17}");
        String zhang = entry("people", "{\"name\":\"张晓明\",\"gender\":\"男\",\"roles\":[\"援藏干部\"],\"batch\":3,"
                + "\"yearFrom\":2001,\"yearTo\":2004,\"placeServed\":\"" + lhasa + "\"}");
        String zhang2 = entry("people", "{\"name\":\"张小明\",\"roles\":[\"援藏干部\"]}");
        String clinic = entry("projects", "{\"name\":\"拉萨市人民医院门诊楼\",\"place\":\"" + lhasa + "\",\"amount\":5000}");
        String df = upload("clip-2997df.mov", Api.BUREAU);      // 01:00:59;10, 60 frames at 29.97 drop-frame
        String ndf = upload("clip-25ndf.mp4", Api.BUREAU);      // 10:00:00:00 at 25
        String photo = upload("photo-lhasa.jpg", Api.BUREAU);
        String section = node("第一节 拉萨市人民医院");
        String chapter = node("第一章 医疗卫生项目");

        Api.Response ok = link(Api.EDITOR, "{\"asset\":\"" + df + "\",\"target\":\"chapter\",\"targetId\":\"" + section
                + "\",\"in\":\"01:00:59;10\",\"out\":\"01:01:00;20\",\"rate\":\"30000/1001\",\"note\":\"落成仪式\"}");
        assertEquals(201, ok.status(), ok.body());
        JsonNode range = ok.json().get("range");
        assertEquals("01:00:59;10 01:01:00;20 38", range.get("in").asString() + " " + range.get("out").asString() + " "
                + range.get("frames").asInt(), "20 frames to the minute, then ;02 to ;20 since ;00 and ;01 are dropped");
        assertEquals(201, link(Api.EDITOR, "{\"asset\":\"" + df + "\",\"target\":\"person\",\"targetId\":\"" + zhang
                + "\",\"in\":\"01:01:00;02\",\"out\":\"01:01:01;12\"}").status());
        assertEquals(201, link(Api.EDITOR, "{\"asset\":\"" + ndf + "\",\"target\":\"chapter\",\"targetId\":\"" + chapter
                + "\",\"in\":\"10:00:00:05\",\"out\":\"10:00:01:05\"}").status());
        assertEquals(201, link(Api.BUREAU, "{\"asset\":\"" + photo + "\",\"target\":\"chapter\",\"targetId\":\"" + section
                + "\"}").status(), "a contributor links their own unit's photo");
        assertEquals(201, link(Api.EDITOR, "{\"asset\":\"" + photo + "\",\"target\":\"project\",\"targetId\":\"" + clinic + "\"}").status());
        assertEquals(201, link(Api.EDITOR, "{\"asset\":\"" + photo + "\",\"target\":\"place\",\"targetId\":\"" + lhasa + "\"}").status());
        assertEquals(201, link(Api.EDITOR, "{\"asset\":\"" + photo + "\",\"target\":\"person\",\"targetId\":\"" + zhang2 + "\"}").status());

        // refusals, each with its reason
        String[][] bad = {
            {"\"in\":\"01:00:58;00\",\"out\":\"01:00:59;20\"", "not inside the clip"},
            {"\"in\":\"01:01:00;20\",\"out\":\"01:01:00;10\"", "out must come after in"},
            {"\"in\":\"01:01:00;10\",\"out\":\"01:01:00;10\"", "out must come after in"},
            {"\"in\":\"01:01:00:00\",\"out\":\"01:01:00:10\"", "drop-frame"},
            {"\"in\":\"01:01:00;00\",\"out\":\"01:01:00;10\",\"rate\":\"25/1\"", "clip runs at 30000/1001"},
            {"\"in\":\"01:01:00;00\"", "needs both in and out"},
            {"\"in\":\"1:1\",\"out\":\"01:01:00;10\"", "not a timecode"},
            {"\"in\":\"01:01:00;00\",\"out\":\"01:01:00;10\"", "does not exist in drop-frame"},
        };
        for (String[] b : bad) {
            Api.Response r = link(Api.EDITOR, "{\"asset\":\"" + df + "\",\"target\":\"chapter\",\"targetId\":\"" + section
                    + "\"," + b[0] + "}");
            assertEquals(400, r.status(), b[0] + ": " + r.body());
            assertTrue(r.body().contains(b[1]), b[0] + " should say '" + b[1] + "': " + r.body());
        }
        Api.Response onPhoto = link(Api.EDITOR, "{\"asset\":\"" + photo + "\",\"target\":\"chapter\",\"targetId\":\"" + section
                + "\",\"in\":\"00:00:00:00\",\"out\":\"00:00:01:00\"}");
        assertEquals(400, onPhoto.status());
        assertTrue(onPhoto.body().contains("a photo is linked whole"), onPhoto.body());
        Api.Response ndfSemicolon = link(Api.EDITOR, "{\"asset\":\"" + ndf + "\",\"target\":\"chapter\",\"targetId\":\""
                + section + "\",\"in\":\"10:00:00;05\",\"out\":\"10:00:01;05\"}");
        assertEquals(400, ndfSemicolon.status(), ndfSemicolon.body());
        assertEquals(404, link(Api.EDITOR, "{\"asset\":\"" + df + "\",\"target\":\"person\",\"targetId\":\"" + lhasa + "\"}").status(),
                "a place is not a person");
        assertEquals(400, link(Api.EDITOR, "{\"asset\":\"" + df + "\",\"target\":\"book\",\"targetId\":\"" + lhasa + "\"}").status());

        // from every side
        JsonNode sectionMaterial = api.get("/api/outline/" + section + "/material", Api.VIEWER).json();
        assertEquals(2, sectionMaterial.get("items").size());
        assertEquals("落成仪式", sectionMaterial.get("items").get(0).get("link").get("note").asString());
        long thirtyEight = Math.round(38 * 1001 / 30000.0 * 1_000_000);
        assertEquals(thirtyEight, sectionMaterial.get("totals").get("durationMicros").asLong(), 1);
        JsonNode chapterMaterial = api.get("/api/outline/" + chapter + "/material", Api.VIEWER).json();
        assertEquals(3, chapterMaterial.get("items").size(), "the chapter's subtree holds the section's links");
        assertEquals(2, chapterMaterial.get("totals").get("clips").asInt());
        assertEquals(1, chapterMaterial.get("totals").get("photos").asInt());
        assertEquals(thirtyEight + 1_000_000, chapterMaterial.get("totals").get("durationMicros").asLong(), 2);
        assertEquals(1, api.get("/api/outline/" + chapter + "/material?subtree=false", Api.VIEWER).json().get("items").size());
        JsonNode person = api.get("/api/index/people/" + zhang + "/material", Api.VIEWER).json();
        assertEquals(1, person.get("items").size());
        assertTrue(person.get("items").get(0).get("player").asString().contains("#t="), person.toString());
        assertEquals(1, api.get("/api/index/projects/" + clinic + "/material", Api.VIEWER).json().get("items").size());
        assertEquals(1, api.get("/api/index/places/" + lhasa + "/material", Api.VIEWER).json().get("items").size());
        JsonNode assetLinks = api.get("/api/assets/" + photo + "/links", Api.VIEWER).json();
        assertEquals(4, assetLinks.size());
        assertEquals("第一节 拉萨市人民医院", assetLinks.get(0).get("targetName").asString());

        // pinyin and Chinese names; nearest places to the photo's GPS position
        JsonNode byInitials = api.get("/api/index/people?q=zxm", Api.VIEWER).json();
        assertEquals(2, byInitials.get("total").asInt(), "张晓明 and 张小明 share their initials");
        assertTrue(byInitials.toString().contains("张晓明"));
        assertEquals(2, api.get("/api/index/people?q=zhangx", Api.VIEWER).json().get("total").asInt(), "full pinyin from its start");
        assertEquals(1, api.get("/api/index/people?q=" + Api.q("晓明"), Api.VIEWER).json().get("total").asInt());
        assertEquals(lhasa, api.get("/api/index/places/nearest?lat=29.652491&lon=91.172112", Api.VIEWER).json()
                .get(0).get("place").get("id").asString());

        // coverage equals the links
        JsonNode cov = api.get("/api/outline/coverage", Api.VIEWER).json();
        JsonNode projects = row(cov, "第三篇 援建项目");
        assertEquals("2 1 " + (thirtyEight + 1_000_000), projects.get("clips").asInt() + " " + projects.get("photos").asInt()
                + " " + projects.get("durationMicros").asLong());
        assertEquals(1, projects.get("projects").asInt(), "the project linked to the same photo");
        assertEquals(2, row(cov, "第一节 拉萨市人民医院").get("people").asInt(), "张晓明 in the clip, 张小明 on the photo");
        assertEquals(0, row(cov, "第四篇 监督管理").get("clips").asInt());
        assertTrue(cov.get("withoutMaterial").toString().contains("第四篇 监督管理"));

        // search by the index: a part's subtree, a chapter alone, a person, a project; names are searchable text
        String part = node("第三篇 援建项目");
        assertEquals(3, api.get("/api/search?chapter=" + part, Api.VIEWER).json().get("total").asInt(), "clip, clip, photo");
        assertEquals(0, api.get("/api/search?subtree=false&chapter=" + part, Api.VIEWER).json().get("total").asInt());
        assertEquals(2, api.get("/api/search?subtree=false&chapter=" + section, Api.VIEWER).json().get("total").asInt());
        JsonNode byPerson = api.get("/api/search?person=" + zhang, Api.VIEWER).json();
        assertEquals(df, byPerson.get("items").get(0).get("id").asString());
        assertEquals(1, byPerson.get("facets").get("person").get(zhang).asInt(), byPerson.get("facets").toString());
        assertEquals(photo, api.get("/api/search?project=" + clinic, Api.VIEWER).json().get("items").get(0).get("id").asString());
        assertEquals(df, api.get("/api/search?q=" + Api.q("张晓明"), Api.VIEWER).json().get("items").get(0).get("id").asString(),
                "the linked person's name finds the clip");
        JsonNode facets = api.get("/api/search?facets=true", Api.VIEWER).json().get("facets");
        assertEquals(2, facets.get("chapter").get(section).asInt(), facets.toString());

        // moving the section under another chapter keeps its links
        String education = node("第二章 教育项目");
        assertEquals(200, api.post("/api/outline/" + section + "/move", Api.EDITOR, "{\"parent\":\"" + education + "\",\"position\":0}").status());
        assertEquals(2, api.get("/api/outline/" + education + "/material", Api.VIEWER).json().get("items").size());
        assertEquals(2, api.get("/api/search?chapter=" + education, Api.VIEWER).json().get("total").asInt(),
                "the index follows the move");
        JsonNode moved2 = row(api.get("/api/outline/coverage", Api.VIEWER).json(), "第二章 教育项目");
        assertEquals("1 1", moved2.get("clips").asInt() + " " + moved2.get("photos").asInt(), "coverage follows the move");
        assertEquals(1, api.get("/api/outline/" + chapter + "/material", Api.VIEWER).json().get("items").size());
        assertEquals(409, api.post("/api/outline/" + education + "/move", Api.EDITOR, "{\"parent\":\"" + section + "\"}").status(),
                "not into its own subtree");

        // merging two records of one person keeps every appearance, and the old id still resolves
        Api.Response merged = api.post("/api/index/people/" + zhang + "/merge", Api.EDITOR, "{\"other\":\"" + zhang2 + "\"}");
        assertEquals(200, merged.status(), merged.body());
        assertEquals(1, merged.json().get("linksMoved").asInt());
        assertEquals(2, api.get("/api/index/people/" + zhang + "/material", Api.VIEWER).json().get("items").size());
        assertEquals(zhang, api.get("/api/index/people/" + zhang2, Api.VIEWER).json().get("id").asString());
        assertEquals(1, api.get("/api/index/people?q=zxm", Api.VIEWER).json().get("total").asInt(), "张小明 is an other name now");

        // deleting a chapter with material needs a decision
        Api.Response refused = api.delete("/api/outline/" + education, Api.EDITOR);
        assertEquals(409, refused.status(), refused.body());
        Api.Response moved = api.delete("/api/outline/" + education + "?moveLinksTo=" + chapter, Api.EDITOR);
        assertEquals(200, moved.status(), moved.body());
        assertEquals(2, moved.json().get("linksMoved").asInt());
        assertEquals(3, api.get("/api/outline/" + chapter + "/material", Api.VIEWER).json().get("items").size());
    }

    @Test
    void onlyTheOfficeEditorsAndTheAssetsOwnUnitWrite() throws Exception {
        importOutline(SampleOutline.ORIGINAL, Api.REVIEWER);
        String section = node("第一节 拉萨市人民医院");
        String clip = upload("clip-25ndf.mp4", Api.BUREAU);
        String body = "{\"asset\":\"" + clip + "\",\"target\":\"chapter\",\"targetId\":\"" + section + "\"}";
        Api.Response other = link(Api.TIBET, body);
        assertEquals(403, other.status(), "another unit's contributor");
        assertTrue(other.body().contains("own unit"), other.body());
        assertEquals(403, link(Api.VIEWER, body).status());
        assertEquals(403, link(Api.PRODUCER, body).status());
        assertEquals(201, link(Api.BUREAU, body).status());
        String linkId = link(Api.REVIEWER, body).json().get("id").asString();
        assertEquals(403, api.delete("/api/links/" + linkId, Api.TIBET).status());
        assertEquals(204, api.delete("/api/links/" + linkId, Api.BUREAU).status());
        for (String token : List.of(Api.VIEWER, Api.PRODUCER, Api.BUREAU)) {
            assertEquals(403, api.post("/api/index/people", token, "{\"name\":\"王芳\"}").status(), token);
            assertEquals(403, api.post("/api/outline", token, "{\"title\":\"第十一篇 新篇\"}").status(), token);
            assertEquals(403, api.patch("/api/outline/" + section, token, "{\"title\":\"x\"}").status(), token);
            assertEquals(200, api.get("/api/outline/" + section + "/material", token).status(), token + " reads");
        }
        assertEquals(401, api.get("/api/outline", null).status());
        Api.Response unknownField = api.post("/api/index/people", Api.EDITOR, "{\"name\":\"王芳\",\"salary\":1}");
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.body().contains("salary"), unknownField.body());
        Api.Response wrongKind = api.post("/api/index/places", Api.EDITOR, "{\"name\":\"林芝\",\"batch\":3}");
        assertEquals(400, wrongKind.status());
        assertTrue(wrongKind.body().contains("a place has no batch"), wrongKind.body());
        assertEquals(400, api.get("/api/index/books", Api.VIEWER).status());
    }

    /**
     * Figures: photos attached with captions and credits, numbered by the chapter's place in the book (the fifth 章
     * is 第三篇's 第一章), reordered, and exported in all four forms.
     */
    @Test
    void figuresAreNumberedByChapterOrderedAndExported() throws Exception {
        importOutline(SampleOutline.ORIGINAL, Api.EDITOR);
        String section = node("第一节 拉萨市人民医院");
        String education = node("第二章 教育项目");
        String lhasa = upload("photo-lhasa.jpg", Api.BUREAU);
        String kashgar = upload("photo-kashgar.jpg", Api.BUREAU);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", jpg);
        String school = api.upload("school.jpg", jpg.toByteArray(), Api.BUREAU, null).json().get("asset").get("id").asString();
        String clip = upload("clip-25ndf.mp4", Api.BUREAU);

        Api.Response a = api.post("/api/outline/" + section + "/figures", Api.EDITOR,
                "{\"asset\":\"" + lhasa + "\",\"caption\":\"拉萨市人民医院门诊楼\",\"credit\":\"省广播电视局 摄\"}");
        assertEquals(201, a.status(), a.body());
        String second = api.post("/api/outline/" + section + "/figures", Api.EDITOR,
                "{\"asset\":\"" + kashgar + "\",\"caption\":\"=援藏医疗队, \\\"义诊\\\"\"}").json().get("id").asString();
        assertEquals(201, api.post("/api/outline/" + education + "/figures", Api.EDITOR,
                "{\"asset\":\"" + school + "\",\"caption\":\"林芝市第二高级中学\"}").status());
        assertEquals(409, api.post("/api/outline/" + section + "/figures", Api.EDITOR, "{\"asset\":\"" + lhasa + "\"}").status());
        Api.Response notPhoto = api.post("/api/outline/" + section + "/figures", Api.EDITOR, "{\"asset\":\"" + clip + "\"}");
        assertEquals(400, notPhoto.status());
        assertTrue(notPhoto.body().contains("only photos"), notPhoto.body());
        assertEquals(403, api.post("/api/outline/" + section + "/figures", Api.BUREAU, "{\"asset\":\"" + lhasa + "\"}").status());

        String md = new String(api.getBytes("/api/figures/export?format=md", Api.VIEWER, null).body(), StandardCharsets.UTF_8);
        assertTrue(md.contains("| 图5-1 | 拉萨市人民医院门诊楼 | 省广播电视局 摄 | 第一节 拉萨市人民医院 |"), md);
        assertTrue(md.contains("| 图5-2 | =援藏医疗队, \"义诊\" |"), md);
        assertTrue(md.contains("| 图6-1 | 林芝市第二高级中学 |"), md);

        // the second figure first: numbers follow the order
        String first = a.json().get("id").asString();
        Api.Response bad = api.post("/api/outline/" + section + "/figures/order", Api.EDITOR, "{\"figures\":[\"" + second + "\"]}");
        assertEquals(400, bad.status(), "every figure once");
        assertEquals(200, api.post("/api/outline/" + section + "/figures/order", Api.EDITOR,
                "{\"figures\":[\"" + second + "\",\"" + first + "\"]}").status());
        JsonNode numbered = api.get("/api/outline/" + node("第一章 医疗卫生项目") + "/figures", Api.VIEWER).json();
        assertEquals("图5-1 " + kashgar + " 图5-2 " + lhasa, numbered.get(0).get("number").asString() + " "
                + numbered.get(0).get("figure").get("asset").asString() + " " + numbered.get(1).get("number").asString()
                + " " + numbered.get(1).get("figure").get("asset").asString());

        String csv = new String(api.getBytes("/api/figures/export?format=csv", Api.VIEWER, null).body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF图号,图注,摄影/来源,章节,原始文件,像素,拍摄日期,资产,审核\r\n"), csv);
        assertTrue(csv.contains(",\"photo-lhasa.jpg\",\"640×480\",\"2009-07-15T10:32:05+08:00\","),
                "the typesetter's file name, pixel size and capture date: " + csv);
        assertTrue(csv.contains("\"图5-1\",\"'=援藏医疗队, \"\"义诊\"\"\""), "quoted, and no formula: " + csv);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                api.getBytes("/api/figures/export?format=xlsx", Api.VIEWER, null).body()))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(3, sheet.getLastRowNum());
            assertEquals("图5-2", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals("拉萨市人民医院门诊楼", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("图6-1", sheet.getRow(3).getCell(0).getStringCellValue());
        }
        List<String> entries = new ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(
                api.getBytes("/api/figures/export?format=zip&chapter=" + node("第三篇 援建项目"), Api.VIEWER, null).body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                entries.add(e.getName());
                if (e.getName().endsWith(".jpg")) {
                    assertTrue(content.length > 100 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8, e.getName());
                }
            }
        }
        assertEquals(List.of("图表目录.md", "图表目录.csv", "图5-1.jpg", "图5-2.jpg", "图6-1.jpg"), entries);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                api.getBytes("/api/outline/coverage.xlsx", Api.VIEWER, null).body()))) {
            assertEquals(SampleOutline.ORIGINAL.size(), wb.getSheetAt(0).getLastRowNum(), "one row per node");
            assertEquals("编写状态", wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue());
            String state = wb.getSheetAt(0).getRow(1).getCell(3).getStringCellValue();
            assertTrue(state.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "the writing state in Chinese, not an enum: " + state);
            assertEquals("插图", wb.getSheetAt(0).getRow(0).getCell(8).getStringCellValue());
        }
        assertEquals(204, api.delete("/api/figures/" + second, Api.EDITOR).status());
        assertEquals("图5-1", api.get("/api/outline/" + section + "/figures", Api.VIEWER).json().get(0).get("number").asString());
    }

    /**
     * A deleted photo and clip leave the book: the photo's figure number, caption and credit from the figure list,
     * every export (the zip without the picture), the chapter's counts and coverage; the clip's links and notes
     * from everyone but those who may see deleted items. Restoring brings all of it back. Without an explicit
     * caption a figure takes the photo's own IPTC caption and By-line.
     */
    @Test
    void deletedMaterialLeavesTheBookAndComesBackOnRestore() throws Exception {
        importOutline(SampleOutline.ORIGINAL, Api.EDITOR);
        String section = node("第一节 拉萨市人民医院");
        String lhasa = upload("photo-lhasa.jpg", Api.TIBET);
        String kashgar = upload("photo-kashgar.jpg", Api.TIBET);
        String clip = upload("clip-25ndf.mp4", Api.BUREAU);
        JsonNode fig = api.post("/api/outline/" + section + "/figures", Api.EDITOR, "{\"asset\":\"" + lhasa + "\"}").json();
        assertEquals("第一批援藏干部在拉萨调研", fig.get("caption").asString(), "the photo's own caption (XMP/IPTC)");
        assertEquals("省广播电视局", fig.get("credit").asString(), "its By-line");
        assertEquals(201, api.post("/api/outline/" + section + "/figures", Api.EDITOR, "{\"asset\":\"" + kashgar + "\"}").status());
        assertEquals(201, link(Api.EDITOR, "{\"asset\":\"" + clip + "\",\"target\":\"chapter\",\"targetId\":\"" + section
                + "\",\"note\":\"门诊楼开工\"}").status());
        JsonNode before = api.get("/api/outline/" + section + "/material", Api.VIEWER).json().get("totals");
        assertEquals(1, before.get("clips").asInt());
        assertEquals(3, row(api.get("/api/outline/coverage", Api.VIEWER).json(), "第一节 拉萨市人民医院").get("photos").asInt()
                + row(api.get("/api/outline/coverage", Api.VIEWER).json(), "第一节 拉萨市人民医院").get("clips").asInt());

        assertEquals(204, api.delete("/api/assets/" + lhasa + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.ADMIN).status());
        assertEquals(204, api.delete("/api/assets/" + clip + "?reason=" + java.net.URLEncoder.encode("重复上传", java.nio.charset.StandardCharsets.UTF_8), Api.ADMIN).status());
        long until = System.currentTimeMillis() + 5_000; // the link graph follows the change log
        while (api.get("/api/outline/" + section + "/material", Api.VIEWER).json().get("totals").get("links").asInt() > 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        for (String token : List.of(Api.VIEWER, Api.EDITOR, Api.ADMIN)) {
            JsonNode figures = api.get("/api/outline/" + section + "/figures", token).json();
            assertEquals(1, figures.size(), figures.toString());
            assertEquals(kashgar, figures.get(0).get("figure").get("asset").asString());
            assertEquals("图5-1", figures.get(0).get("number").asString(), "numbers close up");
        }
        String md = new String(api.getBytes("/api/figures/export?format=md", Api.VIEWER, null).body(), StandardCharsets.UTF_8);
        assertTrue(!md.contains("拉萨调研") && !md.contains("photo-lhasa"), md);
        List<String> zipped = new ArrayList<>();
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(
                api.getBytes("/api/figures/export?format=zip", Api.VIEWER, null).body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                zipped.add(e.getName());
            }
        }
        assertEquals(List.of("图表目录.md", "图表目录.csv", "图5-1.jpg"), zipped);
        assertEquals(0, api.get("/api/outline/" + section + "/material", Api.VIEWER).json().get("totals").get("links").asInt());
        JsonNode cov = row(api.get("/api/outline/coverage", Api.VIEWER).json(), "第一节 拉萨市人民医院");
        assertEquals(List.of(0, 1, 1), List.of(cov.get("clips").asInt(), cov.get("photos").asInt(), cov.get("figures").asInt()));
        Api.Response links = api.get("/api/assets/" + clip + "/links", Api.VIEWER);
        assertEquals(404, links.status(), "a deleted clip's links and notes are not readable: " + links.body());
        assertTrue(!links.body().contains("门诊楼开工"));
        assertEquals(404, api.get("/api/assets/" + clip + "/links", Api.EDITOR).status());
        assertEquals(200, api.get("/api/assets/" + clip + "/links", Api.ADMIN).status(), "administrators see deleted items");

        assertEquals(200, api.post("/api/assets/" + lhasa + "/restore", Api.ADMIN, "").status());
        assertEquals(200, api.post("/api/assets/" + clip + "/restore", Api.ADMIN, "").status());
        until = System.currentTimeMillis() + 5_000;
        while (api.get("/api/outline/" + section + "/material", Api.VIEWER).json().get("totals").get("links").asInt() == 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        JsonNode back = api.get("/api/outline/" + section + "/figures", Api.VIEWER).json();
        assertEquals(2, back.size());
        assertEquals(lhasa, back.get(0).get("figure").get("asset").asString(), "back in its place, 图5-1 again");
        assertEquals(1, api.get("/api/outline/" + section + "/material", Api.VIEWER).json().get("totals").get("clips").asInt());
        assertEquals(200, api.get("/api/assets/" + clip + "/links", Api.VIEWER).status());
    }

    /** A .docx of 51 MB of text (a few KB zipped) is refused by what it unpacks to, before Word's parser reads it. */
    @Test
    void hugeOrBombedOutlineFilesAreRefusedBeforeParsing() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] text = "援藏".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 51L * 1024 * 1024; n += text.length) {
                zip.write(text);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(bytes.size() < 1024 * 1024, "small as sent: " + bytes.size());
        Api.Response r = api.uploadTo("/api/outline/import", "bomb.docx", bytes.toByteArray(), Api.EDITOR, null);
        assertEquals(400, r.status(), r.body());
        assertEquals("outline.docxTooBig", r.json().get("code").asString(), r.body());
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 20_001; i++) {
            md.append("# 第").append(i).append("篇\n");
        }
        Api.Response many = api.uploadTo("/api/outline/import", "many.md", md.toString().getBytes(StandardCharsets.UTF_8), Api.EDITOR, null);
        assertEquals(400, many.status(), many.body());
        assertEquals("outline.tooManyHeadings", many.json().get("code").asString());
        assertEquals(0, db.getCollection("outline").countDocuments(), "nothing imported");
    }

    @Autowired
    OutlineService outlineService;
    @Autowired
    EntryService entryService;
    @Autowired
    LinkService linkService;
    @Autowired
    org.yingzhi.asset.AssetQueryService assetQueries;

    /** What scripts/run loads: every sample link is made (a bad timecode in the sample file would drop one). */
    @Test
    void theSampleGazetteerLoadsWhole() throws Exception {
        for (String s : List.of("clip-2997df.mov", "clip-25ndf.mp4", "photo-lhasa.jpg", "photo-kashgar.jpg")) {
            upload(s, Api.ADMIN);
        }
        new GazetteerSeed(Samples.DIR.resolve("gazetteer").toString(), outlineService, entryService,
                linkService, assetQueries).seed();
        assertEquals(SampleOutline.ORIGINAL.size(), db.getCollection("outline").countDocuments());
        assertEquals(11, db.getCollection("links").countDocuments(), "every link of samples/gazetteer/gazetteer.json");
        assertEquals(17, db.getCollection("entries").countDocuments(), "7 units, 5 places, 3 people, 2 projects");
        JsonNode zhang = api.get("/api/index/people?q=zxm", Api.VIEWER).json().get("items").get(0);
        assertEquals("省卫生健康委员会", zhang.get("unit").asString(), "the sample's 省卫健委 is a name of the listed unit");
        JsonNode report = api.get("/api/index/units/report", Api.VIEWER).json();
        assertEquals(0, report.get("unmatched").size(), report.toString());
    }


    /** People, projects, places and units are found together, best matches first, from memory, kept current. */
    @Test
    void theIndexIsSearchableAcrossKinds() {
        String zhang = entry("people", "{\"name\": \"张晓明\", \"roles\": [\"援藏干部\"], "
                + "\"biography\": \"第三批援藏干部，主持门诊楼建设。\"}");
        String clinic = entry("projects", "{\"name\": \"拉萨市人民医院门诊楼\"}");
        entry("places", "{\"name\": \"拉萨市\", \"otherNames\": [\"拉萨\"]}");
        entry("units", "{\"name\": \"省卫生健康委员会\", \"otherNames\": [\"省卫健委\"]}");

        JsonNode found = api.get("/api/index/search?q=" + Api.q("门诊楼"), Api.VIEWER).json();
        assertEquals(2, found.get("total").asInt(), found.toString());
        assertEquals(clinic, found.get("items").get(0).get("id").asString(), "a name before a biography");
        assertEquals(zhang, found.get("items").get(1).get("id").asString());
        assertEquals(1, found.get("byKind").get("projects").asInt());
        assertEquals(1, found.get("byKind").get("people").asInt());

        JsonNode lhasa = api.get("/api/index/search?q=" + Api.q("拉萨"), Api.VIEWER).json();
        assertEquals("拉萨市", lhasa.get("items").get(0).get("name").asString(), "the place's name starts with it");
        assertEquals(2, lhasa.get("total").asInt(), lhasa.toString());
        assertEquals("省卫生健康委员会", api.get("/api/index/search?q=" + Api.q("卫健委"), Api.VIEWER).json()
                .get("items").get(0).get("name").asString(), "by another name");
        assertEquals(zhang, api.get("/api/index/search?q=zxm", Api.VIEWER).json().get("items").get(0).get("id").asString());
        assertEquals(1, api.get("/api/index/people?q=" + Api.q("援藏干部"), Api.VIEWER).json().get("total").asInt(),
                "roles are searchable words");

        // a change is found at once, and a merged-away record is gone
        api.patch("/api/index/people/" + zhang, Api.EDITOR, "{\"otherNames\": [\"小明\"]}");
        String twin = entry("people", "{\"name\": \"张小明\"}");
        assertEquals(2, api.get("/api/index/people?q=zxm", Api.VIEWER).json().get("total").asInt());
        api.post("/api/index/people/" + zhang + "/merge", Api.EDITOR, "{\"other\":\"" + twin + "\"}");
        JsonNode after = api.get("/api/index/people?q=zxm", Api.VIEWER).json();
        assertEquals(1, after.get("total").asInt(), after.toString());
        assertEquals(List.of("小明", "张小明"), strings(after.get("items").get(0).get("otherNames")));
        assertEquals(400, api.get("/api/index/search?q=" + "x".repeat(101), Api.VIEWER).status());
    }

    /** Unit strings become the names of one list: mapped at once and on change, unknown ones reported. */
    @Test
    void unitStringsMapToTheUnitList() throws Exception {
        String clip = api.upload(Samples.get("clip-25ndf.mp4"), Api.ADMIN, "{\"contributorUnit\": \"援藏前方工作队\"}")
                .json().get("asset").get("id").asString();
        String tone = api.upload(Samples.get("tone.wav"), Api.ADMIN, "{\"contributorUnit\": \"某县文化馆\"}")
                .json().get("asset").get("id").asString();
        String person = entry("people", "{\"name\": \"王援\", \"unit\": \"省卫健委\"}");
        assertEquals(403, api.patch("/api/assets/" + clip, Api.TIBET, "{\"title\": \"改\"}").status(),
                "not yet the 援藏工作队's clip");

        entry("units", "{\"name\": \"援藏工作队\", \"otherNames\": [\"援藏前方工作队\", \"省援藏工作队\"]}");
        entry("units", "{\"name\": \"省卫生健康委员会\", \"otherNames\": [\"省卫健委\"]}");
        Api.Response taken = api.post("/api/index/units", Api.EDITOR, "{\"name\": \"另一单位\", \"otherNames\": [\"援藏前方工作队\"]}");
        assertEquals(409, taken.status(), taken.body());
        assertTrue(taken.body().contains("援藏工作队"), taken.body());
        assertEquals(403, api.post("/api/index/units/remap", Api.VIEWER, "{}").status());

        Api.Response remap = api.post("/api/index/units/remap", Api.EDITOR, "{}");
        assertEquals(200, remap.status(), remap.body());
        assertEquals("援藏工作队", api.get("/api/assets/" + clip, Api.ADMIN).json().get("contributorUnit").asString());
        assertEquals("某县文化馆", api.get("/api/assets/" + tone, Api.ADMIN).json().get("contributorUnit").asString());
        assertEquals("省卫生健康委员会", api.get("/api/index/people/" + person, Api.VIEWER).json().get("unit").asString());
        JsonNode report = api.get("/api/index/units/report", Api.VIEWER).json();
        List<String> unmatched = new ArrayList<>();
        report.get("unmatched").forEach(u -> unmatched.add(u.get("text").asString()));
        assertEquals(List.of("某县文化馆"), unmatched, report.toString());
        assertEquals(1, report.get("unmatched").get(0).get("assets").asInt());
        // now the team's own clip: they may edit it, and a list of their unit shows it
        assertEquals(200, api.patch("/api/assets/" + clip, Api.TIBET, "{\"title\": \"林芝开工\"}").status());
        // uploads and edits given another name of a unit store the unit's name
        Api.Response up = api.upload(Samples.get("tone.mp3"), Api.TIBET, "{\"contributorUnit\": \"省援藏工作队\"}");
        assertEquals(201, up.status(), up.body());
        assertEquals("援藏工作队", up.json().get("asset").get("contributorUnit").asString());
        Api.Response moved = api.patch("/api/assets/" + tone, Api.ADMIN, "{\"contributorUnit\": \"省卫健委\"}");
        assertEquals("省卫生健康委员会", moved.json().get("contributorUnit").asString(), moved.body());
    }

    private static JsonNode row(JsonNode coverage, String title) {
        for (JsonNode r : coverage.get("rows")) {
            if (r.get("title").asString().equals(title)) {
                return r;
            }
        }
        throw new AssertionError("no coverage row " + title);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
