package org.yingzhi.job;

import java.util.Locale;

/** The kinds of background work. The lower-case name is the step name on the asset and in the API. */
public enum JobType {
    PROXY, THUMBNAIL, SPRITE, SCENES, WAVEFORM, AUDIO_PROXY, PREVIEW;

    public String step() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobType ofStep(String step) {
        try {
            return valueOf(step.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown step '" + step + "'; steps are proxy, thumbnail, sprite, scenes, "
                    + "waveform, audio_proxy, preview");
        }
    }
}
