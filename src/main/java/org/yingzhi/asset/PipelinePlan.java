package org.yingzhi.asset;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.yingzhi.job.JobType;

/** Which derivative steps an asset gets, from its type and streams. */
final class PipelinePlan {

    private PipelinePlan() {
    }

    static List<JobType> stepsFor(Document asset) {
        String type = asset.getString(AssetRepository.F.TYPE);
        List<JobType> steps = new ArrayList<>();
        switch (type) {
            case "VIDEO" -> {
                steps.addAll(List.of(JobType.PROXY, JobType.THUMBNAIL, JobType.SPRITE, JobType.SCENES));
                // without a readable probe we cannot know; try, and let the step report what it finds
                if (hasAudio(asset) != Boolean.FALSE) {
                    steps.add(JobType.WAVEFORM);
                }
            }
            case "AUDIO" -> steps.addAll(List.of(JobType.AUDIO_PROXY, JobType.WAVEFORM));
            case "PHOTO" -> steps.add(JobType.PREVIEW);
            default -> throw new IllegalStateException("unknown asset type " + type);
        }
        return steps;
    }

    /** True/false from the probe; null when the probe failed. */
    private static Boolean hasAudio(Document asset) {
        Document media = asset.get(AssetRepository.F.MEDIA, Document.class);
        if (media == null) {
            return null;
        }
        return media.getList("streams", Document.class, List.of()).stream()
                .anyMatch(s -> "audio".equals(s.getString("kind")));
    }

    /**
     * The asset's status from its steps: READY when every step is done, PROCESSING while any is queued or running,
     * PARTIAL when the rest is done but a step failed; INGESTED until the first step starts.
     */
    static String statusOf(Document processing) {
        if (processing == null) {
            return "INGESTED";
        }
        Document steps = processing.get("steps", Document.class);
        if (steps == null || steps.isEmpty()) {
            return "READY";
        }
        boolean pending = false;
        boolean failed = false;
        boolean started = false;
        for (String k : steps.keySet()) {
            String s = steps.get(k, Document.class).getString("status");
            switch (s) {
                case "QUEUED" -> pending = true;
                case "RUNNING" -> {
                    pending = true;
                    started = true;
                }
                case "FAILED" -> {
                    failed = true;
                    started = true;
                }
                default -> started = true;
            }
        }
        if (pending) {
            return started ? "PROCESSING" : "INGESTED";
        }
        return failed ? "PARTIAL" : "READY";
    }
}
