package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.metadata.PhotoMetadata;

/** An asset as the API returns it: the catalog record, its source timecode span, and links to its files. */
@Schema(name = "Asset", description = "A cataloged video, audio recording or photo")
public record AssetResponse(
        String id,
        AssetType type,
        @Schema(description = "Processing state, derived from the steps") AssetStatus status,
        Asset.Original original,
        String title,
        String description,
        @Schema(description = "The unit that contributed the media (承编/供稿单位)") String contributorUnit,
        String source,
        @Schema(description = "YYYY, YYYY-MM, YYYY-MM-DD or an ISO-8601 timestamp", example = "2008-05")
        String captureDate,
        @Schema(description = "Where the capture date came from when the contributor gave none: exif or container")
        String captureDateSource,
        Instant captureStart,
        Instant captureEnd,
        String place,
        List<String> keywords,
        String rights,
        @Schema(description = "The label of the batch or folder it came in with") String batch,
        @Schema(description = "What the file itself records where the contributor's description replaced it "
                + "(override): title, description, captureDate, place, rights") Map<String, String> fileOwn,
        @Schema(description = "Other units that sent the same bytes, with their descriptions (one copy is kept)")
        List<Asset.Contribution> contributions,
        @Schema(description = "Technical metadata of video and audio (from FFmpeg)") MediaInfo media,
        @Schema(description = "Size, EXIF, GPS, IPTC and XMP of photos") PhotoMetadata photo,
        @Schema(description = "The clip's source timecode: start, end and rate (video and timecoded audio)")
        TimecodeSpan timecode,
        MetadataStatus metadataStatus,
        List<String> warnings,
        List<String> errors,
        Asset.Review review,
        Instant createdAt,
        Actor createdBy,
        Instant updatedAt,
        Actor updatedBy,
        boolean deleted,
        Instant deletedAt,
        Actor deletedBy,
        @Schema(description = "Bumped by every edit (optimistic locking)") long version,
        Asset.Processing processing,
        Derivatives derivatives,
        @Schema(description = "Shots found by the scenes step, as suggested subclips") List<Subclip> scenes,
        Map<String, String> links) {

    /**
     * The span of source timecode a clip covers: in (first frame) and out (the frame after the last), the rate as
     * an exact rational and its label, and whether the start came from the file or is 00:00:00:00.
     */
    public record TimecodeSpan(String start, String end, String range, String rate, String rateLabel, boolean dropFrame,
            long durationFrames, boolean fromSource) {

        static TimecodeSpan of(Timebase tb) {
            var whole = tb.whole();
            return new TimecodeSpan(whole.in().toString(), whole.out().toString(), whole.toString(), tb.rate().rational(),
                    tb.rate().toString(), tb.rate().dropFrame(), whole.durationFrames(), tb.sourceTimecode());
        }
    }

    public static AssetResponse of(Asset a) {
        String self = "/api/assets/" + a.id();
        return new AssetResponse(a.id(), a.type(), a.status(), a.original(), a.title(), a.description(),
                a.contributorUnit(), a.source(), a.captureDate(), a.captureDateSource(), a.captureStart(),
                a.captureEnd(), a.place(), a.keywords(), a.rights(), a.batch(), a.fileOwn(), a.contributions(), a.media(), a.photo(),
                a.timebase().filter(tb -> tb.durationFrames() < tb.rate().framesPerDay()).map(TimecodeSpan::of)
                        .orElse(null), a.metadataStatus(), a.warnings(), a.errors(),
                a.review(), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy(), a.deleted(), a.deletedAt(),
                a.deletedBy(), a.version(), a.processing(), a.derivatives(), a.scenes(),
                Map.of("self", self, "original", self + "/original"));
    }

    /**
     * The answer to an upload: the asset, whether the same bytes were already cataloged, and whether they belonged
     * to a deleted asset that this upload restored.
     */
    @Schema(name = "UploadResult")
    public record Upload(boolean duplicate, boolean restored, AssetResponse asset) {
    }

    /** One page of a list or search. */
    @Schema(name = "AssetPage")
    public record Page(List<AssetJson> items, long total, int page, int size) {
    }

    /** Steps queued by a reprocess request. */
    @Schema(name = "ReprocessResult")
    public record Queued(List<String> queued) {
    }
}
