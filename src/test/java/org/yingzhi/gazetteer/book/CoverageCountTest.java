package org.yingzhi.gazetteer.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.gazetteer.link.Link;
import org.yingzhi.gazetteer.link.LinkTarget;
import org.yingzhi.gazetteer.outline.OutlineNode;
import org.yingzhi.support.LinkBuilder;
import org.yingzhi.support.OutlineTree;
import org.yingzhi.timecode.FrameRate;

/** The coverage report counted from links alone: per node and subtree, distinct assets, people and projects. */
class CoverageCountTest {

    static final List<OutlineNode> BOOK = OutlineTree.outline()
            .node("p1", null, "篇", "第一篇 医疗援藏")
            .node("c1", "p1", "章", "第一章 医院", "省卫生健康委员会")
            .node("s1", "c1", "节", "第一节 拉萨市人民医院", "省卫生健康委员会")
            .node("s2", "c1", "节", "第二节 林芝", "援藏工作队")
            .node("x", null, "附录", "附录")
            .inReadingOrder();

    static CoverageService.Row row(CoverageService.Coverage c, String id) {
        return c.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void subtreesCountDistinctAssetsDurationsPeopleAndProjects() {
        // one clip linked twice in s1 (two ranges) and once in s2; a photo in s1; a second clip whole in c1
        List<Link> chapter = List.of(
                LinkBuilder.toChapter("s1").asset("clip").range("01:00:00;00", "01:00:01;00", FrameRate.FPS_29_97_DF,
                        "01:00:00;00").build(),
                LinkBuilder.toChapter("s1").asset("clip").range("01:00:02;00", "01:00:03;00", FrameRate.FPS_29_97_DF,
                        "01:00:00;00").build(),
                LinkBuilder.toChapter("s2").asset("clip").range("01:00:00;00", "01:00:01;00", FrameRate.FPS_29_97_DF,
                        "01:00:00;00").build(),
                LinkBuilder.toChapter("s1").asset("photo").photo().build(),
                LinkBuilder.toChapter("c1").asset("other").wholeClip(10_000_000).build());
        List<Link> people = List.of(LinkBuilder.to(LinkTarget.PERSON, "zhang").asset("clip").build(),
                LinkBuilder.to(LinkTarget.PERSON, "li").asset("photo").build(),
                LinkBuilder.to(LinkTarget.PERSON, "zhang").asset("other").build());
        List<Link> projects = List.of(LinkBuilder.to(LinkTarget.PROJECT, "hospital").asset("other").build());
        CoverageService.Coverage c = CoverageService.count(BOOK, CoverageService.prepare(1, chapter, people, projects));

        CoverageService.Row s1 = row(c, "s1");
        assertEquals(List.of(3, 1, 1, 2, 0), List.of(s1.directLinks(), s1.clips(), s1.photos(), s1.people(), s1.projects()));
        long second = chapter.get(0).durationMicros();
        assertEquals(2 * second, s1.durationMicros(), "two ranges of one clip add up");
        CoverageService.Row c1 = row(c, "c1");
        assertEquals(List.of(1, 2, 1, 2, 1), List.of(c1.directLinks(), c1.clips(), c1.photos(), c1.people(), c1.projects()),
                "the chapter counts its sections' distinct clips once, people once");
        assertEquals(3 * second + 10_000_000, c1.durationMicros());
        assertEquals(row(c, "p1").clips(), c1.clips());
        assertEquals(List.of("x"), c.withoutMaterial().stream().map(CoverageService.Row::id).toList());
        assertEquals(List.of(1, 2, 3, 3, 1), c.rows().stream().map(CoverageService.Row::depth).toList());
    }

    /** Only a link whose asset and claim both passed the two checks counts as approved; the rest stays linked only. */
    @Test
    void approvedCountsOnlyMaterialThatPassedBothChecks() {
        Link approvedRange = LinkBuilder.toChapter("s1").asset("clip").range("01:00:00;00", "01:00:01;00",
                FrameRate.FPS_29_97_DF, "01:00:00;00").build();
        Link pendingRange = LinkBuilder.toChapter("s1").asset("clip").range("01:00:02;00", "01:00:04;00",
                FrameRate.FPS_29_97_DF, "01:00:00;00").build();
        Link photo = LinkBuilder.toChapter("s2").asset("photo").photo().build();
        Link draftClip = LinkBuilder.toChapter("s2").asset("draft").wholeClip(5_000_000).build();
        java.util.Set<Link> ok = java.util.Set.of(approvedRange, photo);
        CoverageService.Coverage c = CoverageService.count(BOOK, CoverageService.prepare(1,
                List.of(approvedRange, pendingRange, photo, draftClip), List.of(), List.of(), ok::contains));
        CoverageService.Row s1 = row(c, "s1");
        assertEquals(List.of(1, 1), List.of(s1.clips(), s1.approvedClips()));
        assertEquals(approvedRange.durationMicros(), s1.approvedMicros(), "only the approved range's duration");
        CoverageService.Row c1 = row(c, "c1");
        assertEquals(List.of(2, 1, 1, 1), List.of(c1.clips(), c1.approvedClips(), c1.photos(), c1.approvedPhotos()));
    }

    @Test
    void unitsCountTheirLeafNodesAndThoseWithoutMaterial() {
        List<Link> chapter = List.of(LinkBuilder.toChapter("s1").asset("a").wholeClip(1_000_000).build());
        CoverageService.Coverage c = CoverageService.count(BOOK, CoverageService.prepare(1, chapter, List.of(), List.of()));
        Map<String, CoverageService.UnitCoverage> u = c.byUnit();
        assertEquals(new CoverageService.UnitCoverage(1, 0, 1), u.get("省卫生健康委员会"), "s1 is a leaf with material; c1 is not a leaf");
        assertEquals(new CoverageService.UnitCoverage(1, 1, 0), u.get("援藏工作队"));
        assertEquals(new CoverageService.UnitCoverage(1, 1, 0), u.get("（未指定）"), "the appendix; the part is no leaf");
    }

    @Test
    void linksToNodesNoLongerInTheOutlineAreLeftOut() {
        List<Link> chapter = List.of(LinkBuilder.toChapter("gone").asset("a").wholeClip(1_000_000).build());
        CoverageService.Coverage c = CoverageService.count(BOOK, CoverageService.prepare(1, chapter, List.of(), List.of()));
        assertEquals(0, c.rows().stream().mapToInt(CoverageService.Row::clips).sum());
        assertEquals(5, c.withoutMaterial().size());
    }

    /** Three figures on 第一节, one of them a photo also linked there: three figures, three photos, one link. */
    @Test
    void figuresCountAsTheirNodesPhotosOncePerPhoto() {
        List<Link> chapter = List.of(LinkBuilder.toChapter("s1").asset("photo").photo().build());
        CoverageService.Coverage c = CoverageService.count(BOOK, CoverageService.prepare(1, chapter, List.of(), List.of()),
                List.of(new String[] {"s1", "photo"}, new String[] {"s1", "f2"}, new String[] {"s1", "f3"},
                        new String[] {"x", "f4"}));
        CoverageService.Row s1 = row(c, "s1");
        assertEquals(List.of(1, 3, 3, 0), List.of(s1.directLinks(), s1.photos(), s1.figures(), s1.clips()));
        assertEquals(List.of(0, 3, 3), List.of(row(c, "c1").directLinks(), row(c, "c1").photos(), row(c, "c1").figures()));
        assertEquals(List.of("s2"), c.withoutMaterial().stream().map(CoverageService.Row::id).toList(),
                "the appendix has a figure: it is supplied");
        assertEquals(new CoverageService.UnitCoverage(1, 1, 0), c.byUnit().get("援藏工作队"));
        assertEquals(new CoverageService.UnitCoverage(1, 0, 0), c.byUnit().get("（未指定）"), "a figure is material");
    }
}
