package org.yingzhi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.yingzhi.media.ffmpeg.FfmpegNatives;

/** Makes test media with the ffmpeg executable shipped inside the ffmpeg jar (same libraries as the service). */
public final class TestMedia {

    private TestMedia() {
    }

    public static void ffmpeg(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        Process p = FfmpegNatives.process(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }

    /** Runs a reference tool (mediainfo, exiftool) and returns what it prints on standard output. */
    public static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    /** Runs the jar's ffprobe and returns what it prints. */
    public static String ffprobe(String... args) throws IOException, InterruptedException {
        Process p = FfmpegNatives.probeProcess(List.of(args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("ffprobe failed: " + out);
        }
        return out;
    }

    /** Three one-second shots (bars, SMPTE bars, red) at 25 fps with timecode 10:00:00:00: cuts at 1 s and 2 s. */
    public static Path threeShots(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("three-shots.mp4");
        if (!Files.exists(out)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1",
                    "-f", "lavfi", "-i", "smptebars=size=320x240:rate=25:duration=1",
                    "-f", "lavfi", "-i", "color=c=red:size=320x240:rate=25:duration=1",
                    "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0", "-c:v", "libx264", "-preset", "veryfast",
                    "-g", "25", "-pix_fmt", "yuv420p", "-timecode", "10:00:00:00", out.toString());
        }
        return out;
    }

    /** A clip long enough that its proxy takes seconds to encode (for the crash test). */
    public static Path longClip(Path dir, int seconds) throws IOException, InterruptedException {
        return testsrc720p(dir.resolve("long-" + seconds + "s.mp4"), seconds, List.of("-timecode", "01:00:00:00"));
    }

    /** A long 720p clip of few bytes (high CRF): its proxy, sprite and scenes take many seconds, its upload does not. */
    public static Path longSmallClip(Path dir, int seconds) throws IOException, InterruptedException {
        return testsrc720p(dir.resolve("long-small-" + seconds + "s.mp4"), seconds,
                List.of("-crf", "40", "-b:a", "64k"));
    }

    /** testsrc2 at 1280x720 25 fps with a 440 Hz tone, x264 ultrafast, made once. */
    private static Path testsrc720p(Path out, int seconds, List<String> extra) throws IOException, InterruptedException {
        if (!Files.exists(out)) {
            List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=" + seconds,
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac"));
            args.addAll(extra);
            args.add(out.toString());
            ffmpeg(args.toArray(String[]::new));
        }
        return out;
    }

    /**
     * A camera-like JPEG with real embedded metadata, as exiftool writes it: IPTC caption and By-line (UTF-8), EXIF
     * DateTimeOriginal and GPS. {@code seed} makes its pixels (and so its hash) its own.
     */
    public static Path photoWith(Path dir, String name, int seed, String caption, String byline, String dateTimeOriginal,
            double lat, double lon) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        ffmpeg("-f", "lavfi", "-i", String.format("color=c=0x%06x:size=640x480", seed & 0xffffff), "-f", "lavfi",
                "-i", "testsrc=size=640x480", "-filter_complex", "[0][1]blend=all_mode=average", "-frames:v", "1",
                "-q:v", "3", out.toString());
        Process p = new ProcessBuilder("exiftool", "-q", "-overwrite_original", "-charset", "iptc=UTF8",
                "-IPTC:CodedCharacterSet=UTF8", "-IPTC:Caption-Abstract=" + caption, "-IPTC:By-line=" + byline,
                "-EXIF:Make=Canon", "-EXIF:Model=Canon EOS 5D", "-EXIF:DateTimeOriginal=" + dateTimeOriginal,
                "-GPSLatitude=" + Math.abs(lat), "-GPSLatitudeRef=" + (lat >= 0 ? "N" : "S"),
                "-GPSLongitude=" + Math.abs(lon), "-GPSLongitudeRef=" + (lon >= 0 ? "E" : "W"), out.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("exiftool failed: " + said);
        }
        return out;
    }

    /** A short 16-bit PCM WAV whose content depends on {@code seed}, so every one hashes differently. */
    public static byte[] wav(int seed, double seconds) {
        int rate = 8000;
        int n = (int) (rate * seconds);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + n * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(n * 2);
        double f = 200 + seed * 7;
        for (int i = 0; i < n; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * f * i / rate) * 8000));
        }
        return b.array();
    }
}
