package org.yingzhi.media;

import java.util.List;
import java.util.Map;

/** Technical metadata of a video or audio file as Yingzhi stores it. */
public record MediaInfo(String container, String containerLongName, Long durationMicros, Double durationSeconds,
        Long bitRate, String creationTime, List<MediaStream> streams, TimecodeInfo timecode,
        Map<String, String> tags, List<String> warnings) {

    /** One stream; frame rate is an exact rational such as "30000/1001". */
    public record MediaStream(int index, String kind, String codec, String codecTag, Integer width, Integer height,
            String frameRate, Double fps, Long bitRate, Integer sampleRate, Integer channels, Long durationMicros,
            Long frames) {
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
