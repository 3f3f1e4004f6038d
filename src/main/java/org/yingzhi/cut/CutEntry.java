package org.yingzhi.cut;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One entry of a cut: a range {@code [in, out)} of an asset in the asset's own source timecode (labels at its
 * rate), a note, the length in record frames of a dissolve into it from the entry before (0 = a cut), and which
 * tracks it uses: its picture, and which of its audio channels (1-based).
 */
@Schema(description = "An entry of a cut: an asset's range in its own source timecode")
public record CutEntry(
        @Schema(description = "Stable id of the entry within its cut") String id,
        @Schema(description = "The asset's id") String asset,
        @Schema(description = "Source in, the asset's timecode at its rate (';' before the frames in drop-frame)", example = "01:00:59;10") String in,
        @Schema(description = "Source out (exclusive)", example = "01:01:02;00") String out,
        @Schema(description = "The producer's note") String note,
        @Schema(description = "Dissolve from the previous entry, in record frames (0: a cut)") int dissolve,
        @Schema(description = "Uses the asset's picture") boolean video,
        @Schema(description = "Audio channels used, 1-based") List<Integer> audio) {

    public CutEntry {
        audio = audio == null ? List.of() : List.copyOf(audio);
    }

    public CutEntry withRange(String newIn, String newOut) {
        return new CutEntry(id, asset, newIn, newOut, note, dissolve, video, audio);
    }

    public CutEntry withId(String newId) {
        return new CutEntry(newId, asset, in, out, note, dissolve, video, audio);
    }

    public CutEntry withDissolve(int frames) {
        return new CutEntry(id, asset, in, out, note, frames, video, audio);
    }
}
