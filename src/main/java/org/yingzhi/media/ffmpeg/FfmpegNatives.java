package org.yingzhi.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.ffmpeg;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the FFmpeg natives once, failing start-up with a clear reason when they cannot load. */
public final class FfmpegNatives {

    private static final Logger log = LoggerFactory.getLogger(FfmpegNatives.class);
    private static volatile boolean loaded;

    private FfmpegNatives() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        // JavaCPP's own logger goes through SLF4J, so FFmpeg messages reach our log configuration
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        try {
            FFmpegFrameGrabber.tryLoad();
            FFmpegFrameRecorder.tryLoad();
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new IllegalStateException("FFmpeg natives failed to load (on Debian, libpulse0 must be installed: "
                    + "run scripts/setup): " + e.getMessage(), e);
        }
        av_log_set_level(AV_LOG_WARNING);
        FFmpegLogCallback.setLevel(AV_LOG_WARNING);
        FFmpegLogCallback.set();
        loaded = true;
        log.info("FFmpeg natives loaded");
    }

    /** Path of the ffmpeg executable that ships in the same jar: the reference for benchmarks and test media. */
    public static String executable() {
        return Loader.load(ffmpeg.class);
    }

    /** A process running that executable with the given arguments; its shared libraries sit beside it. */
    public static ProcessBuilder process(List<String> args) {
        return process(executable(), args);
    }

    /** The same for the jar's ffprobe. */
    public static ProcessBuilder probeProcess(List<String> args) {
        return process(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), args);
    }

    private static ProcessBuilder process(String exe, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        String dir = Path.of(exe).getParent().toString();
        String old = System.getenv("LD_LIBRARY_PATH");
        pb.environment().put("LD_LIBRARY_PATH", old == null || old.isEmpty() ? dir : dir + ":" + old);
        return pb;
    }
}
