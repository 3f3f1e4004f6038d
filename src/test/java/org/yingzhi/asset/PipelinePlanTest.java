package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.MediaInfo;

class PipelinePlanTest {

    private static Map<String, StepState> steps(String... kv) {
        Map<String, StepState> s = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            s.put(kv[i], new StepState(StepStatus.valueOf(kv[i + 1]), null, null, null, null, null, null));
        }
        return s;
    }

    @Test
    void statusFollowsTheSteps() {
        assertEquals(AssetStatus.INGESTED, PipelinePlan.statusOf(steps("proxy", "QUEUED", "sprite", "QUEUED")));
        assertEquals(AssetStatus.PROCESSING, PipelinePlan.statusOf(steps("proxy", "RUNNING", "sprite", "QUEUED")));
        assertEquals(AssetStatus.PROCESSING, PipelinePlan.statusOf(steps("proxy", "DONE", "sprite", "QUEUED")));
        assertEquals(AssetStatus.PROCESSING, PipelinePlan.statusOf(steps("proxy", "FAILED", "sprite", "RUNNING")));
        assertEquals(AssetStatus.READY, PipelinePlan.statusOf(steps("proxy", "DONE", "sprite", "SKIPPED")));
        assertEquals(AssetStatus.PARTIAL, PipelinePlan.statusOf(steps("proxy", "FAILED", "sprite", "DONE")));
        assertEquals(AssetStatus.INGESTED, PipelinePlan.statusOf(null));
        assertEquals(AssetStatus.READY, PipelinePlan.statusOf(Map.of()));
    }

    private static MediaInfo media(String... kinds) {
        List<MediaInfo.MediaStream> streams = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            streams.add(new MediaInfo.MediaStream(i, kinds[i], "x", null, null, null, null, null, null, null, null, null,
                    null));
        }
        return new MediaInfo("mp4", "MP4", 1_000_000L, 1.0, null, null, streams, null, Map.of(), List.of());
    }

    @Test
    void stepsByTypeAndStreams() {
        assertEquals(List.of(Step.PROXY, Step.THUMBNAIL, Step.SPRITE, Step.SCENES, Step.WAVEFORM),
                PipelinePlan.stepsFor(AssetType.VIDEO, media("video", "audio")));
        assertEquals(4, PipelinePlan.stepsFor(AssetType.VIDEO, media("video")).size());
        assertEquals(5, PipelinePlan.stepsFor(AssetType.VIDEO, null).size(), "unknown streams: try the waveform");
        assertEquals(List.of(Step.AUDIO_PROXY, Step.WAVEFORM), PipelinePlan.stepsFor(AssetType.AUDIO, null));
        assertEquals(List.of(Step.PREVIEW), PipelinePlan.stepsFor(AssetType.PHOTO, null));
    }

    @Test
    void stepKeysRoundTripAndNameTheJobTypes() {
        for (Step s : Step.values()) {
            assertEquals(s, Step.ofKey(s.key()));
        }
        assertEquals(Step.AUDIO_PROXY, Step.ofKey("audio-proxy"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Step.ofKey("teleport"));
        // every derivative file is made by one of the asset's steps
        for (org.yingzhi.storage.Derivative d : org.yingzhi.storage.Derivative.values()) {
            assertEquals(d.step(), Step.ofKey(d.step()).key(), d.name());
        }
    }
}
