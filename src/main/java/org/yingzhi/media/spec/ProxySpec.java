package org.yingzhi.media.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a browser proxy is encoded: H.264 (libx264) + AAC in a faststart MP4, a fixed width with the height
 * following the picture's aspect ratio, a keyframe every {@code keyframeSeconds}. The same object renders the
 * encoder options for JavaCV and the argument list for the ffmpeg executable (the benchmark's peer), so both run
 * the very same settings.
 */
public record ProxySpec(int width, int crf, String preset, double keyframeSeconds, int threads, int audioBitrate,
        int maxAudioChannels) {

    public static final ProxySpec DEFAULT = new ProxySpec(640, 28, "veryfast", 2.0, 2, 96_000, 2);

    public ProxySpec {
        if (width < 16 || width % 2 != 0) {
            throw new IllegalArgumentException("proxy width must be even and at least 16: " + width);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be 0-51: " + crf);
        }
        if (!(keyframeSeconds > 0)) {
            throw new IllegalArgumentException("keyframe interval must be positive");
        }
    }

    /** Output height for a source picture: keeps the display aspect ratio, rounded to an even number. */
    public int heightFor(int srcWidth, int srcHeight, double sampleAspectRatio) {
        return FrameGeometry.evenHeight(width, srcWidth, srcHeight, sampleAspectRatio);
    }

    /** Frames between keyframes at a frame rate (at least 1). */
    public int gopFrames(double fps) {
        return Math.max(1, (int) Math.round(keyframeSeconds * fps));
    }

    /** libx264 private options, as set on the recorder. */
    public Map<String, String> videoOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("crf", Integer.toString(crf));
        o.put("preset", preset);
        o.put("threads", Integer.toString(threads));
        return o;
    }

    /** Muxer options: the index goes first so a browser can start playing before the download ends. */
    public Map<String, String> muxerOptions() {
        return Map.of("movflags", "+faststart");
    }

    /** The same encode as ffmpeg command-line arguments (after the executable). */
    public List<String> ffmpegArgs(String input, String output, int height, double fps, int audioChannels,
            String timecode) {
        List<String> a = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error", "-y", "-threads", Integer.toString(threads),
                "-i", input, "-map", "0:v:0", "-map", "0:a:0?", "-vf", "scale=" + width + ":" + height,
                "-pix_fmt", "yuv420p", "-c:v", "libx264", "-crf", Integer.toString(crf), "-preset", preset,
                "-g", Integer.toString(gopFrames(fps)), "-c:a", "aac", "-b:a", Integer.toString(audioBitrate),
                "-ac", Integer.toString(Math.max(1, Math.min(audioChannels, maxAudioChannels))),
                "-movflags", "+faststart"));
        if (timecode != null) {
            a.addAll(List.of("-timecode", timecode));
        }
        a.add(output);
        return a;
    }
}
