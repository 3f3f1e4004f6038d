package org.yingzhi.asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yingzhi.media.MediaInfo;
import org.yingzhi.metadata.PhotoMetadata;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * One cataloged video, audio recording or photo, as read from the {@code assets} collection (see
 * media-schema/asset.schema.json; {@link AssetMapper} is the one place that maps it). Internal search keys are not
 * part of it.
 */
public record Asset(String id, AssetType type, AssetStatus status, Original original,
        String title, String description, String contributorUnit, String source, String captureDate,
        String captureDateSource, Instant captureStart, Instant captureEnd, String place, List<String> keywords,
        String rights, MediaInfo media, PhotoMetadata photo, MetadataStatus metadataStatus, List<String> warnings,
        List<String> errors, Review review, Instant createdAt, Actor createdBy, Instant updatedAt, Actor updatedBy,
        boolean deleted, Instant deletedAt, Actor deletedBy, long version, Processing processing,
        Derivatives derivatives, List<Subclip> scenes, String batch, Map<String, String> fileOwn,
        List<Contribution> contributions) {

    public Asset {
        fileOwn = fileOwn == null ? Map.of() : Map.copyOf(fileOwn);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        errors = errors == null ? List.of() : List.copyOf(errors);
        scenes = scenes == null ? List.of() : List.copyOf(scenes);
        processing = processing == null ? new Processing(Map.of()) : processing;
    }

    /** The stored file: content address, size, the name it came with (display only) and the detected format. */
    public record Original(String sha256, long size, String fileName, String ext, String format, String mimeType) {
    }

    /**
     * The review: the overall status (what the library filters on: approved only when both checks passed), each
     * check's state with who decided it, when and why, and the round (1, then one more at each resubmission).
     */
    public record Review(ReviewStatus status, Check political, Check facts, Integer round) {

        public Check check(ReviewCheck c) {
            Check x = c == ReviewCheck.POLITICAL ? political : facts;
            return x == null ? Check.PENDING : x;
        }

        public int roundOrFirst() {
            return round == null ? 1 : round;
        }

        /** Passed both checks: what coverage, figure lists, exports and publication count as approved. */
        public boolean approved() {
            return check(ReviewCheck.POLITICAL).state() == CheckState.APPROVED
                    && check(ReviewCheck.FACTS).state() == CheckState.APPROVED;
        }

        /** The overall status the checks add up to. */
        public static ReviewStatus overall(Check political, Check facts) {
            CheckState a = political == null ? CheckState.PENDING : political.state();
            CheckState b = facts == null ? CheckState.PENDING : facts.state();
            if (a == CheckState.REJECTED || b == CheckState.REJECTED) {
                return ReviewStatus.REJECTED;
            }
            if (a == CheckState.RETURNED || b == CheckState.RETURNED) {
                return ReviewStatus.CHANGES_REQUESTED;
            }
            return a == CheckState.APPROVED && b == CheckState.APPROVED ? ReviewStatus.APPROVED : ReviewStatus.PENDING;
        }
    }

    /** One check's state, and who decided it, when, and why (returns and rejections give reasons; a reopening says which fields). */
    public record Check(CheckState state, Actor by, Instant at, String reason) {

        public static final Check PENDING = new Check(CheckState.PENDING, null, null, null);
    }

    /**
     * Another unit that sent the same bytes: who, when, and how it described them (one copy is kept; the asset
     * remembers every unit that holds it).
     */
    public record Contribution(String unit, Actor by, Instant at, String batch, String title, String captureDate,
            String place, String fileName) {
    }

    /** Processing steps by key ({@code proxy}, {@code audio_proxy} ...). */
    public record Processing(Map<String, StepState> steps) {

        public Processing {
            steps = steps == null ? Map.of() : Map.copyOf(steps);
        }

        public Optional<StepState> step(Step s) {
            return Optional.ofNullable(steps.get(s.key()));
        }
    }

    /**
     * Start timecode, rate and duration of a video or audio clip: the source timecode when the file has one,
     * else 00:00:00:00 at the video frame rate. Audio without a timecode of its own is counted from 00:00:00:00 at
     * a nominal {@link #AUDIO_RATE} (25 fps, so one frame is 40 ms, 1,920 samples at 48 kHz): its marks, ranges
     * and moments are in that clock, as an editing suite would count a sound file on a 25 fps timeline. Empty for
     * photos and when the probe could not tell the duration.
     */
    public Optional<Timebase> timebase() {
        if (media == null || media.durationMicros() == null || media.durationMicros() <= 0) {
            return Optional.empty();
        }
        MediaInfo.TimecodeInfo tc = media.timecode();
        if (tc != null) {
            FrameRate rate = FrameRate.parse(tc.rate()).withDropFrame(tc.dropFrame());
            return Optional.of(new Timebase(Timecode.ofFrames(tc.startFrames(), rate), media.durationMicros(), true));
        }
        Optional<Timebase> video = (media.streams() == null ? List.<MediaInfo.MediaStream>of() : media.streams()).stream()
                .filter(s -> "video".equals(s.kind()) && s.frameRate() != null)
                .findFirst()
                .map(s -> new Timebase(Timecode.zero(FrameRate.parse(s.frameRate())), media.durationMicros(), false));
        if (video.isEmpty() && type == AssetType.AUDIO) {
            return Optional.of(new Timebase(Timecode.zero(FrameRate.parse(AUDIO_RATE)), media.durationMicros(), false));
        }
        return video;
    }

    /** The nominal rate audio without a timecode is counted at (see {@link #timebase()}). */
    public static final String AUDIO_RATE = "25/1";

    /** Duration from the probe, when it could tell. */
    public Optional<Long> durationMicros() {
        return Optional.ofNullable(media == null ? null : media.durationMicros()).filter(d -> d > 0);
    }
}
