package org.yingzhi.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SpriteSpec;

/**
 * Benchmarks behind scripts/bench-proxy and scripts/bench-thumbs, each against a peer measured in the same run:
 * <ul>
 * <li>{@code proxy CLIP [RUNS]}: our proxy encode vs the ffmpeg executable inside the ffmpeg jar with the same
 * settings ({@link ProxySpec#ffmpegArgs}), alternating runs;</li>
 * <li>{@code thumbs CLIP [RUNS]}: a 10-frame sprite by seeking vs decoding the whole clip through.</li>
 * </ul>
 */
public final class MediaBench {

    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MediaBench proxy|thumbs CLIP [RUNS]");
            System.exit(2);
        }
        Path clip = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        FfmpegMediaToolkit toolkit = new FfmpegMediaToolkit();
        RawProbe probe = toolkit.probe(clip);
        double seconds = probe.durationMicros() / 1e6;
        switch (args[0]) {
            case "proxy" -> proxy(toolkit, clip, probe, seconds, runs);
            case "thumbs" -> thumbs(toolkit, clip, probe, runs);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
    }

    private static void proxy(FfmpegMediaToolkit toolkit, Path clip, RawProbe probe, double seconds, int runs)
            throws IOException, InterruptedException {
        ProxySpec spec = ProxySpec.DEFAULT;
        RawProbe.Stream v = probe.streams().stream().filter(s -> s.type().equals("video")).findFirst().orElseThrow();
        int channels = probe.streams().stream().filter(s -> s.type().equals("audio")).mapToInt(RawProbe.Stream::channels)
                .findFirst().orElse(0);
        int height = spec.heightFor(v.width(), v.height(), 1.0);
        double fps = (double) v.rFrameRateNum() / v.rFrameRateDen();
        Path dir = Files.createTempDirectory("bench-proxy");
        Path ours = dir.resolve("ours.mp4");
        Path peer = dir.resolve("peer.mp4");
        List<String> peerArgs = spec.ffmpegArgs(clip.toString(), peer.toString(), height, fps, channels, null);
        System.out.printf(Locale.ROOT, "clip: %s, %dx%d, %.3f fps, %.1f s; proxy %dx%d crf %d %s, GOP %d%n",
                clip.getFileName(), v.width(), v.height(), fps, seconds, spec.width(), height, spec.crf(), spec.preset(),
                spec.gopFrames(fps));
        System.out.println("peer: ffmpeg " + String.join(" ", peerArgs));
        double[] a = new double[runs];
        double[] b = new double[runs];
        for (int i = 0; i < runs; i++) {
            // alternate which goes first so that neither always meets a cold page cache
            if (i % 2 == 0) {
                a[i] = timeOurs(toolkit, clip, ours, spec);
                b[i] = timePeer(peerArgs);
            } else {
                b[i] = timePeer(peerArgs);
                a[i] = timeOurs(toolkit, clip, ours, spec);
            }
            System.out.printf(Locale.ROOT, "run %d: yingzhi %.2f s, ffmpeg %.2f s%n", i + 1, a[i], b[i]);
        }
        RawProbe check = toolkit.probe(ours);
        String codec = check.streams().get(0).codec();
        double ma = median(a);
        double mb = median(b);
        System.out.printf(Locale.ROOT, "yingzhi proxy: median %.2f s, %.1fx realtime (%s %dx%d)%n", ma, seconds / ma, codec,
                check.streams().get(0).width(), check.streams().get(0).height());
        System.out.printf(Locale.ROOT, "ffmpeg executable: median %.2f s, %.1fx realtime%n", mb, seconds / mb);
        System.out.printf(Locale.ROOT, "ratio yingzhi/ffmpeg time: %.3f (goal <= 1.0)%n", ma / mb);
    }

    private static double timeOurs(MediaToolkit toolkit, Path clip, Path out, ProxySpec spec) {
        long t0 = System.nanoTime();
        toolkit.transcodeProxy(clip, out, spec, null);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double timePeer(List<String> args) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = FfmpegNatives.process(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + out);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void thumbs(FfmpegMediaToolkit toolkit, Path clip, RawProbe probe, int runs) throws Exception {
        SpriteSpec spec = new SpriteSpec(10, 5, 160, 0.8f);
        List<Long> times = spec.tileTimes(probe.durationMicros());
        double[] seek = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            int n = toolkit.framesAt(clip, times, spec.tileWidth()).size();
            seek[i] = (System.nanoTime() - t0) / 1e9;
            if (n != 10) {
                throw new IllegalStateException("expected 10 frames, got " + n);
            }
            System.out.printf(Locale.ROOT, "run %d: 10-frame sprite by seeking %.3f s%n", i + 1, seek[i]);
        }
        long t0 = System.nanoTime();
        long frames = decodeThrough(clip, times, spec.tileWidth());
        double through = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "clip: %s, %.0f s; decoding through took %.2f s (%d frames, once)%n",
                clip.getFileName(), probe.durationMicros() / 1e6, through, frames);
        System.out.printf(Locale.ROOT, "sprite by seeking: median %.3f s; %.0fx faster than decoding through%n",
                median(seek), through / median(seek));
    }

    /** The naive way: decode every frame, keep the ones nearest the tile times. */
    private static long decodeThrough(Path clip, List<Long> times, int width) throws Exception {
        long n = 0;
        int next = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
            g.start();
            g.setImageWidth(width);
            g.setImageHeight(Math.max(2, width * g.getImageHeight() / g.getImageWidth()));
            List<Long> kept = new ArrayList<>();
            for (Frame f; (f = g.grabImage()) != null; ) {
                n++;
                if (next < times.size() && f.timestamp >= times.get(next)) {
                    kept.add(f.timestamp);
                    next++;
                }
            }
            if (kept.size() != times.size()) {
                throw new IllegalStateException("decoding through kept " + kept.size() + " frames");
            }
        }
        return n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
