package org.yingzhi.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetReviews;
import org.yingzhi.asset.CheckState;
import org.yingzhi.gazetteer.link.Link;
import org.yingzhi.gazetteer.link.LinkGraph;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.Role;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.time.CatalogTime;
import org.yingzhi.shared.web.ApiException;

/**
 * The periodic 通报: a pure function of the catalog, the links, the review state, the plan and a day, generated
 * on demand (a preview, or saved and numbered) and on a schedule (every Monday from 08:00 China time once a
 * deadline is set), rendered as .docx, .xlsx and a printable page. A saved report keeps its figures, so the next
 * states the change and an old one downloads as it was circulated.
 */
@Service
public class ReportService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private static final User SYSTEM = new User("system", "定期通报", Role.ADMIN, null);

    private final ProgressService progress;
    private final ReportRepository repo;
    private final LinkGraph links;
    private final OutlineService outline;
    private final AssetReviews reviews;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final boolean scheduled;
    private java.util.concurrent.ScheduledExecutorService timer;

    ReportService(ProgressService progress, ReportRepository repo, LinkGraph links, OutlineService outline,
            AssetReviews reviews, AccessPolicy policy, AuditLog audit,
            @Value("${yingzhi.report.scheduled:true}") boolean scheduled) {
        this.progress = progress;
        this.repo = repo;
        this.links = links;
        this.outline = outline;
        this.reviews = reviews;
        this.policy = policy;
        this.audit = audit;
        this.scheduled = scheduled;
    }

    /** The report as of {@code day}, numbered after the last saved one, not saved. */
    public Report preview(LocalDate day, User user) {
        return build(day, user, latest());
    }

    /** Generates the report as of {@code day}, saves it with the next number and records that it was issued. */
    public Report issue(LocalDate day, User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        Report r = build(day, user, latest());
        String json = Json.MAPPER.writeValueAsString(r);
        Document d = new Document("_id", r.id()).append("number", r.number()).append("to", r.to().toString())
                .append("generatedAt", Date.from(r.generatedAt())).append("by", r.by()).append("json", json);
        audit.write(Change.of(AuditActions.REPORT, "report", r.id()).with("number", r.number())
                .with("period", r.from() + " " + r.to()).with("auditHead", r.auditHead().seq() + " " + r.auditHead().hash()),
                null, () -> repo.insert(d));
        return r;
    }

    public Report saved(String id) {
        Document d = repo.find(id);
        if (d == null) {
            throw ApiException.notFound("report", id);
        }
        return Json.MAPPER.readValue(d.getString("json"), Report.class);
    }

    /** The saved reports, newest first: id, number, period end, when and by whom. */
    public record Issued(String id, int number, String to, Instant generatedAt, String by) {
    }

    public List<Issued> issued() {
        List<Issued> out = new ArrayList<>();
        for (Document d : repo.list(100)) {
            out.add(new Issued(d.getString("_id"), d.getInteger("number", 0), d.getString("to"),
                    d.getDate("generatedAt").toInstant(), d.getString("by")));
        }
        return out;
    }

    private Report latest() {
        Document d = repo.latest();
        return d == null ? null : Json.MAPPER.readValue(d.getString("json"), Report.class);
    }

    Report build(LocalDate day, User user, Report last) {
        Progress p = progress.on(day);
        LocalDate from = last != null ? last.to().plusDays(1) : p.start() != null ? p.start() : day.minusDays(6);
        if (from.isAfter(day)) {
            from = day;
        }
        Report.Previous prev = null;
        if (last != null) {
            Map<String, Integer> byUnit = new LinkedHashMap<>();
            last.progress().units().forEach(u -> byUnit.put(u.unit(), u.approved()));
            Progress.Totals t = last.progress().totals();
            prev = new Report.Previous(last.id(), last.number(), last.to(), t.uploads(), t.approved(), t.returned(),
                    t.minutes(), t.photos(), byUnit);
        }
        List<String> units = p.units().stream().map(Progress.UnitRow::unit).toList();
        return new Report(new ObjectId().toHexString(), last == null ? 1 : last.number() + 1, Instant.now(),
                user.displayName() == null ? user.name() : user.displayName(), from, day, p, prev, units,
                matrix(units), returned(user), audit.head());
    }

    /**
     * Per 篇 and 章 (depth 1 and 2) and per unit, the distinct assets linked to the node or under it: all of them,
     * and those whose asset and link both passed the two checks.
     */
    List<Report.MatrixRow> matrix(List<String> units) {
        List<OutlineNode> reading = outline.inReadingOrder();
        Map<String, OutlineNode> byId = new HashMap<>();
        reading.forEach(n -> byId.put(n.id(), n));
        Map<String, Map<String, Set<String>>> all = new HashMap<>();
        Map<String, Map<String, Set<String>>> ok = new HashMap<>();
        for (Link l : links.allOf(LinkTarget.CHAPTER)) {
            OutlineNode n = byId.get(l.targetId());
            if (n == null) {
                continue;
            }
            String unit = l.unit() == null ? "（未指定）" : l.unit();
            boolean approved = l.claim().approved() && links.assetApproved(l.asset());
            List<String> chain = new ArrayList<>(n.path());
            chain.add(n.id());
            for (int i = 0; i < Math.min(2, chain.size()); i++) {
                all.computeIfAbsent(chain.get(i), k -> new HashMap<>()).computeIfAbsent(unit, k -> new LinkedHashSet<>()).add(l.asset());
                if (approved) {
                    ok.computeIfAbsent(chain.get(i), k -> new HashMap<>()).computeIfAbsent(unit, k -> new LinkedHashSet<>()).add(l.asset());
                }
            }
        }
        List<Report.MatrixRow> out = new ArrayList<>();
        for (OutlineNode n : reading) {
            if (n.path().size() > 1) {
                continue;
            }
            Map<String, int[]> cells = new LinkedHashMap<>();
            for (String u : units) {
                int a = all.getOrDefault(n.id(), Map.of()).getOrDefault(u, Set.of()).size();
                int b = ok.getOrDefault(n.id(), Map.of()).getOrDefault(u, Set.of()).size();
                cells.put(u, new int[] {a, b});
            }
            out.add(new Report.MatrixRow(n.id(), n.title(), n.path().size() + 1, cells));
        }
        return out;
    }

    private List<Report.Returned> returned(User user) {
        List<Report.Returned> out = new ArrayList<>();
        for (Asset a : reviews.returned(user, 500)) {
            Asset.Check[] checks = {a.review().political(), a.review().facts()};
            String[] names = {"政治关", "史实关"};
            for (int i = 0; i < 2; i++) {
                if (checks[i] != null && checks[i].state() == CheckState.RETURNED) {
                    out.add(new Report.Returned(a.id(), a.title(), a.contributorUnit(), names[i], checks[i].reason(),
                            checks[i].at()));
                }
            }
        }
        return out;
    }

    // ---- rendering ----

    static String pct(Integer p) {
        return p == null ? "—" : p + "%";
    }

    static String change(int now, Integer before) {
        if (before == null) {
            return "";
        }
        int d = now - before;
        return d == 0 ? "（持平）" : d > 0 ? "（+" + d + "）" : "（" + d + "）";
    }

    /** The opening paragraph: period, totals against the plan, change since the last report. */
    static String summary(Report r) {
        Progress p = r.progress();
        Progress.Totals t = p.totals();
        Report.Previous prev = r.previous();
        StringBuilder sb = new StringBuilder();
        sb.append("本期（").append(r.from()).append(" 至 ").append(r.to()).append("），各单位累计报送资料 ")
                .append(t.uploads()).append(" 件").append(change(t.uploads(), prev == null ? null : prev.uploads()))
                .append("，其中视音频 ").append(t.clips()).append(" 条、").append(t.minutes()).append(" 分钟，照片 ")
                .append(t.photos()).append(" 张；已通过政治关、史实关 ").append(t.approved()).append(" 件")
                .append(change(t.approved(), prev == null ? null : prev.approved())).append("，退回修改 ")
                .append(t.returned()).append(" 件").append(change(t.returned(), prev == null ? null : prev.returned()))
                .append("。");
        if (t.targetClips() + t.targetPhotos() + t.targetMinutes() > 0) {
            sb.append("计划征集视音频 ").append(t.targetClips()).append(" 条、").append(t.targetMinutes())
                    .append(" 分钟，照片 ").append(t.targetPhotos()).append(" 张，受访人物 ").append(t.targetInterviews())
                    .append(" 人。");
        }
        if (p.deadline() != null) {
            sb.append("距全书交稿（").append(p.deadline()).append("）还有 ").append(p.daysToDeadline()).append(" 天");
            if (p.schedule() != null) {
                sb.append("，时间进度 ").append(p.schedule()).append("%");
            }
            sb.append("。");
        }
        if (t.overdueNodes() > 0) {
            sb.append("已有 ").append(t.overdueNodes()).append(" 个篇目逾期未完成。");
        }
        return sb.toString();
    }

    static final List<String> UNIT_HEAD = List.of("单位", "承担篇目", "逾期篇目", "报送（件）", "视音频（条）", "时长（分钟）",
            "照片（张）", "已关联", "已通过两关", "退回", "完成任务", "距交稿（天）");

    static List<List<Object>> unitRows(Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Progress.UnitRow u : r.progress().units()) {
            rows.add(java.util.Arrays.asList(u.unit(), u.nodes(), u.overdueNodes(), u.uploads(), u.clips(), u.minutes(),
                    u.photos(), u.linked(), u.approved(), u.returned(), pct(u.percent()),
                    r.progress().daysToDeadline() == null ? "—" : r.progress().daysToDeadline()));
        }
        return rows;
    }

    /** The chapter × unit table's header: 篇目 and the units. */
    static List<String> matrixHead(Report r) {
        List<String> head = new ArrayList<>();
        head.add("篇目");
        head.addAll(r.units());
        return head;
    }

    /** The chapter × unit table's rows: a 章 indented under its 篇, "linked / approved" per unit. */
    static List<List<Object>> matrixRows(Report r) {
        List<List<Object>> m = new ArrayList<>();
        for (Report.MatrixRow row : r.matrix()) {
            List<Object> cells = new ArrayList<>();
            cells.add((row.depth() > 1 ? "　" : "") + row.title());
            for (String u : r.units()) {
                int[] c = row.cells().get(u);
                cells.add(c == null ? "" : c[0] + " / " + c[1]);
            }
            m.add(cells);
        }
        return m;
    }

    static final List<String> RETURNED_HEAD = List.of("资料", "单位", "关口", "理由");

    static List<List<Object>> returnedRows(Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Report.Returned x : r.returned()) {
            rows.add(java.util.Arrays.asList(x.title(), x.unit(), x.check(), x.reason()));
        }
        return rows;
    }

    static String aheadLine(Report r) {
        return "红榜：" + (r.progress().ahead().isEmpty() ? "暂无" : String.join("、", r.progress().ahead()));
    }

    static String behindLine(Report r) {
        return "黑榜：" + (r.progress().behind().isEmpty() ? "暂无" : String.join("、", r.progress().behind()));
    }

    static String auditLine(Report r) {
        return "操作记录链头：" + r.auditHead().seq() + " " + r.auditHead().hash();
    }

    public byte[] docx(Report r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, "援藏援疆二十年影像志资料征集工作通报", 18, true);
            XWPFParagraph no = doc.createParagraph();
            no.setAlignment(ParagraphAlignment.CENTER);
            run(no, "第 " + r.number() + " 期　　" + r.to(), 12, false);
            para(doc, summary(r));
            heading(doc, "一、各单位进展");
            table(doc, UNIT_HEAD, unitRows(r));
            heading(doc, "二、篇目 × 单位资料分布（已关联 / 已通过两关）");
            table(doc, matrixHead(r), matrixRows(r));
            heading(doc, "三、红榜与黑榜");
            para(doc, aheadLine(r));
            para(doc, behindLine(r));
            para(doc, "规则：" + r.progress().rule());
            heading(doc, "四、退回修改的资料");
            if (r.returned().isEmpty()) {
                para(doc, "本期没有退回的资料。");
            } else {
                table(doc, RETURNED_HEAD, returnedRows(r));
            }
            XWPFParagraph foot = doc.createParagraph();
            run(foot, auditLine(r), 8, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        run(doc.createParagraph(), text, 14, true);
    }

    private static void para(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setFirstLineIndent(480);
        run(p, text, 12, false);
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontFamily("宋体", XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("宋体", XWPFRun.FontCharRange.ascii);
    }

    private static void table(XWPFDocument doc, List<String> head, List<List<Object>> rows) {
        XWPFTable t = doc.createTable(rows.size() + 1, head.size());
        t.setWidth("100%");
        fill(t.getRow(0), head.stream().map(x -> (Object) x).toList(), true);
        for (int i = 0; i < rows.size(); i++) {
            fill(t.getRow(i + 1), rows.get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<Object> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            run(p, cells.get(c) == null ? "" : String.valueOf(cells.get(c)), 9, bold);
        }
    }

    public byte[] xlsx(Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            XSSFSheet s = wb.createSheet("各单位进展");
            int row = 0;
            s.createRow(row++).createCell(0).setCellValue("援藏援疆二十年影像志资料征集工作通报 第 " + r.number() + " 期 "
                    + r.from() + " 至 " + r.to());
            s.createRow(row++).createCell(0).setCellValue(summary(r));
            row = write(s, row + 1, UNIT_HEAD, unitRows(r), bold);
            XSSFSheet w = wb.createSheet("每周报送");
            List<String> wh = new ArrayList<>();
            wh.add("单位");
            r.progress().weeks().forEach(d -> wh.add(d.toString()));
            List<List<Object>> wr = new ArrayList<>();
            for (Progress.UnitRow u : r.progress().units()) {
                List<Object> cells = new ArrayList<>();
                cells.add(u.unit());
                cells.addAll(u.weekly());
                wr.add(cells);
            }
            write(w, 0, wh, wr, bold);
            XSSFSheet m = wb.createSheet("篇目×单位");
            List<String> mh = new ArrayList<>();
            mh.add("篇目");
            r.units().forEach(u -> {
                mh.add(u + " 已关联");
                mh.add(u + " 已通过");
            });
            List<List<Object>> mr = new ArrayList<>();
            for (Report.MatrixRow x : r.matrix()) {
                List<Object> cells = new ArrayList<>();
                cells.add(x.title());
                for (String u : r.units()) {
                    int[] c = x.cells().get(u);
                    cells.add(c == null ? 0 : c[0]);
                    cells.add(c == null ? 0 : c[1]);
                }
                mr.add(cells);
            }
            write(m, 0, mh, mr, bold);
            XSSFSheet lists = wb.createSheet("红榜黑榜");
            List<List<Object>> lr = new ArrayList<>();
            r.progress().ahead().forEach(u -> lr.add(List.of("红榜", u)));
            r.progress().behind().forEach(u -> lr.add(List.of("黑榜", u)));
            write(lists, 0, List.of("榜", "单位"), lr, bold);
            XSSFSheet ret = wb.createSheet("退回资料");
            write(ret, 0, RETURNED_HEAD, returnedRows(r), bold);
            s.createRow(row + 1).createCell(0).setCellValue(auditLine(r));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int write(XSSFSheet s, int row, List<String> head, List<List<Object>> rows, CellStyle bold) {
        var h = s.createRow(row++);
        for (int c = 0; c < head.size(); c++) {
            var cell = h.createCell(c);
            cell.setCellValue(head.get(c));
            cell.setCellStyle(bold);
        }
        for (List<Object> r : rows) {
            var x = s.createRow(row++);
            for (int c = 0; c < r.size(); c++) {
                Object v = r.get(c);
                if (v instanceof Number n) {
                    x.createCell(c).setCellValue(n.doubleValue());
                } else {
                    x.createCell(c).setCellValue(v == null ? "" : String.valueOf(v));
                }
            }
        }
        return row;
    }

    // ---- schedule ----

    /** Issues this week's report when it is due: Monday 08:00 China time passed, a deadline set, none issued since. */
    void issueIfDue() {
        if (progress.planDeadline() == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(CatalogTime.ZONE);
        ZonedDateTime due = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atTime(8, 0)
                .atZone(CatalogTime.ZONE);
        Document last = repo.latest();
        if (now.isBefore(due) || (last != null && !last.getDate("generatedAt").toInstant().isBefore(due.toInstant()))) {
            return;
        }
        Report r = issue(now.toLocalDate(), SYSTEM);
        log.info("通报 第 {} 期 issued on schedule", r.number());
    }

    @Override
    public void start() {
        if (!scheduled) {
            return;
        }
        timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-schedule");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                issueIfDue();
            } catch (RuntimeException e) {
                log.warn("scheduled report: {}", e.toString());
            }
        }, 10, 10, java.util.concurrent.TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
