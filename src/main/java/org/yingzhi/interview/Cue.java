package org.yingzhi.interview;

/**
 * One timed line of a transcript: {@code [startMillis, endMillis)} in the media's own clock (milliseconds from the
 * file's first sample), who speaks (null when not said) and what is said. Text keeps its line breaks.
 */
public record Cue(long startMillis, long endMillis, String speaker, String text) {

    public Cue {
        text = text == null ? "" : text;
        speaker = speaker == null || speaker.isBlank() ? null : speaker.strip();
    }

    public long durationMillis() {
        return Math.max(0, endMillis - startMillis);
    }
}
