package org.yingzhi.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.WaveformSpec;

/**
 * The one narrow door to native media code. Implementations return plain records and JDK images and never let a
 * native type escape; everything above this interface is pure Java and testable without FFmpeg. Every method
 * opens and closes its own decoder, so calls are safe from any number of threads.
 */
public interface MediaToolkit {

    /**
     * Reads container, streams, tags and the timecode track of a media file. Throws {@link MediaException} when
     * the file cannot be opened as media at all; problems inside an openable file come back as warnings.
     */
    RawProbe probe(Path file);

    /**
     * Whether the first video or audio frame of the file decodes: the proof asked of a file that no known signature
     * describes before it is taken for media. Never throws; a file that cannot be opened does not decode.
     */
    boolean decodesFirstFrame(Path file);

    /** Encodes a browser proxy (H.264 + AAC MP4) into {@code out}; carries {@code timecode} (may be null). */
    ProxyResult transcodeProxy(Path in, Path out, ProxySpec spec, String timecode);

    /** What the encoder really produced: frames at a constant {@code fps}. */
    record ProxyResult(String videoCodec, int width, int height, String audioCodec, long videoFrames, double fps) {

        /** How long the proxy's picture lasts. */
        public long durationMicros() {
            return fps > 0 ? Math.round(videoFrames * 1_000_000.0 / fps) : 0;
        }
    }

    /**
     * Decoded video frames at the given media times (seeking, not decoding through), scaled to {@code width} with
     * the display aspect ratio kept. A time past the end yields the last frame.
     */
    List<BufferedImage> framesAt(Path in, List<Long> micros, int width);

    /** Min/max peaks of all channels per window, decoded through once. */
    Waveform waveform(Path in, WaveformSpec spec);

    record Waveform(int windowMillis, int sampleRate, int channels, float[] min, float[] max) {
    }

    /**
     * Copies the packets of every video and audio stream, unchanged, from the keyframe at or before {@code fromMicros}
     * up to {@code toMicros} (media time from the file's start) into {@code out}, whose extension chooses the
     * container: what subclips are cut with. Returns where the copy really starts and ends.
     */
    CopyResult copyRange(Path in, Path out, long fromMicros, long toMicros);

    /** What a packet copy holds: its first packet's and its end's media time in the source, and its packet count. */
    record CopyResult(long startMicros, long endMicros, long packets) {
    }

    /**
     * A subclip of {@code [fromMicros, toMicros)} (media time from the file's start) by packet copy into a MOV or MP4:
     * from the keyframe at or before the in-point, with an edit list that starts it at the in-point, its own start
     * {@code timecode} (a label, or null for none) in a timecode track, and container {@code metadata}
     * (comment, copyright ...). The edit list's end is exact only after {@link Mp4Edits#trimTo} (pure box work).
     */
    SubclipResult subclip(Path in, Path out, SubclipSpec spec);

    record SubclipSpec(long fromMicros, long toMicros, String timecode, java.util.Map<String, String> metadata) {

        public SubclipSpec {
            metadata = metadata == null ? java.util.Map.of() : java.util.Map.copyOf(metadata);
        }
    }

    /**
     * Renders a rough cut (see {@link org.yingzhi.media.spec.RoughCutSpec}) into an MP4, telling {@code progress}
     * the record frames done so far.
     */
    RenderResult renderRoughCut(org.yingzhi.media.spec.RoughCutSpec spec, Path out, java.util.function.LongConsumer progress);

    /** Record frames and sound samples written. */
    record RenderResult(long frames, long samples) {
    }

    /** Where the copied packets start in the source (the keyframe), the range the edit list shows, and the count. */
    record SubclipResult(long keyframeMicros, long inMicros, long outMicros, long packets) {
    }

    /** Encodes the audio as AAC in an MP4 (.m4a) container; returns how long the sound it decoded lasts (µs). */
    long transcodeAudio(Path in, Path out, AudioProxySpec spec);

    /** Media times (microseconds) where a new shot starts, excluding the start of the clip. */
    List<Long> sceneCuts(Path in, SceneSpec spec);

    /**
     * The pauses of a recording's sound: FFmpeg's {@code silencedetect} (all channels below {@code noiseDb} dBFS for
     * at least {@code minMicros}), in media time. What cuts a recording into sentences for a typist.
     */
    List<Silence> silences(Path in, double noiseDb, long minMicros);

    /** A pause {@code [startMicros, endMicros)}. */
    record Silence(long startMicros, long endMicros) {
    }

    /** A still image decoded as stored (EXIF orientation not applied). */
    BufferedImage decodeImage(Path in);
}
