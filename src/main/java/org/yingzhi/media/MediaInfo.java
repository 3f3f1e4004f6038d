package org.yingzhi.media;

import java.util.List;
import java.util.Map;

/** Technical metadata of a video or audio file as Yingzhi stores it. */
public record MediaInfo(String container, String containerLongName, Long durationMicros, Double durationSeconds,
        Long bitRate, String creationTime, List<MediaStream> streams, TimecodeInfo timecode,
        Map<String, String> tags, List<String> warnings, Recording recording) {

    /** Technical metadata without recording facts (tests, older records). */
    public MediaInfo(String container, String containerLongName, Long durationMicros, Double durationSeconds,
            Long bitRate, String creationTime, List<MediaStream> streams, TimecodeInfo timecode,
            Map<String, String> tags, List<String> warnings) {
        this(container, containerLongName, durationMicros, durationSeconds, bitRate, creationTime, streams, timecode,
                tags, warnings, null);
    }

    /**
     * When and with what it was recorded. {@code dateTime} is ISO-8601 as the file states it: a local time
     * ("2003-05-01T10:20:30") when the format keeps no zone (DV, BWF, RIFF, AVI), with its offset or Z when it does
     * (AVCHD MDPM, MP4, Matroska, ASF); {@code instant} only when the zone is known. {@code dateSource} names where
     * the date was read (dv-vaux, mdpm, bext, riff-icrd, asf, container); {@code make} and {@code model} the camera
     * or recorder (QuickTime and Android keys, AVCHD MDPM's maker code).
     */
    public record Recording(String dateTime, String instant, String dateSource, String make, String model) {
    }

    /**
     * One stream; frame rate is an exact rational such as "30000/1001". Video streams also carry the pixel
     * (sample) and display aspect ratios as ffprobe writes them ("64:45", "16:9"; null when the stream does not
     * say) and the field order (ffprobe's word: progressive, tt, bb, tb, bt; null when unknown) with
     * {@code interlaced} as Yingzhi treats it (standard-definition DV is interlaced even when unmarked).
     */
    public record MediaStream(int index, String kind, String codec, String codecTag, Integer width, Integer height,
            String frameRate, Double fps, Long bitRate, Integer sampleRate, Integer channels, Long durationMicros,
            Long frames, String sampleAspectRatio, String displayAspectRatio, String fieldOrder, Boolean interlaced) {

        /** A stream without aspect ratios or field order (audio, or tests). */
        public MediaStream(int index, String kind, String codec, String codecTag, Integer width, Integer height,
                String frameRate, Double fps, Long bitRate, Integer sampleRate, Integer channels, Long durationMicros,
                Long frames) {
            this(index, kind, codec, codecTag, width, height, frameRate, fps, bitRate, sampleRate, channels,
                    durationMicros, frames, null, null, null, null);
        }
    }

    /**
     * The start timecode: label, frame count since 00:00:00:00, rate and whether it counts drop-frame, and where it
     * came from (tmcd track, stream tag or container tag).
     */
    public record TimecodeInfo(String start, long startFrames, String rate, String rateLabel, boolean dropFrame,
            String source) {
    }

    public boolean hasVideo() {
        return streams.stream().anyMatch(s -> s.kind().equals("video"));
    }

    public boolean hasAudio() {
        return streams.stream().anyMatch(s -> s.kind().equals("audio"));
    }
}
