package org.yingzhi.asset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yingzhi.media.MediaInfo;

/** Which processing steps an asset gets, from its type and streams, and the asset status its steps add up to. */
final class PipelinePlan {

    private PipelinePlan() {
    }

    /** {@code media} is null for photos and when the probe failed. */
    static List<Step> stepsFor(AssetType type, MediaInfo media) {
        List<Step> steps = new ArrayList<>();
        switch (type) {
            case VIDEO -> {
                steps.addAll(List.of(Step.PROXY, Step.THUMBNAIL, Step.SPRITE, Step.SCENES));
                // without a readable probe we cannot know; try, and let the step report what it finds
                if (media == null || media.hasAudio()) {
                    steps.add(Step.WAVEFORM);
                }
            }
            case AUDIO -> steps.addAll(List.of(Step.AUDIO_PROXY, Step.WAVEFORM));
            case PHOTO -> steps.add(Step.PREVIEW);
        }
        return steps;
    }

    static List<Step> stepsFor(Asset asset) {
        return stepsFor(asset.type(), asset.media());
    }

    /**
     * READY when every step is done, PROCESSING while any is queued or running, PARTIAL when the rest is done but
     * a step failed; INGESTED until the first step starts.
     */
    static AssetStatus statusOf(Map<String, StepState> steps) {
        if (steps == null) {
            return AssetStatus.INGESTED;
        }
        if (steps.isEmpty()) {
            return AssetStatus.READY;
        }
        boolean pending = false;
        boolean failed = false;
        boolean started = false;
        for (StepState s : steps.values()) {
            switch (s.status()) {
                case QUEUED -> pending = true;
                case RUNNING -> {
                    pending = true;
                    started = true;
                }
                case FAILED -> {
                    failed = true;
                    started = true;
                }
                case DONE, SKIPPED -> started = true;
            }
        }
        if (pending) {
            return started ? AssetStatus.PROCESSING : AssetStatus.INGESTED;
        }
        return failed ? AssetStatus.PARTIAL : AssetStatus.READY;
    }
}
