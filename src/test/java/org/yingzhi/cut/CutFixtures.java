package org.yingzhi.cut;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/** The two sample clips as cut sources, and cuts over them, for the export tests. */
final class CutFixtures {

    static final String DF_ID = "64b0c0ffee0000000000df01";
    static final String PAL_ID = "64b0c0ffee000000000025a2";

    /** samples/clip-2997df.mov: 60 frames from 01:00:59;10 drop-frame, stereo. */
    static final CutSource DF = new CutSource(DF_ID, "拉萨市人民医院门诊楼 落成", "clip-2997df.mov",
            "/srv/yingzhi/media/ab/cd/abcd2997.mov", "ab".repeat(32), "援藏工作队", "© 援藏工作队", "VIDEO",
            Timecode.parse("01:00:59;10", FrameRate.FPS_29_97_DF), 60, true, true, 320, 180, 2, 48000, null,
            List.of(new CutSource.Linked("person", "张晓明", 10, 20), new CutSource.Linked("place", "拉萨", 0, -1)));

    /** samples/clip-25ndf.mp4: 50 frames from 10:00:00:00 at 25 fps, mono. */
    static final CutSource PAL = new CutSource(PAL_ID, "喀什 援疆项目", "clip 25ndf.mp4",
            "/srv/yingzhi/media/12/34/1234pal.mp4", "12".repeat(32), "省广播电视局", null, "VIDEO",
            Timecode.parse("10:00:00:00", FrameRate.FPS_25), 50, true, true, 320, 240, 1, 48000, "TAPE_017", List.of());

    static Map<String, CutSource> sources() {
        Map<String, CutSource> m = new LinkedHashMap<>();
        m.put(DF_ID, DF);
        m.put(PAL_ID, PAL);
        return m;
    }

    static Cut cut(FrameRate rate, String start, CutEntry... entries) {
        return new Cut("64b0c0ffee00000000c0a001", "援藏二十年 粗剪", "producer", "王制片", "省广播电视局", false,
                List.of(), null, rate, Timecode.parse(start, rate), List.of(entries), 3, Instant.EPOCH, Instant.EPOCH,
                false);
    }

    static CutEntry entry(String id, String asset, String in, String out, int dissolve, boolean video,
            List<Integer> audio, String note) {
        return new CutEntry(id, asset, in, out, note, dissolve, video, audio);
    }

    static CutSheet sheet(Cut cut) {
        return CutSheet.of(cut, sources());
    }

    private CutFixtures() {
    }
}
