package org.yingzhi.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Service;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.gazetteer.outline.OutlineService;
import org.yingzhi.security.AccessPolicy;
import org.yingzhi.security.Action;
import org.yingzhi.security.Resource;
import org.yingzhi.security.UnitNames;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditActions;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.shared.audit.Change;
import org.yingzhi.shared.web.ApiException;

/**
 * The plan: the book's start and deadline, targets per unit and per outline node, entered on the page or
 * imported from a spreadsheet. Administrators change it; every change is audited; units are named as the unit
 * list names them.
 */
@Service
public class TargetService {

    private final TargetRepository repo;
    private final OutlineService outline;
    private final UnitNames units;
    private final AccessPolicy policy;
    private final AuditLog audit;

    TargetService(TargetRepository repo, OutlineService outline, UnitNames units, AccessPolicy policy, AuditLog audit) {
        this.repo = repo;
        this.outline = outline;
        this.units = units;
        this.policy = policy;
        this.audit = audit;
    }

    /** The plan, with each node target's title and responsible unit from the outline (targets of gone nodes left out). */
    public Plan plan() {
        Plan p = repo.plan();
        if (p.nodes().isEmpty()) {
            return p;
        }
        Map<String, OutlineNode> byId = new HashMap<>();
        for (OutlineNode n : outline.inReadingOrder()) {
            byId.put(n.id(), n);
        }
        List<Plan.NodeTarget> nodes = new ArrayList<>();
        for (Plan.NodeTarget t : p.nodes()) {
            OutlineNode n = byId.get(t.node());
            if (n != null) {
                nodes.add(new Plan.NodeTarget(t.node(), n.title(), n.unit(), t.clips(), t.minutes(), t.photos(),
                        t.interviews(), t.due()));
            }
        }
        return new Plan(p.start(), p.deadline(), p.units(), nodes);
    }

    public Plan setBook(LocalDate start, LocalDate deadline, User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        if (start != null && deadline != null && !deadline.isAfter(start)) {
            throw ApiException.invalid("target.deadline").with("field", "deadline");
        }
        Plan was = repo.plan();
        audit.write(Change.of(AuditActions.TARGET_CHANGE, "book", "book").field("start", str(was.start()), str(start))
                .field("deadline", str(was.deadline()), str(deadline)), null, () -> repo.setBook(start, deadline, user.name()));
        return plan();
    }

    public Plan setUnit(Plan.UnitTarget t, User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        if (t.unit() == null || t.unit().isBlank()) {
            throw ApiException.invalid("target.unit").with("field", "unit");
        }
        Plan.UnitTarget named = new Plan.UnitTarget(units.canonical(t.unit()), t.clips(), t.minutes(), t.photos(),
                t.interviews());
        Plan.UnitTarget was = repo.plan().unit(named.unit());
        audit.write(Change.of(AuditActions.TARGET_CHANGE, "unit", named.unit()).unit(named.unit())
                .field("clips", was == null ? null : was.clips(), named.clips())
                .field("minutes", was == null ? null : was.minutes(), named.minutes())
                .field("photos", was == null ? null : was.photos(), named.photos())
                .field("interviews", was == null ? null : was.interviews(), named.interviews()), null,
                () -> repo.setUnit(named, user.name()));
        return plan();
    }

    public Plan setNode(Plan.NodeTarget t, User user) {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        OutlineNode n = outline.find(t.node() == null ? "" : t.node())
                .orElseThrow(() -> ApiException.notFound("outline node", t.node()));
        audit.write(Change.of(AuditActions.TARGET_CHANGE, "outline", n.id()).unit(n.unit()).with("clips", t.clips())
                .with("minutes", t.minutes()).with("photos", t.photos()).with("interviews", t.interviews())
                .with("due", str(t.due())), null, () -> repo.setNode(t, user.name()));
        return plan();
    }

    /** What an import did: rows applied to units and nodes, the book's dates, and rows it could not place. */
    public record Imported(int units, int nodes, boolean book, List<String> unmatched) {
    }

