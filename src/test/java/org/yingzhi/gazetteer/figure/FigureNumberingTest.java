package org.yingzhi.gazetteer.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.support.OutlineTree;

/** Figure numbers as a book prints them: 图<chapter>-<n>, chapters counted across parts, sections inside theirs. */
class FigureNumberingTest {

    static final List<OutlineNode> BOOK = OutlineTree.outline()
            .node("p1", null, "篇", "第一篇 医疗援藏")
            .node("c1", "p1", "章", "第一章 医院")
            .node("s1", "c1", "节", "第一节 拉萨市人民医院")
            .node("s2", "c1", "节", "第二节 林芝")
            .node("c2", "p1", "章", "第二章 卫生院")
            .node("p2", null, "篇", "第二篇 教育援疆")
            .node("c3", "p2", "章", "第三章 学校")
            .node("x", null, "附录", "附录")
            .inReadingOrder();

    static Figure figure(String id, String chapter, int order) {
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        return new Figure(id, chapter, "asset-" + id, "图注" + id, null, order, "editor", t, t);
    }

    static List<String> numbers(List<FigureService.Placed> placed) {
        return placed.stream().map(p -> p.figure().id() + "=" + p.number()).toList();
    }

    @Test
    void chaptersAreCountedAcrossPartsAndSectionsNumberWithinTheirChapter() {
        List<Figure> figures = List.of(figure("a", "c1", 0), figure("b", "s1", 0), figure("c", "s2", 0),
                figure("d", "s1", 1), figure("e", "c3", 0), figure("f", "p2", 0), figure("g", "x", 0));
        List<String> got = numbers(FigureService.number(BOOK, figures, null));
        assertEquals(List.of("a=图1-1", "b=图1-2", "d=图1-3", "c=图1-4", "f=图2-1", "e=图3-1", "g=图3-2"), got,
                "reading order; a 篇's own figure takes the part's number; the appendix, the third top-level part, "
                        + "continues the count of number 3, so no two figures share a number");
        assertEquals(got.size(), got.stream().map(x -> x.substring(x.indexOf('='))).distinct().count());
    }

    @Test
    void aSubtreeKeepsTheNumbersItHasInTheBook() {
        List<Figure> figures = List.of(figure("a", "c1", 0), figure("b", "s1", 0), figure("c", "s2", 0));
        List<FigureService.Placed> s2 = FigureService.number(BOOK, figures, "s2");
        assertEquals(List.of("c=图1-3"), numbers(s2));
        assertEquals("第一章 医院", s2.get(0).chapter().title());
        assertEquals(List.of(), FigureService.number(BOOK, figures, "c2"));
    }

    @Test
    void orderWithinANodeIsTheFiguresOrder() {
        List<Figure> figures = List.of(figure("late", "c2", 2), figure("early", "c2", 0), figure("mid", "c2", 1));
        assertEquals(List.of("early=图2-1", "mid=图2-2", "late=图2-3"), numbers(FigureService.number(BOOK, figures, null)));
    }
}
