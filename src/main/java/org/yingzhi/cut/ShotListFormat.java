package org.yingzhi.cut;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yingzhi.timecode.Timecode;

/**
 * The shot list for the office's paperwork: one row per entry with its asset, unit, source in/out, length, the
 * people, places and projects linked to that range, the chapters, rights and note, and whether the material passed
 * both checks (anything else is marked a draft, never silently mixed in); as CSV, and as .xlsx with each entry's
 * poster frame in its row.
 */
public final class ShotListFormat {

    static final List<String> HEAD = List.of("序号", "素材", "单位", "源入点", "源出点", "时长", "录入点", "录出点",
            "人物", "地点", "项目", "章节", "版权", "备注", "素材编号", "审核");

    /** What the review column says: passed both checks, or a draft (not to be used until it has). */
    static final String APPROVED = "已通过政治关、史实关";
    static final String DRAFT = "草稿：未通过审核";

    private ShotListFormat() {
    }

    public static List<List<String>> rows(CutSheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (CutSheet.Placed p : sheet.placed()) {
            long from = p.sourceOffset();
            long to = from + p.sourceFrames();
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(p.index() + 1));
            row.add(p.source().title());
            row.add(p.source().unit());
            row.add(p.sourceIn().toString());
            row.add(p.sourceOut().toString());
            row.add(Timecode.ofFrames(p.recordFrames(), sheet.rate()).toString());
            row.add(p.recordIn().toString());
            row.add(p.recordOut().toString());
            for (String kind : List.of("person", "place", "project", "chapter")) {
                Set<String> names = new LinkedHashSet<>();
                for (CutSource.Linked l : p.source().linked()) {
                    if (l.kind().equals(kind) && l.overlaps(from, to)) {
                        names.add(l.name());
                    }
                }
                row.add(String.join("、", names));
            }
            row.add(p.source().rights());
            row.add(p.entry().note());
            row.add(p.source().asset());
            row.add(p.source().approved() ? APPROVED : DRAFT);
            out.add(row);
        }
        return out;
    }

    /** UTF-8 with a byte-order mark (so Excel opens the Chinese right), CRLF rows, RFC 4180 quoting. */
    public static byte[] csv(CutSheet sheet) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", HEAD.stream().map(ShotListFormat::cell).toList())).append("\r\n");
        for (List<String> row : rows(sheet)) {
            sb.append(String.join(",", row.stream().map(ShotListFormat::cell).toList())).append("\r\n");
        }
        if (sheet.mixedRates()) {
            sb.append(cell("注：" + CutSheet.RATE_RULE)).append("\r\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        // a leading =, +, - or @ would be run as a formula by a spreadsheet
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d.*") ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The list as a workbook; {@code posters} holds a JPEG per entry id (missing ones leave the cell empty). */
    public static byte[] xlsx(CutSheet sheet, Map<String, byte[]> posters) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("镜头表");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("画面");
            for (int i = 0; i < HEAD.size(); i++) {
                h.createCell(i + 1).setCellValue(HEAD.get(i));
            }
            var drawing = s.createDrawingPatriarch();
            int r = 1;
            List<List<String>> rows = rows(sheet);
            for (int k = 0; k < rows.size(); k++) {
                Row row = s.createRow(r);
                row.setHeightInPoints(68);
                List<String> values = rows.get(k);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    if (i == 0) {
                        row.createCell(1).setCellValue(Integer.parseInt(v));
                    } else {
                        row.createCell(i + 1).setCellValue(v == null ? "" : v);
                    }
                }
                byte[] jpeg = posters.get(sheet.placed().get(k).entry().id());
                if (jpeg != null && jpeg.length > 0) {
                    int pic = wb.addPicture(jpeg, Workbook.PICTURE_TYPE_JPEG);
                    ClientAnchor a = wb.getCreationHelper().createClientAnchor();
                    a.setCol1(0);
                    a.setRow1(r);
                    a.setCol2(1);
                    a.setRow2(r + 1);
                    a.setAnchorType(ClientAnchor.AnchorType.MOVE_AND_RESIZE);
                    drawing.createPicture(a, pic);
                }
                r++;
            }
            if (sheet.mixedRates()) {
                s.createRow(r + 1).createCell(1).setCellValue("注：" + CutSheet.RATE_RULE);
            }
            s.setColumnWidth(0, 22 * 256);
            s.setColumnWidth(2, 30 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
