package org.yingzhi.media.ffmpeg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit.Silence;

/**
 * FFmpeg's {@code silencedetect} filter, run by the ffmpeg executable of the same jar (same libraries as the
 * natives) in its own process: the filter reports through the log, which JavaCV's frame API does not carry, and a
 * separate process cannot take the service down. Decoding only, no output ({@code -f null}).
 */
final class FfmpegSilence {

    private static final Pattern START = Pattern.compile("silence_start: (-?[0-9.]+)");
    private static final Pattern END = Pattern.compile("silence_end: (-?[0-9.]+)");

    private FfmpegSilence() {
    }

    static List<Silence> detect(Path in, double noiseDb, long minMicros) {
        List<String> args = List.of("-hide_banner", "-nostats", "-nostdin", "-i", in.toString(), "-vn", "-sn", "-dn",
                "-af", String.format(Locale.ROOT, "silencedetect=noise=%.1fdB:duration=%.3f", noiseDb, minMicros / 1e6),
                "-f", "null", "-");
        ProcessBuilder pb = FfmpegNatives.process(args).redirectErrorStream(true);
        List<Silence> out = new ArrayList<>();
        try {
            Process p = pb.start();
            Long start = null;
            StringBuilder tail = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher s = START.matcher(line);
                    if (s.find()) {
                        start = Math.max(0, Math.round(Double.parseDouble(s.group(1)) * 1e6));
                        continue;
                    }
                    Matcher e = END.matcher(line);
                    if (e.find()) {
                        long end = Math.round(Double.parseDouble(e.group(1)) * 1e6);
                        out.add(new Silence(start == null ? 0 : start, end));
                        start = null;
                        continue;
                    }
                    if (tail.length() < 2000) {
                        tail.append(line).append('\n');
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new MediaException("silence detection took too long: " + in.getFileName());
            }
            if (p.exitValue() != 0) {
                throw new MediaException("silence detection failed: " + tail.toString().strip());
            }
            if (start != null) {
                // silent to the end: the filter reports no end, the file's end is it
                out.add(new Silence(start, Long.MAX_VALUE));
            }
            return out;
        } catch (IOException e) {
            throw new MediaException("silence detection could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("silence detection interrupted");
        }
    }
}
