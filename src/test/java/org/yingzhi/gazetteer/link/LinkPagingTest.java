package org.yingzhi.gazetteer.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.support.LinkBuilder;
import org.yingzhi.timecode.FrameRate;

/** A chapter's or entry's material in pages: the totals count every link, a page shows a window of them. */
class LinkPagingTest {

    static List<Link> links(int n) {
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LinkBuilder.toChapter("c").id("l" + i).asset("a" + (i % 3)).wholeClip(1_000_000).build());
        }
        return out;
    }

    @Test
    void aPageIsAWindowAndPastTheEndIsEmpty() {
        List<Link> all = links(250);
        assertEquals(List.of("l0", "l1"), LinkService.window(all, 0, 2).stream().map(Link::id).toList());
        assertEquals(200, LinkService.window(all, 0, 200).size());
        assertEquals(List.of("l249"), LinkService.window(all, 249, 50).stream().map(Link::id).toList());
        assertEquals(List.of(), LinkService.window(all, 250, 50));
        assertEquals(List.of(), LinkService.window(all, Integer.MAX_VALUE, 200), "no overflow far past the end");
    }

    @Test
    void limitsOutsideTheRangeAreRefused() {
        List<Link> all = links(3);
        for (int[] bad : new int[][] {{-1, 10}, {0, 0}, {0, 201}}) {
            ApiException e = assertThrows(ApiException.class, () -> LinkService.window(all, bad[0], bad[1]));
            assertEquals(400, e.status().value());
        }
    }

    @Test
    void totalsCountClipsOncePhotosApartAndAddRanges() {
        List<Link> all = new ArrayList<>(links(5)); // 5 whole-clip links of 3 clips, 1 s each
        all.add(LinkBuilder.toChapter("c").asset("p").photo().build());
        all.add(LinkBuilder.toChapter("c").asset("a0").range("01:00:00;00", "01:00:01;00", FrameRate.FPS_29_97_DF,
                "01:00:00;00").build());
        LinkService.Totals t = LinkService.totals(all);
        assertEquals(7, t.links());
        assertEquals(3, t.clips());
        assertEquals(1, t.photos());
        assertEquals(5_000_000 + all.get(6).durationMicros(), t.durationMicros(), "whole clips and the range, photos none");
        assertEquals(1_001_000, all.get(6).durationMicros(), "one second of 29.97 DF is 30 frames, 1.001 s");
    }
}