    /**
     * Imports targets from the first sheet of an .xlsx: a header row, then rows of 单位或篇目 (a unit of the list,
     * an outline node's title, or 全书), 视频（条）, 时长（分钟）, 照片（张）, 受访人物（人）, 截止日期. A 全书 row's
     * date is the deadline (and a 开始日期 column, if there is one, the start).
     */
    public Imported importXlsx(InputStream in, User user) throws IOException {
        policy.check(user, Action.ADMINISTER, Resource.catalog());
        Map<String, OutlineNode> byTitle = new HashMap<>();
        for (OutlineNode n : outline.inReadingOrder()) {
            byTitle.putIfAbsent(n.title().strip(), n);
        }
        List<String> listed = units.listed();
        int u = 0;
        int nodes = 0;
        boolean book = false;
        List<String> unmatched = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        Workbook wb;
        try {
            wb = WorkbookFactory.create(in);
        } catch (RuntimeException | IOException e) {
            throw ApiException.invalid("target.xlsx").with("field", "file");
        }
        try (wb) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> col = new HashMap<>();
            Row head = sheet.getRow(sheet.getFirstRowNum());
            if (head == null) {
                throw ApiException.invalid("target.xlsx").with("field", "file");
            }
            for (Cell c : head) {
                String h = fmt.formatCellValue(c).strip();
                for (String key : List.of("单位", "视频", "时长", "照片", "受访", "截止", "开始")) {
                    if (h.contains(key)) {
                        col.putIfAbsent(key, c.getColumnIndex());
                    }
                }
            }
            if (!col.containsKey("单位")) {
                throw ApiException.invalid("target.xlsxHeader").with("field", "file");
            }
            for (int r = head.getRowNum() + 1; r <= sheet.getLastRowNum() && r < 5000; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String name = fmt.formatCellValue(row.getCell(col.get("单位"))).strip();
                if (name.isEmpty()) {
                    continue;
                }
                int clips = number(row, col.get("视频"), fmt);
                int minutes = number(row, col.get("时长"), fmt);
                int photos = number(row, col.get("照片"), fmt);
                int people = number(row, col.get("受访"), fmt);
                LocalDate due = date(row, col.get("截止"), fmt);
                if (name.equals("全书") || name.equals("全志")) {
                    LocalDate start = date(row, col.get("开始"), fmt);
                    setBook(start != null ? start : repo.plan().start(), due, user);
                    book = true;
                } else if (listed.contains(units.canonical(name)) || (listed.isEmpty() && !byTitle.containsKey(name))) {
                    setUnit(new Plan.UnitTarget(name, clips, minutes, photos, people), user);
                    u++;
                } else if (byTitle.containsKey(name)) {
                    setNode(new Plan.NodeTarget(byTitle.get(name).id(), null, null, clips, minutes, photos, people, due), user);
                    nodes++;
                } else {
                    unmatched.add(name);
                }
            }
        }
        return new Imported(u, nodes, book, unmatched);
    }

    private static int number(Row row, Integer col, DataFormatter fmt) {
        if (col == null || row.getCell(col) == null) {
            return 0;
        }
        Cell c = row.getCell(col);
        if (c.getCellType() == CellType.NUMERIC) {
            return (int) Math.max(0, Math.min(10_000_000, Math.round(c.getNumericCellValue())));
        }
        String s = fmt.formatCellValue(c).replaceAll("[^0-9]", "");
        return s.isEmpty() ? 0 : (int) Math.min(10_000_000, Long.parseLong(s.substring(0, Math.min(s.length(), 9))));
    }

    private static LocalDate date(Row row, Integer col, DataFormatter fmt) {
        if (col == null || row.getCell(col) == null) {
            return null;
        }
        Cell c = row.getCell(col);
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate();
        }
        String s = fmt.formatCellValue(c).strip().replace('/', '-').replace('.', '-');
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("target.date", s).with("field", "截止日期");
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
