package org.yingzhi.media;

import java.util.List;
import java.util.Map;

/**
 * What the demuxer reported, field for field as ffprobe names it, before any interpretation. Unknown numbers are
 * 0 (or -1 for durations); {@link ProbeMapper} turns this into {@link MediaInfo}.
 */
public record RawProbe(String formatName, String formatLongName, long durationMicros, long bitRate, long fileSize,
        Map<String, String> tags, List<Stream> streams, Tmcd tmcd, List<String> warnings, Map<String, String> facts) {

    /**
     * {@code facts} are what the file's own structures say beyond FFmpeg's report, as {@link RecordingFacts} names
     * them (dv.recorded, mdpm.recorded, mdpm.make, bext.recorded, riff.created, asf.created).
     */
    public RawProbe {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        streams = streams == null ? List.of() : List.copyOf(streams);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    /** A probe with no facts beyond FFmpeg's. */
    public RawProbe(String formatName, String formatLongName, long durationMicros, long bitRate, long fileSize,
            Map<String, String> tags, List<Stream> streams, Tmcd tmcd, List<String> warnings) {
        this(formatName, formatLongName, durationMicros, bitRate, fileSize, tags, streams, tmcd, warnings, Map.of());
    }

    /**
     * One stream. {@code type} is video, audio, data, subtitle or attachment; rates and the sample (pixel) aspect
     * ratio are num/den pairs (0/0 or 0/1 when unknown); {@code fieldOrder} is ffprobe's word (progressive, tt, bb,
     * tb, bt) or null when the stream does not say.
     */
    public record Stream(int index, String type, String codec, String codecTag, int width, int height,
            int rFrameRateNum, int rFrameRateDen, int avgFrameRateNum, int avgFrameRateDen, long bitRate,
            int sampleRate, int channels, long durationMicros, long frames, Map<String, String> tags,
            int sarNum, int sarDen, String fieldOrder) {

        public Stream {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        /** The same stream with the field order read some other way (from its decoded pictures). */
        public Stream withFieldOrder(String order) {
            return new Stream(index, type, codec, codecTag, width, height, rFrameRateNum, rFrameRateDen,
                    avgFrameRateNum, avgFrameRateDen, bitRate, sampleRate, channels, durationMicros, frames, tags,
                    sarNum, sarDen, order);
        }

        /** A stream with square (or unknown) pixels and no field order. */
        public Stream(int index, String type, String codec, String codecTag, int width, int height,
                int rFrameRateNum, int rFrameRateDen, int avgFrameRateNum, int avgFrameRateDen, long bitRate,
                int sampleRate, int channels, long durationMicros, long frames, Map<String, String> tags) {
            this(index, type, codec, codecTag, width, height, rFrameRateNum, rFrameRateDen, avgFrameRateNum,
                    avgFrameRateDen, bitRate, sampleRate, channels, durationMicros, frames, tags, 0, 1, null);
        }
    }

    /**
     * A QuickTime timecode track: its sample description (flags bit 0 = drop-frame, timescale / frame duration =
     * rate, frames per second as counted) and the first sample, a frame counter; counter is null when unread.
     */
    public record Tmcd(int streamIndex, int flags, int timescale, int frameDuration, int framesPerSecond, Long counter) {
    }
}
