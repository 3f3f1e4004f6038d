package org.yingzhi.media.spec;

import java.nio.file.Path;
import java.util.List;
import org.yingzhi.timecode.FrameRate;

/**
 * A rough cut to render: the record timeline's rate and picture size, the font the source timecode and clip title
 * are burnt in with, the encoder settings, and the segments in order. The burn-in is two FFmpeg {@code drawtext}
 * filters applied to each source frame before it is placed on the record grid, so every record frame shows the
 * timecode of the source frame it comes from; {@link #burnIn} is the filter text, so a test renders a frame the same
 * way.
 */
public record RoughCutSpec(FrameRate rate, int width, int height, Path font, int fontSize, int crf, String preset,
        int threads, int sampleRate, int channels, List<Segment> segments) {

    /**
     * One entry: its proxy (picture and sound; null for a sound-only entry, which shows black), or the sound file
     * for a sound-only entry, the media time of its in-point in that file, the source rate and in-point label, and
     * how many source frames and record frames it lasts. {@code titleFile} holds the title text (never put into the
     * filter text itself).
     */
    public record Segment(Path video, Path audio, long fromMicros, FrameRate sourceRate, String sourceIn,
            long sourceFrames, long recordFrames, Path titleFile) {
    }

    public RoughCutSpec {
        segments = List.copyOf(segments);
        if (width < 16 || width % 2 != 0 || height < 16 || height % 2 != 0) {
            throw new IllegalArgumentException("the picture size must be even and at least 16: " + width + "x" + height);
        }
    }

    public static RoughCutSpec of(FrameRate rate, Path font, List<Segment> segments) {
        return new RoughCutSpec(rate, 640, 360, font, 22, 26, "veryfast", 2, 48000, 2, segments);
    }

    /** The burn-in over a {@code width}x{@code height} picture (already fitted): timecode at the foot, title at the top. */
    public String burnIn(String sourceIn, FrameRate sourceRate, Path titleFile) {
        String font = "fontfile='" + escape(font().toString()) + "'";
        String tc = "drawtext=" + font + ":timecode='" + escape(sourceIn) + "':rate=" + sourceRate.rational()
                + ":fontsize=" + fontSize + ":fontcolor=white:box=1:boxcolor=black:boxborderw=4"
                + ":x=(w-tw)/2:y=h-th-14";
        if (titleFile == null) {
            return tc;
        }
        return tc + ",drawtext=" + font + ":textfile='" + escape(titleFile.toString()) + "':fontsize=" + fontSize
                + ":fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=4:x=12:y=12";
    }

    /** The picture fitted into the record size, keeping its shape (black bars), then the burn-in. */
    public String filter(int sourceWidth, int sourceHeight, Segment s) {
        return "scale=" + width + ":" + height + ":force_original_aspect_ratio=decrease,pad=" + width + ":" + height
                + ":(ow-iw)/2:(oh-ih)/2:color=black,setsar=1," + burnIn(s.sourceIn(), s.sourceRate(), s.titleFile());
    }

    /** Escapes a value for a single-quoted filter option: backslash, quote, and the separators drawtext reads. */
    static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\'' || c == '\\' || c == ':' || c == ';' || c == ',' || c == '[' || c == ']' || c == '%') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
