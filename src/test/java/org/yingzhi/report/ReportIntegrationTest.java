package org.yingzhi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.time.CatalogTime;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * The 通报 from generated activity: five units send photos over eight weeks (dated back in the catalog), some
 * pass both checks, one is returned; with targets and a plan whose schedule is exactly half gone, the .xlsx and
 * .docx give per unit the catalog's own counts and weekly series, 红榜 and 黑榜 follow the stated rule, and a
 * second report states the change since the first. The .docx is opened by LibreOffice and its first page rendered.
 */
class ReportIntegrationTest extends ServiceTest {

    record Unit(String name, int[] weeksAgo, int approve, int returned, int targetPhotos) {
    }

    static final List<Unit> UNITS = List.of(
            new Unit("省发展和改革委员会", new int[] {0, 1, 2}, 2, 0, 2),       // 100% -> 红榜
            new Unit("省广播电视局", new int[] {0, 3, 5, 7}, 1, 1, 4),         // 25%, 25 below the schedule -> 黑榜
            new Unit("拉萨市", new int[] {1, 4}, 1, 0, 2),                   // 50% = the schedule -> 红榜
            new Unit("喀什地区前方指挥部", new int[] {6, 7}, 0, 0, 2),          // nothing for 3 weeks -> 黑榜
            new Unit("林芝市", new int[] {0, 0, 1, 2, 3}, 2, 0, 5));         // 40%: neither

    private int serial;

    private String upload(String unit, int weeksAgo, LocalDate day) throws Exception {
        byte[] photo = Files.readAllBytes(Samples.get("photo-lhasa.jpg"));
        byte[] unique = Arrays.copyOf(photo, photo.length + 8);
        java.nio.ByteBuffer.wrap(unique, photo.length, 8).putLong(++serial); // after the JPEG's end: new bytes, same picture
        Api.Response r = api.upload("p" + serial + ".jpg", unique, Api.ADMIN, "{\"contributorUnit\":\"" + unit + "\"}");
        assertEquals(201, r.status(), r.body());
        String id = r.json().get("asset").get("id").asString();
        Date at = Date.from(day.minusDays(7L * weeksAgo).atTime(12, 0).atZone(CatalogTime.ZONE).toInstant());
        db.getCollection("assets").updateOne(new Document("_id", new ObjectId(id)), new Document("$set",
                new Document("createdAt", at))); // the test's history: uploaded weeks ago
        return id;
    }

    private void decide(String id, String check, String decision) {
        Api.Response r = api.post("/api/assets/" + id + "/review/" + check, Api.REVIEWER,
                "{\"decision\":\"" + decision + "\",\"reason\":\"照片说明与史实不符\"}");
        assertEquals(200, r.status(), r.body());
    }

