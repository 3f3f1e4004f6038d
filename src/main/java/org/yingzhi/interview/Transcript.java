package org.yingzhi.interview;

import java.time.Instant;
import java.util.List;

/**
 * A transcript of one recording (asset): its cues in the media's own clock, the language, what kind it is (a typed
 * transcript, a translation, a machine draft with the engine and model named, or sentences cut at silences for a
 * typist), whether it is the one shown, where it came from, and what its import warned of.
 */
public record Transcript(String id, String asset, String interview, String language, Kind kind, String label,
        String engine, String model, boolean shown, String format, String fileName, String charset, int legacyInterval,
        List<Cue> cues, List<ParsedTranscript.Warning> warnings, String createdBy, Instant createdAt, Instant updatedAt,
        long version, boolean deleted) {

    public Transcript {
        cues = cues == null ? List.of() : List.copyOf(cues);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public enum Kind {
        TRANSCRIPT, TRANSLATION, MACHINE, PRECUT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind parse(String s) {
            if (s == null || s.isBlank()) {
                return TRANSCRIPT;
            }
            try {
                return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw org.yingzhi.shared.web.ApiException.invalid("transcript.kind", s);
            }
        }

        /** Machine drafts and silence cuts are marked as such wherever they are shown or exported. */
        public boolean machine() {
            return this == MACHINE || this == PRECUT;
        }
    }

    /** What lists show: everything but the cues. */
    public record Summary(String id, String asset, String interview, String language, Kind kind, String label,
            String engine, String model, boolean shown, String format, int cues, Instant updatedAt, long version,
            boolean deleted) {

        Summary withCues(int n) {
            return new Summary(id, asset, interview, language, kind, label, engine, model, shown, format, n, updatedAt,
                    version, deleted);
        }
    }

    public Summary summary() {
        return new Summary(id, asset, interview, language, kind, label, engine, model, shown, format, cues.size(),
                updatedAt, version, deleted);
    }
}
