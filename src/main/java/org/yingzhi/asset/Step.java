package org.yingzhi.asset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The background processing steps of an asset. The lower-case key names the step under
 * {@code processing.steps}, in the API, and as the job type of the job that runs it.
 */
public enum Step {
    PROXY, THUMBNAIL, SPRITE, SCENES, WAVEFORM, AUDIO_PROXY, PREVIEW;

    /** The job subject kind of asset steps. */
    public static final String SUBJECT_KIND = "asset";

    /** "proxy", "audio_proxy" ...: the key on the asset and the job type. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Steps whose time grows with the clip's length (encode or decode it whole): they run in the job queue's
     * lengthy lane, so the short ones (posters, previews, waveforms) of later uploads are not starved.
     */
    public boolean lengthy() {
        return this == PROXY || this == AUDIO_PROXY || this == SPRITE || this == SCENES;
    }

    public static Step ofKey(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.key().equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step '" + key + "'; steps are " + keys()));
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Step::key).toList();
    }
}
