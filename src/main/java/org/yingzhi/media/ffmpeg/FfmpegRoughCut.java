package org.yingzhi.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.yingzhi.media.ffmpeg.FfmpegSupport.failure;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.spec.RoughCutSpec;
import org.yingzhi.timecode.FrameRate;

/**
 * Joins the proxy ranges of a cut into one H.264/AAC MP4 on the record grid, the source timecode and title burnt
 * into each picture. Each segment's source frames are decoded in order from its in-point and pass the burn-in
 * filter; record frame k of a segment shows the source frame on screen at the middle of k (same-rate entries:
 * frame k itself), so an entry lasts exactly its record frames. Its sound is cut or padded with silence to the
 * same length, so picture and sound never drift apart across entries.
 */
final class FfmpegRoughCut {

    MediaToolkit.RenderResult render(RoughCutSpec spec, Path out, LongConsumer progress) {
        FrameRate rate = spec.rate();
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), spec.width(), spec.height(), spec.channels())) {
            r.setFormat("mp4");
            r.setVideoCodecName("libx264");
            r.setPixelFormat(AV_PIX_FMT_YUV420P);
            r.setVideoOption("crf", Integer.toString(spec.crf()));
            r.setVideoOption("preset", spec.preset());
            r.setVideoOption("threads", Integer.toString(spec.threads()));
            r.setFrameRate(rate.fps());
            r.setGopSize((int) Math.round(rate.fps() * 2));
            r.setAudioCodec(AV_CODEC_ID_AAC);
            r.setAudioBitrate(128_000);
            r.setSampleRate(spec.sampleRate());
            r.setAudioChannels(spec.channels());
            r.setOption("movflags", "+faststart");
            r.start();
            if (r.getVideoCodec() != AV_CODEC_ID_H264) {
                throw new MediaException("the FFmpeg build has no libx264 (encoder id " + r.getVideoCodec() + ")");
            }
            long recorded = 0;
            long samplesWritten = 0;
            for (RoughCutSpec.Segment s : spec.segments()) {
                long before = recorded;
                recorded += segment(spec, s, r, done -> progress.accept(before + done));
                // sound up to the end of the picture so far, at the record rate
                long samplesDue = Math.round(recorded * (double) rate.denominator() * spec.sampleRate() / rate.numerator());
                samplesWritten += sound(spec, s, r, samplesDue - samplesWritten);
            }
            r.stop();
            return new MediaToolkit.RenderResult(recorded, samplesWritten);
        } catch (FrameGrabber.Exception | FrameRecorder.Exception | FrameFilter.Exception e) {
            throw failure("rough cut render failed", e);
        }
    }

    /** Records the segment's pictures; returns how many. */
    private long segment(RoughCutSpec spec, RoughCutSpec.Segment s, FFmpegFrameRecorder r, LongConsumer progress)
            throws FrameGrabber.Exception, FrameRecorder.Exception, FrameFilter.Exception {
        long need = s.recordFrames();
        FrameRate src = s.sourceRate();
        FrameRate rec = spec.rate();
        if (s.video() == null) {
            return black(spec, s, r, progress);
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(s.video().toFile())) {
            g.setPixelFormat(AV_PIX_FMT_BGR24);
            g.setVideoOption("threads", Integer.toString(spec.threads()));
            g.start();
            if (g.getVideoStream() < 0) {
                g.stop();
                return black(spec, s, r, progress);
            }
            if (s.fromMicros() > 0) {
                g.setVideoTimestamp(s.fromMicros());
            }
            try (FFmpegFrameFilter f = new FFmpegFrameFilter(spec.filter(g.getImageWidth(), g.getImageHeight(), s),
                    g.getImageWidth(), g.getImageHeight())) {
                f.setPixelFormat(AV_PIX_FMT_BGR24);
                f.setFrameRate(src.fps());
                f.start();
                long k = 0;
                long sourceIndex = -1;
                Frame last = null;
                // decoding and the burn-in run on a helper while this thread encodes (as ffmpeg's own pipeline
                // does): one after the other, x264 waits for the decoder and the decoder for x264
                long wanted = sourceFor(need - 1, src, rec) + 1;
                java.util.concurrent.BlockingQueue<Frame> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
                Frame end = new Frame();
                Exception[] failed = new Exception[1];
                java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
                Thread decoder = new Thread(() -> {
                    try {
                        long made = 0;
                        for (Frame in; made < wanted && !stop.get() && (in = g.grabImage()) != null; ) {
                            f.push(in);
                            for (Frame shown; (shown = f.pullImage()) != null; ) {
                                Frame copy = shown.clone();
                                while (!queue.offer(copy, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                                    // a full queue: the encoder is behind
                                    if (stop.get()) {
                                        copy.close();
                                        return;
                                    }
                                }
                                made++;
                            }
                        }
                    } catch (Exception e) {
                        failed[0] = e;
                    } finally {
                        try {
                            while (!queue.offer(end, 100, java.util.concurrent.TimeUnit.MILLISECONDS) && !stop.get()) {
                                // the encoder is behind: wait for room (it stops taking only when told to stop)
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, "rough-cut-decode");
                decoder.setDaemon(true);
                decoder.start();
                try {
                    for (Frame shown; k < need && (shown = take(queue)) != end; ) {
                        sourceIndex++;
                        if (last != null) {
                            last.close();
                        }
                        last = shown;
                        while (k < need && sourceFor(k, src, rec) <= sourceIndex) {
                            r.record(last, AV_PIX_FMT_BGR24);
                            k++;
                            if (k % 25 == 0) {
                                progress.accept(k);
                            }
                        }
                    }
                    while (k < need && last != null) { // the proxy ended early: hold its last picture
                        r.record(last, AV_PIX_FMT_BGR24);
                        k++;
                    }
                } finally {
                    stop.set(true);
                    for (Frame x; (x = queue.poll()) != null; ) {
                        if (x != end) {
                            x.close();
                        }
                    }
                    try {
                        decoder.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (Frame x; (x = queue.poll()) != null; ) {
                        if (x != end) {
                            x.close();
                        }
                    }
                    if (last != null) {
                        last.close();
                    }
                }
                if (failed[0] instanceof FrameGrabber.Exception ge) {
                    throw ge;
                }
                if (failed[0] instanceof FrameFilter.Exception fe) {
                    throw fe;
                }
                if (failed[0] != null) {
                    throw new MediaException("rough cut decode failed: " + failed[0].getMessage());
                }
                if (k < need) {
                    // nothing decodable: black for the entry's length
                    return k + black(spec, new RoughCutSpec.Segment(null, s.audio(), s.fromMicros(), src, s.sourceIn(),
                            s.sourceFrames(), need - k, s.titleFile()), r, progress);
                }
                progress.accept(k);
                return k;
            }
        }
    }

    private static Frame take(java.util.concurrent.BlockingQueue<Frame> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("rough cut render interrupted");
        }
    }

    /** The source frame (from the in-point) on screen at the middle of record frame k. */
    static long sourceFor(long k, FrameRate src, FrameRate rec) {
        if (src.numerator() == rec.numerator() && src.denominator() == rec.denominator()) {
            return k;
        }
        // (k + 1/2) * (src / rec), floored
        long num = (2 * k + 1) * (long) src.numerator() * rec.denominator();
        long den = 2L * src.denominator() * rec.numerator();
        return num / den;
    }

    /** Black pictures with the burn-in, for a sound-only entry (or a picture that cannot be decoded). */
    private long black(RoughCutSpec spec, RoughCutSpec.Segment s, FFmpegFrameRecorder r, LongConsumer progress)
            throws FrameRecorder.Exception, FrameFilter.Exception {
        int w = spec.width();
        int h = spec.height();
        try (FFmpegFrameFilter f = new FFmpegFrameFilter(spec.filter(w, h, s), w, h);
                Frame black = new Frame(w, h, Frame.DEPTH_UBYTE, 3)) {
            f.setPixelFormat(AV_PIX_FMT_BGR24);
            f.setFrameRate(s.sourceRate().fps());
            f.start();
            ByteBuffer px = (ByteBuffer) black.image[0];
            for (int i = 0; i < px.capacity(); i++) {
                px.put(i, (byte) 0);
            }
            long k = 0;
            long sourceIndex = -1;
            Frame last = null;
            try {
                while (k < s.recordFrames()) {
                    f.push(black);
                    for (Frame shown; (shown = f.pullImage()) != null; ) {
                        sourceIndex++;
                        if (last != null) {
                            last.close();
                        }
                        last = shown.clone();
                        while (k < s.recordFrames() && sourceFor(k, s.sourceRate(), spec.rate()) <= sourceIndex) {
                            r.record(last, AV_PIX_FMT_BGR24);
                            k++;
                        }
                    }
                }
            } finally {
                if (last != null) {
                    last.close();
                }
            }
            progress.accept(k);
            return k;
        }
    }

    /** Records {@code due} samples of the segment's sound from its in-point (silence where it has none); returns due. */
    private long sound(RoughCutSpec spec, RoughCutSpec.Segment s, FFmpegFrameRecorder r, long due)
            throws FrameGrabber.Exception, FrameRecorder.Exception {
        if (due <= 0) {
            return 0;
        }
        int ch = spec.channels();
        long left = due;
        Path file = s.audio() != null ? s.audio() : s.video();
        if (file != null) {
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
                g.setSampleFormat(AV_SAMPLE_FMT_S16);
                g.setSampleRate(spec.sampleRate());
                g.setAudioChannels(ch);
                g.start();
                if (g.getAudioStream() >= 0 && g.getAudioChannels() > 0) {
                    if (s.fromMicros() > 0) {
                        g.setAudioTimestamp(s.fromMicros());
                    }
                    for (Frame f; left > 0 && (f = g.grabSamples()) != null; ) {
                        ShortBuffer b = (ShortBuffer) f.samples[0];
                        int n = b.remaining() / ch;
                        int take = (int) Math.min(n, left);
                        ShortBuffer part = b.duplicate();
                        part.limit(part.position() + take * ch);
                        r.recordSamples(spec.sampleRate(), ch, part.slice());
                        left -= take;
                    }
                }
            }
        }
        while (left > 0) {
            int take = (int) Math.min(left, 4800);
            r.recordSamples(spec.sampleRate(), ch, ShortBuffer.wrap(new short[take * ch]));
            left -= take;
        }
        return due;
    }
}