    private static Map<String, List<String>> rows(XSSFSheet sheet, int headRow) {
        DataFormatter f = new DataFormatter();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = headRow + 1; i <= sheet.getLastRowNum(); i++) {
            var row = sheet.getRow(i);
            if (row == null || row.getCell(0) == null) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(f.formatCellValue(row.getCell(c)));
            }
            out.put(cells.get(0), cells);
        }
        return out;
    }

    @Test
    void theReportsFiguresAreTheCatalogsAndTheListsFollowTheRule() throws Exception {
        LocalDate day = LocalDate.now(CatalogTime.ZONE);
        Map<String, List<String>> ids = new HashMap<>();
        for (Unit u : UNITS) {
            for (int w : u.weeksAgo()) {
                ids.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(upload(u.name(), w, day));
            }
            List<String> mine = ids.get(u.name());
            for (int i = 0; i < u.approve(); i++) {
                decide(mine.get(i), "political", "APPROVED");
                decide(mine.get(i), "facts", "APPROVED");
            }
            for (int i = 0; i < u.returned(); i++) {
                decide(mine.get(mine.size() - 1 - i), "facts", "RETURNED");
            }
            assertEquals(200, api.put("/api/progress/plan/units", Api.ADMIN, "{\"unit\":\"" + u.name()
                    + "\",\"clips\":0,\"minutes\":0,\"photos\":" + u.targetPhotos() + ",\"interviews\":3}").status());
        }
        tallies.rebuild(); // the uploads were dated back in the catalog, behind the service's back
        assertEquals(403, api.put("/api/progress/plan/units", Api.BUREAU, "{\"unit\":\"x\",\"clips\":0,\"minutes\":0,\"photos\":1,\"interviews\":0}").status());
        assertEquals(400, api.put("/api/progress/plan/book", Api.ADMIN, "{\"start\":\"2027-01-01\",\"deadline\":\"2026-01-01\"}").status());
        assertEquals(200, api.put("/api/progress/plan/book", Api.ADMIN, "{\"start\":\"" + day.minusDays(56)
                + "\",\"deadline\":\"" + day.plusDays(56) + "\"}").status());

        JsonNode progress = api.get("/api/progress", Api.VIEWER).json();
        assertEquals(50.0, progress.get("schedule").asDouble(), "56 of 112 days gone");

        Api.Response first = api.post("/api/reports?day=" + day, Api.ADMIN, "");
        assertEquals(201, first.status(), first.body());
        assertEquals(403, api.post("/api/reports", Api.REVIEWER, "").status(), "administrators issue reports");
        String firstId = first.json().get("id").asString();

        // the .xlsx: per unit, the catalog's counts
        byte[] xlsx = api.getBytes("/api/reports/" + firstId + "/file?format=xlsx", Api.VIEWER, null).body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, List<String>> units = rows(wb.getSheet("各单位进展"), 3);
            Map<String, List<String>> weekly = rows(wb.getSheet("每周报送"), 0);
            var assets = db.getCollection("assets");
            for (Unit u : UNITS) {
                List<String> row = units.get(u.name());
                Document mine = new Document("contributorUnit", u.name()).append("deleted", new Document("$ne", true));
                long uploads = assets.countDocuments(mine);
                long photos = assets.countDocuments(new Document(mine).append("type", "PHOTO"));
                long approved = assets.countDocuments(new Document(mine).append("review.political.state", "APPROVED")
                        .append("review.facts.state", "APPROVED"));
                long returned = assets.countDocuments(new Document(mine).append("review.facts.state", "RETURNED"));
                assertEquals(List.of(String.valueOf(uploads), String.valueOf(photos), String.valueOf(approved),
                        String.valueOf(returned)), List.of(row.get(3), row.get(6), row.get(8), row.get(9)), u.name());
                assertEquals(u.weeksAgo().length, uploads);
                assertEquals(u.approve(), approved);
                int[] expected = new int[8];
                for (int w : u.weeksAgo()) {
                    expected[7 - w]++;
                }
                List<String> series = weekly.get(u.name()).subList(1, 9);
                assertEquals(Arrays.stream(expected).mapToObj(String::valueOf).toList(), series, u.name() + " per week");
            }
            assertEquals("100%", units.get("省发展和改革委员会").get(10));
            assertEquals("25%", units.get("省广播电视局").get(10));
            Map<String, List<String>> lists = rows(wb.getSheet("红榜黑榜"), 0);
            assertTrue(lists.containsKey("红榜"));
        }
        JsonNode r1 = first.json().get("progress");
        assertEquals(List.of("省发展和改革委员会", "拉萨市"), strings(r1.get("ahead")), "at or above the schedule, best first");
        assertEquals(List.of("喀什地区前方指挥部", "省广播电视局"), strings(r1.get("behind")),
                "idle for three weeks, and more than 20 points behind");
        assertEquals("照片说明与史实不符", first.json().get("returned").get(0).get("reason").asString());

        // the .docx: the same table, and the lists by name
        byte[] docx = api.getBytes("/api/reports/" + firstId + "/file?format=docx", Api.VIEWER, null).body();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable t = doc.getTables().get(0);
            Map<String, List<String>> fromDocx = new HashMap<>();
            for (int i = 1; i < t.getNumberOfRows(); i++) {
                List<String> cells = t.getRow(i).getTableCells().stream().map(c -> c.getText()).toList();
                fromDocx.put(cells.get(0), cells);
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Map<String, List<String>> units = rows(wb.getSheet("各单位进展"), 3);
                for (Unit u : UNITS) {
                    assertEquals(units.get(u.name()), fromDocx.get(u.name()), u.name() + ": .docx and .xlsx agree");
                }
            }
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(text.contains("红榜：省发展和改革委员会、拉萨市"), text);
            assertTrue(text.contains("黑榜：喀什地区前方指挥部、省广播电视局"), text);
            assertTrue(text.contains("操作记录链头："), text);
        }

        // one more approval; the second report states the change since the first
        decide(ids.get("林芝市").get(2), "political", "APPROVED");
        decide(ids.get("林芝市").get(2), "facts", "APPROVED");
        Api.Response second = api.post("/api/reports?day=" + day, Api.ADMIN, "");
        assertEquals(2, second.json().get("number").asInt());
        assertEquals(first.json().get("progress").get("totals").get("approved").asInt(),
                second.json().get("previous").get("approved").asInt());
        String summary = new String(api.getBytes("/api/reports/" + second.json().get("id").asString() + "/file?format=docx",
                Api.VIEWER, null).body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(summary.length() > 1000);
        String page = api.get("/progress/report?id=" + second.json().get("id").asString(), Api.VIEWER).body();
        assertTrue(page.contains("（+1）"), "the change since the last report: " + page);

        // opened as Word would: LibreOffice turns the .docx into a PDF, pdftoppm renders its first page
        Path dir = Files.createDirectories(Path.of("target", "screenshots").toAbsolutePath());
        Path work = Files.createTempDirectory("report-docx");
        Path file = work.resolve("report.docx");
        Files.write(file, docx);
        run(work, "soffice", "-env:UserInstallation=file://" + work.resolve("profile"), "--headless", "--convert-to", "pdf", "--outdir", work.toString(), file.toString());
        assertTrue(Files.size(work.resolve("report.pdf")) > 5_000, "LibreOffice made a PDF");
        run(work, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", work.resolve("report.pdf").toString(),
                dir.resolve("report-docx").toString());
        assertTrue(Files.size(dir.resolve("report-docx.png")) > 10_000);

        // and as PDF from the service, its Chinese text embedded (pdftotext reads it back)
        Path pdf = work.resolve("from-service.pdf");
        Files.write(pdf, api.getBytes("/api/reports/" + firstId + "/file?format=pdf", Api.VIEWER, null).body());
        run(work, "pdftotext", "-layout", pdf.toString(), work.resolve("from-service.txt").toString());
        String pdfText = Files.readString(work.resolve("from-service.txt"));
        assertTrue(pdfText.contains("红榜：省发展和改革委员会、拉萨市"), pdfText);
        assertTrue(pdfText.contains("援藏援疆二十年影像志资料征集工作通报"), pdfText);
        assertEquals(400, api.get("/api/reports/" + firstId + "/file?format=odt", Api.VIEWER).status());
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile())
                .start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), String.join(" ", cmd) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + Files.readString(dir.resolve("out.log")));
    }
}
