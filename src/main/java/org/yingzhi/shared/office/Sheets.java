package org.yingzhi.shared.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** One-sheet .xlsx files for the office's reports: a header row, then one row per item. */
public final class Sheets {

    private Sheets() {
    }

    /** Numbers become numeric cells, everything else text (null: empty); {@code wideColumn} gets {@code chars} width. */
    public static byte[] xlsx(String name, List<String> head, List<List<Object>> rows, int wideColumn, int chars) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(name);
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.size(); i++) {
                h.createCell(i).setCellValue(head.get(i));
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = row.createCell(i);
                    Object v = values.get(i);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            sheet.setColumnWidth(wideColumn, chars * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
