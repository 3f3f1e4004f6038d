package org.yingzhi.storage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of file the pipeline makes for an asset: the name the API serves it under, the processing step
 * (job type) that makes it, the file name in the asset's derivative folder and its content type. Sized kinds are
 * stored once per size ({@code thumb-320.jpg}).
 */
public enum Derivative {
    PROXY("proxy", "proxy", "proxy.mp4", "video/mp4"),
    THUMBNAIL("thumbnail", "thumbnail", "thumb-%d.jpg", "image/jpeg"),
    SPRITE("sprite", "sprite", "sprite.jpg", "image/jpeg"),
    THUMBNAILS_VTT("thumbnails.vtt", "sprite", "thumbnails.vtt", "text/vtt;charset=UTF-8"),
    WAVEFORM("waveform", "waveform", "waveform.json", "application/json"),
    AUDIO("audio", "audio_proxy", "audio.m4a", "audio/mp4"),
    PREVIEW("preview", "preview", "preview-%d.jpg", "image/jpeg");

    private final String apiName;
    private final String step;
    private final String fileName;
    private final String contentType;

    Derivative(String apiName, String step, String fileName, String contentType) {
        this.apiName = apiName;
        this.step = step;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    /** The last segment of {@code /api/assets/{id}/<apiName>}. */
    public String apiName() {
        return apiName;
    }

    /** The processing step, which is also the job type, that writes this file. */
    public String step() {
        return step;
    }

    public String contentType() {
        return contentType;
    }

    public boolean sized() {
        return fileName.contains("%d");
    }

    /** The file name; {@code size} is the width or long edge of a sized kind and ignored otherwise. */
    public String fileName(int size) {
        if (!sized()) {
            return fileName;
        }
        if (size < 1) {
            throw new IllegalArgumentException(apiName + " needs a size");
        }
        return String.format(Locale.ROOT, fileName, size);
    }

    public String fileName() {
        if (sized()) {
            throw new IllegalArgumentException(apiName + " is stored per size; name one");
        }
        return fileName;
    }

    public static Optional<Derivative> ofApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }
}
