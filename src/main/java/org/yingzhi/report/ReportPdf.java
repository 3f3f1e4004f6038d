package org.yingzhi.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yingzhi.shared.web.ApiException;

/**
 * The 通报 as PDF (OpenPDF), with a Chinese font of the machine embedded (subset): {@code yingzhi.report.pdf-font},
 * else the first of WenQuanYi Micro Hei and Noto Sans CJK that is installed. Without one the PDF is refused with
 * the reason, and the .docx remains (LibreOffice prints it).
 */
@Component
class ReportPdf {

    private static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private final String configured;

    ReportPdf(@Value("${yingzhi.report.pdf-font:}") String configured) {
        this.configured = configured;
    }

    private String font() {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured.strip());
        }
        candidates.addAll(FONTS);
        for (String f : candidates) {
            if (Files.isReadable(Path.of(f))) {
                return f.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? f + ",0" : f;
            }
        }
        throw ApiException.coded(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "No font", "report.noFont");
    }

    byte[] render(Report r) {
        String path = font();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont base = BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font title = new Font(base, 16, Font.BOLD);
            Font heading = new Font(base, 12, Font.BOLD);
            Font text = new Font(base, 10.5f);
            Font small = new Font(base, 8);
            Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
            PdfWriter.getInstance(doc, out);
            doc.open();
            Paragraph t = new Paragraph("援藏援疆二十年影像志资料征集工作通报", title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            Paragraph no = new Paragraph("第 " + r.number() + " 期　　" + r.to(), text);
            no.setAlignment(Element.ALIGN_CENTER);
            no.setSpacingAfter(8);
            doc.add(no);
            Paragraph summary = new Paragraph(ReportService.summary(r), text);
            summary.setFirstLineIndent(21);
            summary.setLeading(18);
            doc.add(summary);
            doc.add(section("一、各单位进展", heading));
            doc.add(table(ReportService.UNIT_HEAD, ReportService.unitRows(r), small));
            doc.add(section("二、篇目 × 单位资料分布（已关联 / 已通过两关）", heading));
            doc.add(table(ReportService.matrixHead(r), ReportService.matrixRows(r), small));
            doc.add(section("三、红榜与黑榜", heading));
            doc.add(new Paragraph(ReportService.aheadLine(r), text));
            doc.add(new Paragraph(ReportService.behindLine(r), text));
            doc.add(new Paragraph("规则：" + r.progress().rule(), small));
            doc.add(section("四、退回修改的资料", heading));
            if (r.returned().isEmpty()) {
                doc.add(new Paragraph("本期没有退回的资料。", text));
            } else {
                doc.add(table(ReportService.RETURNED_HEAD, ReportService.returnedRows(r), small));
            }
            Paragraph foot = new Paragraph(ReportService.auditLine(r), small);
            foot.setSpacingBefore(10);
            doc.add(foot);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Paragraph section(String text, Font f) {
        Paragraph p = new Paragraph(text, f);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(List<String> head, List<List<Object>> rows, Font f) {
        PdfPTable t = new PdfPTable(head.size());
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : head) {
            PdfPCell c = new PdfPCell(new Phrase(h, new Font(f.getBaseFont(), f.getSize(), Font.BOLD)));
            c.setGrayFill(0.92f);
            t.addCell(c);
        }
        for (List<Object> row : rows) {
            for (int i = 0; i < head.size(); i++) {
                Object v = i < row.size() ? row.get(i) : "";
                t.addCell(new PdfPCell(new Phrase(v == null ? "" : String.valueOf(v), f)));
            }
        }
        return t;
    }
}
