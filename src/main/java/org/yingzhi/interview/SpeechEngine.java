package org.yingzhi.interview;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A speech recogniser: turns a recording into cues in the media's clock. Its output is a machine draft, marked as
 * such with the engine and model named. {@link #unavailable()} says why it cannot run here (no model installed).
 */
public interface SpeechEngine {

    /** The engine's name as the API takes it ({@code silence}, {@code command} ...). */
    String name();

    /** The model it uses (a directory or a name), shown with every draft it makes. */
    String model();

    /** Why it cannot run on this machine, or empty when it can. */
    Optional<String> unavailable();

    /** Whether its cues carry recognised words ({@code false}: only sentence times, for a typist). */
    boolean words();

    List<Cue> recognize(Path media, String language, long durationMillis) throws Exception;
}
