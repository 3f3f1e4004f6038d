package org.yingzhi.cut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.yingzhi.media.ffmpeg.FfmpegMediaToolkit;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.RoughCutSpec;
import org.yingzhi.support.TestMedia;
import org.yingzhi.timecode.FrameRate;
import org.yingzhi.timecode.Timecode;

/**
 * scripts/bench-cuts: (1) every export of a 500-entry cut (the two sample clips' ranges alternating, a 25 fps one
 * in a 29.97 drop-frame cut), median of N runs; (2) the rough-cut render of a 24-entry cut of two generated
 * 30-second proxies against the bundled ffmpeg executable doing the same join (the same drawtext burn-in, fitting,
 * rate conversion and encoder settings, one filter graph) in the same run, alternating; prints the ratio.
 */
public final class CutBench {

    private CutBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        exports(runs);
        render(Math.max(1, Math.min(runs, 3)));
    }

    static void exports(int runs) {
        List<CutEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(i % 2 == 0
                    ? CutFixtures.entry("e" + i, CutFixtures.DF_ID, "01:00:59;12", "01:01:00;08", 0, true, List.of(1, 2), "第 " + i + " 条")
                    : CutFixtures.entry("e" + i, CutFixtures.PAL_ID, "10:00:00:05", "10:00:01:10", i % 10 == 1 ? 8 : 0, true, List.of(1), null));
        }
        CutSheet sheet = CutFixtures.sheet(CutFixtures.cut(FrameRate.FPS_29_97_DF, "01:00:00;00",
                entries.toArray(new CutEntry[0])));
        System.out.printf("exports of a 500-entry cut (%d record frames), median of %d runs:%n", sheet.totalFrames(), runs);
        time("edl", runs, () -> EdlFormat.write(sheet, 8).length());
        time("otio", runs, () -> OtioFormat.write(sheet).length());
        time("xmeml v5", runs, () -> XmemlFormat.write(sheet, 5).length());
        time("fcpxml", runs, () -> FcpxmlFormat.write(sheet).length());
        time("csv", runs, () -> ShotListFormat.csv(sheet).length);
        time("xlsx", runs, () -> ShotListFormat.xlsx(sheet, Map.of()).length);
        time("edl read", runs, () -> EdlFormat.read(EdlFormat.write(sheet, 8)).events().size());
    }

    private static void time(String name, int runs, Supplier<Integer> work) {
        work.get(); // warm up
        long[] ms = new long[runs];
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            size = work.get();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("  %-9s %6d ms  (%,d bytes or items)%n", name, ms[runs / 2], size);
    }

    static void render(int runs) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/bench/cuts"));
        FfmpegMediaToolkit toolkit = new FfmpegMediaToolkit();
        Path df = dir.resolve("df-proxy.mp4");
        Path pal = dir.resolve("pal-proxy.mp4");
        if (!Files.exists(df)) {
            Path src = dir.resolve("df-src.mov");
            TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30000/1001:duration=30", "-f", "lavfi", "-i",
                    "sine=frequency=440:sample_rate=48000:duration=30", "-ac", "2", "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-timecode", "01:00:00;00", src.toString());
            toolkit.transcodeProxy(src, df, ProxySpec.DEFAULT, "01:00:00;00");
        }
        if (!Files.exists(pal)) {
            Path src = dir.resolve("pal-src.mp4");
            TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=size=1024x576:rate=25:duration=30", "-f", "lavfi", "-i",
                    "sine=frequency=660:sample_rate=48000:duration=30", "-ac", "2", "-c:v", "libx264", "-preset", "veryfast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", src.toString());
            toolkit.transcodeProxy(src, pal, ProxySpec.DEFAULT, "10:00:00:00");
        }
        FrameRate rec = FrameRate.FPS_29_97_DF;
        Path title = Files.writeString(dir.resolve("title.txt"), "援藏二十年 粗剪");
        List<RoughCutSpec.Segment> segments = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 24; i++) {
            boolean isDf = i % 2 == 0;
            FrameRate r = isDf ? FrameRate.FPS_29_97_DF : FrameRate.FPS_25;
            long from = (i / 2) * 2L * r.timecodeBase() + 3;
            long frames = 2L * r.timecodeBase();
            long recFrames = CutSheet.conform(frames, r, rec);
            Timecode start = isDf ? Timecode.parse("01:00:00;00", r) : Timecode.parse("10:00:00:00", r);
            segments.add(new RoughCutSpec.Segment(isDf ? df : pal, null, Timecode.microsForFrames(from, r), r,
                    start.plusFrames(from).toString(), frames, recFrames, title));
            total += recFrames;
        }
        RoughCutSpec spec = RoughCutSpec.of(rec, Path.of(CutRenderHandler.DEFAULT_FONT), segments);
        List<String> peer = peerCommand(spec, dir.resolve("peer.mp4"));
        long[] ours = new long[runs];
        long[] theirs = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            toolkit.renderRoughCut(spec, dir.resolve("ours.mp4"), done -> { });
            ours[i] = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            TestMedia.ffmpeg(peer.toArray(new String[0]));
            theirs[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ours);
        Arrays.sort(theirs);
        double seconds = total * rec.denominator() / (double) rec.numerator();
        System.out.printf("rough cut of 24 entries (%.1f s at 640x360), median of %d runs:%n", seconds, runs);
        System.out.printf("  Yingzhi (JavaCV)     %6d ms  %5.1fx realtime%n", ours[runs / 2], seconds * 1000 / ours[runs / 2]);
        System.out.printf("  ffmpeg executable    %6d ms  %5.1fx realtime%n", theirs[runs / 2], seconds * 1000 / theirs[runs / 2]);
        System.out.printf("  ratio Yingzhi/ffmpeg %.2f%n", ours[runs / 2] / (double) theirs[runs / 2]);
    }

    /** The same join as one ffmpeg command: per segment an accurate input seek, the same fitting and burn-in, then concat. */
    static List<String> peerCommand(RoughCutSpec spec, Path out) {
        List<String> cmd = new ArrayList<>();
        StringBuilder graph = new StringBuilder();
        StringBuilder concat = new StringBuilder();
        for (int i = 0; i < spec.segments().size(); i++) {
            RoughCutSpec.Segment s = spec.segments().get(i);
            double seconds = s.recordFrames() * spec.rate().denominator() / (double) spec.rate().numerator();
            cmd.addAll(List.of("-ss", String.valueOf(s.fromMicros() / 1e6), "-t",
                    String.valueOf(s.sourceFrames() * s.sourceRate().denominator() / (double) s.sourceRate().numerator()),
                    "-i", s.video().toString()));
            graph.append('[').append(i).append(":v]").append(spec.filter(0, 0, s)).append(",fps=").append(spec.rate().rational())
                    .append(",format=yuv420p[v").append(i).append("];");
            graph.append('[').append(i).append(":a]aresample=").append(spec.sampleRate())
                    .append(",aformat=channel_layouts=stereo,apad,atrim=0:").append(seconds).append("[a").append(i).append("];");
            concat.append("[v").append(i).append("][a").append(i).append(']');
        }
        graph.append(concat).append("concat=n=").append(spec.segments().size()).append(":v=1:a=1[v][a]");
        cmd.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-map", "[a]", "-c:v", "libx264",
                "-preset", spec.preset(), "-crf", String.valueOf(spec.crf()), "-threads", String.valueOf(spec.threads()),
                "-g", String.valueOf(Math.round(spec.rate().fps() * 2)), "-c:a", "aac", "-b:a", "128k",
                "-movflags", "+faststart", out.toString()));
        return cmd;
    }
}
