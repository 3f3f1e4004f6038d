package org.yingzhi.asset;

import java.util.List;

/** What the processing steps made for an asset, as recorded under {@code derivatives}. */
public record Derivatives(Proxy proxy, Thumbnail thumbnail, Sprite sprite, Waveform waveform, Audio audio,
        Preview preview, Scenes scenes) {

    /** H.264/AAC browser proxy; {@code timecode} is the source start timecode it carries. */
    public record Proxy(String videoCodec, String audioCodec, int width, int height, long frames, long size,
            String timecode) {
    }

    /** Poster frame taken at {@code atMicros}, stored in several sizes. */
    public record Thumbnail(long atMicros, List<Size> sizes) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ThumbnailSize")
    public record Size(int width, int height) {
    }

    /** Filmstrip grid for scrubbing, with its WebVTT track. */
    public record Sprite(int tiles, int columns, int rows, int tileWidth, int tileHeight) {
    }

    public record Waveform(int windowMillis, int length, int sampleRate, int channels) {
    }

    public record Audio(String codec, int bitrate, int sampleRate, long size) {
    }

    /** Upright photo previews by long edge. */
    public record Preview(List<PreviewSize> sizes, int orientationApplied) {
    }

    public record PreviewSize(int edge, int width, int height) {
    }

    public record Scenes(int count, double threshold) {
    }
}
