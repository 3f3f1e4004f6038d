package org.yingzhi.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Writes the sample outline as the office writes it in Word: plain paragraphs numbered 第一篇 / 第一章 / 第一节 / 一、
 * (no heading styles), from the book's emphases. {@code edited()} is the same outline after an editorial round:
 * a chapter renamed, a section moved to another chapter, a chapter added and two chapters swapped.
 * Run {@code main} to rewrite {@code samples/gazetteer/outline.docx}.
 */
public final class SampleOutline {

    private SampleOutline() {
    }

    public static final List<String> ORIGINAL = List.of(
            "第一篇 组织与决策",
            "第一章 组织机构",
            "第二章 重大决策",
            "第二篇 政策措施",
            "第一章 援藏政策",
            "第二章 援疆政策",
            "第三篇 援建项目",
            "第一章 医疗卫生项目",
            "第一节 拉萨市人民医院",
            "第二节 喀什地区第一人民医院",
            "第二章 教育项目",
            "第一节 林芝市第二高级中学",
            "第三章 基础设施项目",
            "第四篇 监督管理",
            "第五篇 民生与扶贫",
            "第一章 安居工程",
            "第二章 产业扶贫",
            "第六篇 就业与产业",
            "第七篇 人才与智力支援",
            "第一章 援派干部",
            "第二章 专业技术人才",
            "第八篇 民族团结与交往交流",
            "第九篇 先进人物",
            "第十篇 大事记",
            "附录");

    public static final List<String> EDITED = List.of(
            "第一篇 组织与决策",
            "第一章 重大决策",
            "第二章 组织机构",
            "第二篇 政策措施",
            "第一章 援藏政策",
            "第二章 援疆政策",
            "第三篇 援建项目",
            "第一章 医疗卫生项目",
            "第一节 拉萨市人民医院",
            "第二章 教育援建项目",
            "第一节 林芝市第二高级中学",
            "第二节 喀什地区第一人民医院",
            "第三章 基础设施项目",
            "第四章 文化旅游项目",
            "第四篇 监督管理",
            "第五篇 民生与扶贫",
            "第一章 安居工程",
            "第二章 产业扶贫",
            "第六篇 就业与产业",
            "第七篇 人才与智力支援",
            "第一章 援派干部",
            "第二章 专业技术人才",
            "第八篇 民族团结与交往交流",
            "第九篇 先进人物",
            "第十篇 大事记",
            "附录");

    /** A .docx of numbered paragraphs, the book's title first and a body paragraph last (neither is a heading). */
    public static byte[] docx(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("对口援藏援疆二十年志 篇目大纲（征求意见稿）");
            for (String line : lines) {
                XWPFParagraph p = doc.createParagraph();
                p.createRun().setText(line);
            }
            // a body paragraph that is not a heading: imported as nothing
            doc.createParagraph().createRun().setText("本志记述时限为1994年至2014年，部分内容适当上溯下延。");
            doc.write(out);
            return out.toByteArray();
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples/gazetteer/outline.docx");
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(docx(ORIGINAL));
        }
        System.out.println("wrote " + out);
    }
}
