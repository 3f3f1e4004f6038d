package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one asset is in processing, small enough to poll for a page of cards: its status, each step's state, and
 * whether its poster or preview exists yet (so a card can show the picture as soon as it is made).
 */
@Schema(name = "AssetState", description = "An asset's processing state, for pages that follow it live")
public record AssetState(
        @Schema(description = "asset id") String id,
        @Schema(description = "INGESTED, PROCESSING, READY or PARTIAL") AssetStatus status,
        @Schema(description = "each step's state by step key (proxy, thumbnail ...)") Map<String, StepStatus> steps,
        @Schema(description = "steps that have ended (done, skipped or failed)") int ended,
        @Schema(description = "all steps") int total,
        @Schema(description = "whether the card picture (poster of a clip, preview of a photo) is made") boolean picture,
        @Schema(description = "the asset's title") String title,
        @Schema(description = "the name the file came with") String fileName,
        @Schema(description = "whether the asset is deleted") boolean deleted) {

    static AssetState of(Asset a) {
        Map<String, StepStatus> steps = new LinkedHashMap<>();
        int ended = 0;
        for (Step s : Step.values()) {
            StepState st = a.processing().steps().get(s.key());
            if (st != null && st.status() != null) {
                steps.put(s.key(), st.status());
                if (st.status() == StepStatus.DONE || st.status() == StepStatus.SKIPPED || st.status() == StepStatus.FAILED) {
                    ended++;
                }
            }
        }
        Step picture = a.type() == AssetType.PHOTO ? Step.PREVIEW : Step.THUMBNAIL;
        return new AssetState(a.id(), a.status(), steps, ended, steps.size(),
                steps.get(picture.key()) == StepStatus.DONE, a.title(),
                a.original() == null ? null : a.original().fileName(), a.deleted());
    }
}
