package org.yingzhi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A short Mandarin interview spoken by espeak-ng ({@code -v cmn}, no final pause): the first sentence, 1.5 s of
 * silence, the second sentence, as 16-bit WAV. Its cue times are known from the parts' own lengths.
 */
public record SpokenInterview(Path file, long firstEndMillis, long secondStartMillis, long endMillis) {

    public static final String FIRST = "一九九五年五月，我们从成都出发。";
    public static final String SECOND = "拉萨市人民医院只有一台光机。";
    public static final long GAP_MILLIS = 1500;

    public static SpokenInterview make(Path dir) throws IOException, InterruptedException {
        Path a = dir.resolve("first.wav");
        Path b = dir.resolve("second.wav");
        speak(FIRST, a);
        speak(SECOND, b);
        Path out = dir.resolve("口述-张晓明.wav");
        TestMedia.ffmpeg("-y", "-i", a.toString(), "-f", "lavfi", "-t", String.valueOf(GAP_MILLIS / 1000.0), "-i",
                "anullsrc=r=22050:cl=mono", "-i", b.toString(), "-filter_complex", "[0:a][1:a][2:a]concat=n=3:v=0:a=1",
                "-c:a", "pcm_s16le", "-ar", "22050", out.toString());
        long first = millis(a);
        long second = millis(b);
        return new SpokenInterview(out, first, first + GAP_MILLIS, first + GAP_MILLIS + second);
    }

    private static void speak(String text, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("espeak-ng", "-z", "-v", "cmn", "-w", out.toString(), text))
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || !Files.isRegularFile(out)) {
            throw new IllegalStateException("espeak-ng failed (scripts/setup installs it): " + said);
        }
    }

    /** The length of a 16-bit mono WAV from its data chunk. */
    private static long millis(Path wav) throws IOException {
        byte[] b = Files.readAllBytes(wav);
        int rate = (b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16;
        int channels = b[22];
        for (int i = 12; i + 8 <= b.length; ) {
            String id = new String(b, i, 4);
            int size = (b[i + 4] & 0xFF) | (b[i + 5] & 0xFF) << 8 | (b[i + 6] & 0xFF) << 16 | (b[i + 7] & 0xFF) << 24;
            if (id.equals("data")) {
                int len = Math.min(size, b.length - i - 8);
                return Math.round(len / 2.0 / channels * 1000.0 / rate);
            }
            i += 8 + size;
        }
        throw new IllegalStateException("no data chunk in " + wav);
    }

    /** A WebVTT transcript of it with the known times. */
    public String vtt() {
        return "WEBVTT\n\n" + clock(0) + " --> " + clock(firstEndMillis) + "\n<v 张晓明>" + FIRST + "\n\n"
                + clock(secondStartMillis) + " --> " + clock(endMillis) + "\n<v 张晓明>" + SECOND + "\n";
    }

    public static String clock(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
