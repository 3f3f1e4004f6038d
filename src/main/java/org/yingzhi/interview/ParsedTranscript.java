package org.yingzhi.interview;

import java.util.List;

/**
 * What a transcript file holds once read: its format and text encoding, the cues in order, any index points, what
 * the file says of the interview (title, interviewee, interviewer, date, language: OHMS records say these), and
 * what was odd but not fatal (a cue whose end precedes its start, a line that is not a cue) as coded warnings.
 * {@code legacyInterval} is the minutes between sync points of a legacy OHMS transcript (0 for every other form):
 * its cues start on those minutes, and an OHMS export writes the same {@code sync} string again.
 */
public record ParsedTranscript(String format, String charset, List<Cue> cues, List<IndexPoint> points,
        Record record, List<Warning> warnings, int legacyInterval, boolean timed) {

    public ParsedTranscript {
        cues = List.copyOf(cues);
        points = points == null ? List.of() : List.copyOf(points);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        record = record == null ? Record.NONE : record;
    }

    /** The interview as an OHMS record describes it (fields empty when the file does not say). */
    public record Record(String title, String interviewee, String interviewer, String date, String language,
            String accession, String description) {
        public static final Record NONE = new Record(null, null, null, null, null, null, null);
    }

    /** Something a reader should know: a message code ({@code transcript.warn.<code>}) and its arguments. */
    public record Warning(String code, List<String> args) {
        public Warning {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static Warning of(String code, Object... args) {
            return new Warning(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }
}
