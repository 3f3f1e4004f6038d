package org.yingzhi.pipeline;

/** File names of derivatives inside an asset's derivative folder: the one list both writers and readers use. */
public final class Derivatives {

    public static final String PROXY = "proxy.mp4";
    public static final String SPRITE = "sprite.jpg";
    public static final String THUMBNAILS_VTT = "thumbnails.vtt";
    public static final String WAVEFORM = "waveform.json";
    public static final String AUDIO = "audio.m4a";

    private Derivatives() {
    }

    public static String thumbnail(int width) {
        return "thumb-" + width + ".jpg";
    }

    public static String preview(int longEdge) {
        return "preview-" + longEdge + ".jpg";
    }
}
