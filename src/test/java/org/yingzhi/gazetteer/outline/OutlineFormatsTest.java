package org.yingzhi.gazetteer.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.gazetteer.outline.OutlineFormats.Heading;
import org.yingzhi.support.SampleOutline;

/** Outline import and export without a server: Word, Markdown and JSON in, Markdown and Word out, and back. */
class OutlineFormatsTest {

    @Test
    void markdownHeadingsGiveDepthAndChineseNumberingGivesLevel() {
        List<Heading> h = OutlineFormats.parse("大纲.md", """
                # 第一篇 医疗援藏
                说明文字不是节点
                ## 第一章 医疗卫生项目
                #### 第一节 拉萨市人民医院
                ## 附录
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(1, 2, 3, 2), h.stream().map(Heading::depth).toList(), "a jump from ## to #### is one level");
        assertEquals(List.of("篇", "章", "节"), h.subList(0, 3).stream().map(Heading::level).toList());
        assertEquals("第一节 拉萨市人民医院", h.get(2).title());
    }

    @Test
    void jsonCarriesLevelsUnitsAndDueDates() {
        List<Heading> h = OutlineFormats.parse("outline.json", """
                {"nodes": [{"title": "第一篇 医疗援藏", "children": [
                  {"title": "第一章 医院", "unit": "省卫生健康委员会", "due": "2027-03-31", "notes": "先写"}]}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, h.size());
        assertEquals(new Heading(2, "第一章 医院", "章", "省卫生健康委员会", "2027-03-31", "先写"), h.get(1));
    }

    @Test
    void wordHeadingsComeInInOrderWithTheirDepth() throws Exception {
        List<Heading> h = OutlineFormats.parse("outline.docx", SampleOutline.docx(SampleOutline.ORIGINAL));
        assertEquals(SampleOutline.ORIGINAL.size(), h.size());
        assertTrue(h.stream().allMatch(x -> x.depth() >= 1), h.toString());
        assertEquals(1, h.get(0).depth());
    }

    @Test
    void exportsReadBackAsTheSameTree() throws Exception {
        OutlineService.TreeNode section = new OutlineService.TreeNode("c", "第一节 拉萨市人民医院", "节", null, null, null,
                null, 0, List.of());
        OutlineService.TreeNode chapter = new OutlineService.TreeNode("b", "第一章 医疗卫生项目", "章", null, null, null,
                null, 0, List.of(section));
        OutlineService.TreeNode part = new OutlineService.TreeNode("a", "第一篇 医疗援藏", "篇", null, null, null, null, 0,
                List.of(chapter));
        List<String> titles = List.of("第一篇 医疗援藏", "第一章 医疗卫生项目", "第一节 拉萨市人民医院");
        List<Heading> md = OutlineFormats.markdown(OutlineFormats.toMarkdown(List.of(part)));
        assertEquals(titles, md.stream().map(Heading::title).toList());
        assertEquals(List.of(1, 2, 3), md.stream().map(Heading::depth).toList());
        List<Heading> docx = OutlineFormats.docx(OutlineFormats.toDocx(List.of(part)));
        assertEquals(titles, docx.stream().map(Heading::title).toList());
        assertEquals(List.of(1, 2, 3), docx.stream().map(Heading::depth).toList());
    }

    @Test
    void renumberingKeepsTheBareTitle() {
        assertEquals("第三章", OutlineFormats.numbering("第三章 教育援疆"));
        assertEquals("教育援疆", OutlineFormats.bareTitle("第三章　教育 援疆"));
        assertEquals(OutlineFormats.bareTitle("第二章 教育援疆"), OutlineFormats.bareTitle("第五章 教育援疆"));
        assertEquals("（二）", OutlineFormats.numbering("（二）师资"));
    }

    @Test
    void badFilesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutlineFormats.parse("outline.pdf", new byte[1]))
                .getMessage().contains(".docx, .md or .json"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutlineFormats.markdown("no headings here"))
                .getMessage().contains("no headings"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutlineFormats.json("[{\"level\":\"章\"}]"))
                .getMessage().contains("no title"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutlineFormats.json("{\"x\":"))
                .getMessage().startsWith("not valid JSON"));
        String deep = "[{\"title\":\"a\",\"children\":".repeat(13) + "[]" + "}]".repeat(13);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutlineFormats.json(deep))
                .getMessage().contains("deeper than 12"));
    }
}
