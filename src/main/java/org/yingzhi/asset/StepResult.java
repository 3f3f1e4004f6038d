package org.yingzhi.asset;

import java.util.List;

/**
 * What a finished step hands back to be recorded on its asset: a derivative's description (recorded under
 * {@code derivatives.<name>}) and, from the scenes step, the suggested subclips. Recorded in the same write as the
 * step's DONE state. Built only through the factories, so the name always matches the description's type.
 */
public record StepResult(String derivativeName, Object derivative, List<Subclip> scenes) {

    public static StepResult of(Derivatives.Proxy d) {
        return new StepResult("proxy", d, null);
    }

    public static StepResult of(Derivatives.Thumbnail d) {
        return new StepResult("thumbnail", d, null);
    }

    public static StepResult of(Derivatives.Sprite d) {
        return new StepResult("sprite", d, null);
    }

    public static StepResult of(Derivatives.Waveform d) {
        return new StepResult("waveform", d, null);
    }

    public static StepResult of(Derivatives.Audio d) {
        return new StepResult("audio", d, null);
    }

    public static StepResult of(Derivatives.Preview d) {
        return new StepResult("preview", d, null);
    }

    public static StepResult of(Derivatives.Scenes d, List<Subclip> subclips) {
        return new StepResult("scenes", d, List.copyOf(subclips));
    }
}
