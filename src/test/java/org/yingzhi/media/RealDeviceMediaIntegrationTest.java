package org.yingzhi.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.shared.json.Json;
import org.yingzhi.support.Samples;
import tools.jackson.databind.JsonNode;

/**
 * Video and audio from real devices (exiftool's own test files, their streams cut to a few bytes: src/test/resources/exiftool-t):
 * a Canon AVCHD clip, a DV tape capture, a Pentax and a generic AVI, a Pentax WAV, a truncated Pentax QuickTime
 * movie. Recording date, make, model and the header's duration agree with exiftool (-n) field by field.
 */
class RealDeviceMediaIntegrationTest {

    /** file, then exiftool tags for the date, make, model and duration, first present wins. */
    static final List<String> FILES = List.of("M2TS.mts", "DV.dv", "RIFF.avi", "Pentax.avi", "RIFF.wav", "QuickTime.mov");

    private static String first(JsonNode x, String... tags) {
        for (String t : tags) {
            if (x.has(t)) {
                return x.get(t).asString().trim();
            }
        }
        return null;
    }

    @Test
    void recordingDatesCamerasAndHeaderLengthsAgreeWithExiftool() throws Exception {
        MediaToolkit toolkit = new FfmpegMediaToolkit();
        List<String> wrong = new ArrayList<>();
        for (String f : FILES) {
            java.nio.file.Path file = Samples.reference(f);
            Process p = new ProcessBuilder("exiftool", "-j", "-n", "-G", file.toString()).start();
            JsonNode x = Json.MAPPER.readTree(p.getInputStream().readAllBytes()).get(0);
            p.waitFor();
            // make and model as exiftool names them (with -n, AVCHD's maker is its code, 4113 for Canon)
            Process named = new ProcessBuilder("exiftool", "-j", "-G", "-Make", "-Model", file.toString()).start();
            JsonNode n = Json.MAPPER.readTree(named.getInputStream().readAllBytes()).get(0);
            named.waitFor();
            MediaInfo m = ProbeMapper.map(toolkit.probe(file));
            MediaInfo.Recording r = m.recording();
            String date = first(x, "H264:DateTimeOriginal", "DV:DateTimeOriginal", "RIFF:DateTimeOriginal",
                    "Composite:DateTimeOriginal", "QuickTime:CreateDate");
            String theirs = date == null ? null : date.replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2}) ", "$1-$2-$3T");
            String ours = r == null || r.dateTime() == null ? null : r.dateTime().replaceFirst("Z$", "");
            if (f.equals("Pentax.avi")) {
                // exiftool 12.57 turns this IDIT, "2009/10/27 12:14:34" (its -v3 shows the bytes), into 12:14:00:
                // the seconds are the file's
                theirs = theirs.replace("12:14:00", "12:14:34");
            }
            check(wrong, f + " date", theirs, ours);
            check(wrong, f + " make", first(n, "H264:Make", "RIFF:Make"), r == null ? null : r.make());
            check(wrong, f + " model", first(n, "RIFF:Model"), r == null ? null : r.model());
            // the WAV's data chunk says 0 bytes (the recorder never finished it): exiftool's 0.028 s is the whole
            // file, headers included, over the byte rate; the catalog says the length is unknown
            String seconds = f.equals("RIFF.wav") ? null : first(x, "QuickTime:Duration", "Composite:Duration", "DV:Duration");
            if (seconds != null) {
                double header = Double.parseDouble(seconds);
                String warnings = String.join("; ", m.warnings());
                // the duration the header states: the catalog's, or (cut short) the one its warning names
                boolean agrees = m.durationSeconds() != null && Math.abs(m.durationSeconds() - header) < 0.0005
                        || warnings.contains(String.format(java.util.Locale.ROOT, "its header says %.3f s", header));
                if (!agrees) {
                    wrong.add(f + " duration: exiftool " + header + ", catalog " + m.durationSeconds() + " " + warnings);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String what, String exiftool, String ours) {
        if (!Objects.equals(exiftool, ours)) {
            wrong.add(what + ": exiftool " + exiftool + ", catalog " + ours);
        }
    }
}
