package org.yingzhi.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_ATTACHMENT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_DATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUYV422;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yingzhi.media.FieldOrder;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.ShotDetector;
import org.yingzhi.media.WaveformPeaks;
import org.yingzhi.media.spec.AudioProxySpec;
import org.yingzhi.media.spec.DeinterlaceSpec;
import org.yingzhi.media.spec.FrameGeometry;
import org.yingzhi.media.spec.ProxySpec;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.WaveformSpec;

/** The only {@link MediaToolkit}: every JavaCV/avformat call of Yingzhi lives in this package. */
@Component
public class FfmpegMediaToolkit implements MediaToolkit {

    private static final int TMCD = fourcc("tmcd");
    private static final int MAX_PACKETS_FOR_TMCD = 2000;

    private final long probeTimeoutMillis;
    private final DeinterlaceSpec deinterlace = DeinterlaceSpec.DEFAULT;

    public FfmpegMediaToolkit() {
        this(Duration.ofSeconds(30));
    }

    /** {@code probeTimeout}: a probe still reading after this long is given up (malformed files can loop for minutes). */
    @Autowired
    public FfmpegMediaToolkit(
            @Value("${yingzhi.media.probe-timeout:30s}") Duration probeTimeout) {
        FfmpegNatives.load();
        this.probeTimeoutMillis = probeTimeout.toMillis();
    }

    /** Tells FFmpeg's I/O to give up once a deadline has passed; checked on every read. */
    private static final class Deadline extends AVIOInterruptCB.Callback_Pointer {
        private final long until;

        Deadline(long millis) {
            this.until = System.currentTimeMillis() + millis;
        }

        @Override
        public int call(Pointer opaque) {
            return System.currentTimeMillis() > until ? 1 : 0;
        }

        boolean passed() {
            return System.currentTimeMillis() > until;
        }
    }

    @Override
    public RawProbe probe(Path file) {
        if (!Files.isReadable(file)) {
            throw new MediaException("file not readable: " + file.getFileName());
        }
        AVFormatContext fc = avformat_alloc_context();
        Deadline deadline = new Deadline(probeTimeoutMillis);
        fc.interrupt_callback().callback(deadline);
        // local files only: a playlist or concat list must not make FFmpeg open other files or URLs
        AVDictionary opts = new AVDictionary(null);
        av_dict_set(opts, "protocol_whitelist", "file", 0);
        int rc = avformat_open_input(fc, file.toString(), null, opts);
        av_dict_free(opts);
        if (rc < 0) {
            // avformat_open_input frees the context on failure
            deadline.close();
            throw new MediaException(deadline.passed() ? tooSlow() : "cannot open as media: " + error(rc));
        }
        try {
            List<String> warnings = new ArrayList<>();
            rc = avformat_find_stream_info(fc, (PointerPointer<?>) null);
            if (rc < 0 && deadline.passed()) {
                throw new MediaException(tooSlow());
            }
            if (rc < 0) {
                warnings.add("stream info incomplete: " + error(rc));
            }
            List<RawProbe.Stream> streams = new ArrayList<>();
            int tmcdIndex = -1;
            for (int i = 0; i < fc.nb_streams(); i++) {
                AVStream st = fc.streams(i);
                AVCodecParameters par = st.codecpar();
                if (par.codec_tag() == TMCD && tmcdIndex < 0) {
                    tmcdIndex = i;
                }
                streams.add(stream(st, par));
            }
            RawProbe.Tmcd tmcd = tmcdIndex >= 0 ? readTmcd(fc, tmcdIndex, warnings) : null;
            long duration = fc.duration() == AV_NOPTS_VALUE ? -1 : fc.duration() * 1_000_000L / AV_TIME_BASE;
            return new RawProbe(string(fc.iformat().name()), string(fc.iformat().long_name()), duration,
                    fc.bit_rate(), Files.size(file), dict(fc.metadata()), streams, tmcd, warnings);
        } catch (IOException e) {
            throw new MediaException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            avformat_close_input(fc);
            deadline.close();
        }
    }

    @Override
    public boolean decodesFirstFrame(Path file) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setOption("protocol_whitelist", "file");
            g.start();
            for (int i = 0; i < 200; i++) {
                Frame f = g.grab();
                if (f == null) {
                    return false;
                }
                if ((f.image != null && f.imageWidth > 0) || (f.samples != null && f.samples.length > 0)) {
                    return true;
                }
            }
            return false;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            return false;
        }
    }

    private String tooSlow() {
        return "cannot open as media: reading its structure took longer than " + probeTimeoutMillis / 1000.0
                + " s (malformed or truncated?)";
    }

    @Override
    public ProxyResult transcodeProxy(Path in, Path out, ProxySpec spec, String timecode) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
            g.setVideoOption("threads", Integer.toString(spec.threads()));
            // decoding straight to YUV420P skips a BGR conversion (27% faster than the default)
            g.setPixelFormat(AV_PIX_FMT_YUV420P);
            g.start();
            if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
                throw new MediaException("no video stream to make a proxy from");
            }
            int height = spec.heightFor(g.getImageWidth(), g.getImageHeight(), g.getAspectRatio());
            FieldOrder order = fieldOrder(g);
            if (order.interlaced()) {
                // fields are separated before scaling, so the grabber hands over whole frames in a one-plane format
                // (JavaCV's filter input takes one plane only) and the filter scales
                g.stop();
                g.setPixelFormat(AV_PIX_FMT_YUYV422);
                g.start();
            } else {
                g.setImageWidth(spec.width());
                g.setImageHeight(height);
            }
            int channels = g.getAudioStream() >= 0 && g.getAudioChannels() > 0
                    ? Math.min(g.getAudioChannels(), spec.maxAudioChannels()) : 0;
            double fps = frameRate(g);
            long frames = 0;
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), spec.width(), height, channels)) {
                r.setFormat("mp4");
                r.setVideoCodecName("libx264");
                r.setPixelFormat(AV_PIX_FMT_YUV420P);
                spec.videoOptions().forEach(r::setVideoOption);
                r.setFrameRate(fps);
                r.setGopSize(spec.gopFrames(fps));
                if (channels > 0) {
                    r.setAudioCodec(AV_CODEC_ID_AAC);
                    r.setAudioBitrate(spec.audioBitrate());
                    r.setSampleRate(g.getSampleRate());
                    r.setAudioChannels(channels);
                }
                spec.muxerOptions().forEach(r::setOption);
                if (timecode != null) {
                    r.setMetadata("timecode", timecode);
                    r.setOption("write_tmcd", "1");
                }
                r.start();
                // the LGPL build silently falls back to MPEG-4 Part 2 when libx264 is missing
                if (r.getVideoCodec() != AV_CODEC_ID_H264) {
                    throw new MediaException("the FFmpeg build has no libx264 (encoder id " + r.getVideoCodec() + ")");
                }
                if (order.interlaced()) {
                    try (FFmpegFrameFilter filter = new FFmpegFrameFilter(
                            deinterlace.motion(order.parity(), spec.width(), height, "yuyv422"),
                            g.getImageWidth(), g.getImageHeight())) {
                        filter.setPixelFormat(AV_PIX_FMT_YUYV422);
                        filter.setFrameRate(fps);
                        filter.start();
                        frames = decodeAndEncode(g, r, filter);
                    }
                } else {
                    frames = decodeAndEncode(g, r, null);
                }
                r.stop();
            }
            return new ProxyResult("h264", spec.width(), height, channels > 0 ? "aac" : null, frames);
        } catch (FrameGrabber.Exception | FrameRecorder.Exception | FrameFilter.Exception e) {
            throw failure("proxy transcode failed", e);
        }
    }

    /**
     * Decodes (and scales) on this thread's helper while the caller's thread encodes, like ffmpeg's own threaded
     * pipeline: run one after the other, x264 sits idle while the decoder works and vice versa. Frames cross in a
     * small bounded queue as copies, because the grabber reuses its buffers.
     */
    private static long decodeAndEncode(FFmpegFrameGrabber g, FFmpegFrameRecorder r, FFmpegFrameFilter filter)
            throws FrameGrabber.Exception, FrameRecorder.Exception {
        BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(16);
        Frame end = new Frame();
        Exception[] decodeError = new Exception[1];
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread decoder = new Thread(() -> {
            try {
                for (Frame f; (f = g.grab()) != null; ) {
                    if (filter != null && f.image != null) {
                        filter.push(f, AV_PIX_FMT_YUYV422);
                        if (!handFiltered(filter, queue, abandoned)) {
                            return;
                        }
                        continue;
                    }
                    Frame copy = f.clone();
                    if (!hand(queue, copy, abandoned)) {
                        copy.close();
                        return;
                    }
                }
                if (filter != null) {
                    filter.push(null); // end of stream: the deinterlacer lets go of the frame it held back
                    handFiltered(filter, queue, abandoned);
                }
            } catch (Exception e) {
                decodeError[0] = e;
            } finally {
                hand(queue, end, abandoned);
            }
        }, "proxy-decode");
        decoder.start();
        long videoFrames = 0;
        try {
            for (Frame f; (f = take(queue)) != end; ) {
                try (Frame owned = f) {
                    if (owned.image != null) {
                        videoFrames++;
                    }
                    if (filter != null && owned.image != null) {
                        r.record(owned, AV_PIX_FMT_YUYV422);
                    } else {
                        r.record(owned);
                    }
                }
            }
        } finally {
            abandoned.set(true);
            try {
                decoder.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Frame f; (f = queue.poll()) != null; ) {
                if (f != end) {
                    f.close();
                }
            }
        }
        if (decodeError[0] instanceof FrameGrabber.Exception ge) {
            throw ge;
        } else if (decodeError[0] != null) {
            throw new MediaException("decoding failed: " + decodeError[0].getMessage(), decodeError[0]);
        }
        return videoFrames;
    }

    /** Hands every frame the filter has ready (as copies: the filter reuses its buffers); false once abandoned. */
    private static boolean handFiltered(FFmpegFrameFilter filter, BlockingQueue<Frame> queue, AtomicBoolean abandoned)
            throws FrameFilter.Exception {
        for (Frame out; (out = filter.pullImage()) != null; ) {
            Frame copy = out.clone();
            if (!hand(queue, copy, abandoned)) {
                copy.close();
                return false;
            }
        }
        return true;
    }

    /** Puts a frame on the queue unless the encoder has given up; never blocks forever. */
    private static boolean hand(BlockingQueue<Frame> q, Frame f,
            AtomicBoolean abandoned) {
        try {
            while (!q.offer(f, 100, TimeUnit.MILLISECONDS)) {
                if (abandoned.get()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Frame take(BlockingQueue<Frame> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException("interrupted while encoding");
        }
    }

    @Override
    public List<BufferedImage> framesAt(Path in, List<Long> micros, int width) {
        List<BufferedImage> out = new ArrayList<>(micros.size());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
            g.setPixelFormat(AV_PIX_FMT_BGR24); // what FfmpegFrames.bgr24 copies
            g.start();
            if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
                throw new MediaException("no video stream to take frames from");
            }
            int height = FrameGeometry.evenHeight(width, g.getImageWidth(), g.getImageHeight(), g.getAspectRatio());
            FieldOrder order = fieldOrder(g);
            String still = order.interlaced() ? deinterlace.still(order.parity(), width, height, "bgr24") : null;
            if (still == null) {
                g.setImageWidth(width);
                g.setImageHeight(height);
            }
            long length = g.getLengthInTime();
            long frameMicros = (long) (1_000_000 / frameRate(g));
            BufferedImage last = null;
            for (long t : micros) {
                long at = length > 0 ? Math.max(0, Math.min(t, length - 2 * frameMicros)) : t;
                g.setVideoTimestamp(at);
                Frame f = g.grabImage();
                BufferedImage img = f == null ? null : still == null ? FfmpegFrames.bgr24(f) : deinterlaced(f, still);
                if (img == null) {
                    if (last == null) {
                        throw new MediaException("no decodable frame at " + at + " us");
                    }
                    img = last;
                }
                out.add(img);
                last = img;
            }
            return out;
        } catch (FrameGrabber.Exception | FrameFilter.Exception e) {
            throw failure("cannot take frames", e);
        }
    }

    /** One interlaced frame through a still deinterlacer (which needs no neighbours) and the scaler. */
    private static BufferedImage deinterlaced(Frame f, String filters) throws FrameFilter.Exception {
        try (FFmpegFrameFilter filter = new FFmpegFrameFilter(filters, f.imageWidth, f.imageHeight)) {
            filter.setPixelFormat(AV_PIX_FMT_BGR24);
            filter.start();
            filter.push(f, AV_PIX_FMT_BGR24);
            filter.push(null);
            Frame out = filter.pullImage();
            return out == null ? null : FfmpegFrames.bgr24(out);
        }
    }

    @Override
    public Waveform waveform(Path in, WaveformSpec spec) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
            g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            g.start();
            if (g.getAudioStream() < 0 || g.getAudioChannels() <= 0) {
                throw new MediaException("no audio stream for a waveform");
            }
            int rate = g.getSampleRate();
            int ch = g.getAudioChannels();
            WaveformPeaks peaks = new WaveformPeaks(spec.samplesPerWindow(rate), ch);
            for (Frame f; (f = g.grabSamples()) != null; ) {
                if (f.samples == null) {
                    continue;
                }
                if (f.samples.length == 1) {
                    peaks.addInterleaved((FloatBuffer) f.samples[0]);
                } else {
                    FloatBuffer[] planes = new FloatBuffer[f.samples.length];
                    for (int i = 0; i < planes.length; i++) {
                        planes[i] = (FloatBuffer) f.samples[i];
                    }
                    peaks.addPlanar(planes);
                }
            }
            return new Waveform(spec.windowMillis(), rate, ch, peaks.min(), peaks.max());
        } catch (FrameGrabber.Exception e) {
            throw failure("cannot decode audio", e);
        }
    }

    @Override
    public void transcodeAudio(Path in, Path out, AudioProxySpec spec) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
            g.start();
            if (g.getAudioStream() < 0 || g.getAudioChannels() <= 0) {
                throw new MediaException("no audio stream to transcode");
            }
            int ch = spec.channelsFor(g.getAudioChannels());
            try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), ch)) {
                r.setFormat("mp4");
                r.setAudioCodec(AV_CODEC_ID_AAC);
                r.setAudioBitrate(spec.bitrate());
                r.setSampleRate(spec.sampleRate());
                r.setAudioChannels(ch);
                r.setOption("movflags", "+faststart");
                r.start();
                for (Frame f; (f = g.grabSamples()) != null; ) {
                    r.record(f);
                }
                r.stop();
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw failure("audio transcode failed", e);
        }
    }

    @Override
    public List<Long> sceneCuts(Path in, SceneSpec spec) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
            g.setPixelFormat(AV_PIX_FMT_GRAY8);
            g.setVideoOption("threads", "2");
            g.start();
            if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
                throw new MediaException("no video stream to analyse");
            }
            int w = spec.analysisWidth();
            int h = Math.max(2, (int) Math.round((double) w * g.getImageHeight() / g.getImageWidth()));
            g.setImageWidth(w);
            g.setImageHeight(h);
            ShotDetector detector = new ShotDetector(spec);
            byte[] cur = new byte[w * h];
            for (Frame f; (f = g.grabImage()) != null; ) {
                ByteBuffer buf = (ByteBuffer) f.image[0];
                int stride = f.imageStride;
                for (int y = 0; y < h; y++) {
                    buf.get(buf.position() + y * stride, cur, y * w, w);
                }
                detector.accept(cur, f.timestamp);
            }
            return detector.cuts();
        } catch (FrameGrabber.Exception e) {
            throw failure("cannot analyse shots", e);
        }
    }

    @Override
    public BufferedImage decodeImage(Path in) {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(in.toFile())) {
            // always 8-bit BGR: Java2DFrameConverter has no colour space for gray, 16-bit or planar frames
            g.setPixelFormat(AV_PIX_FMT_BGR24);
            g.start();
            Frame f = g.grabImage();
            BufferedImage img = f == null ? null : FfmpegFrames.bgr24(f);
            if (img == null) {
                // a JPEG cut short opens fine and yields no frame
                throw new MediaException("the image has no decodable picture (truncated?)");
            }
            return img;
        } catch (FrameGrabber.Exception e) {
            throw failure("cannot decode image", e);
        }
    }

    private static RawProbe.Stream stream(AVStream st, AVCodecParameters par) {
        String type = switch (par.codec_type()) {
            case AVMEDIA_TYPE_VIDEO -> (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0 ? "attachment" : "video";
            case AVMEDIA_TYPE_AUDIO -> "audio";
            case AVMEDIA_TYPE_SUBTITLE -> "subtitle";
            case AVMEDIA_TYPE_ATTACHMENT -> "attachment";
            case AVMEDIA_TYPE_DATA -> "data";
            default -> "unknown";
        };
        AVRational tb = st.time_base();
        long dur = -1;
        if (st.duration() != AV_NOPTS_VALUE && tb.den() > 0) {
            dur = st.duration() * 1_000_000L * tb.num() / tb.den();
        }
        return new RawProbe.Stream(st.index(), type, string(avcodec_get_name(par.codec_id())), fourccString(par.codec_tag()),
                par.width(), par.height(), st.r_frame_rate().num(), st.r_frame_rate().den(),
                st.avg_frame_rate().num(), st.avg_frame_rate().den(), par.bit_rate(), par.sample_rate(),
                par.ch_layout().nb_channels(), dur, st.nb_frames(), dict(st.metadata()),
                sar(st).num(), sar(st).den(), fieldOrder(par.field_order()));
    }

    /** The pixel aspect ratio as ffprobe takes it: the container's, else the codec's. */
    private static AVRational sar(AVStream st) {
        AVRational s = st.sample_aspect_ratio();
        return s.num() > 0 && s.den() > 0 ? s : st.codecpar().sample_aspect_ratio();
    }

    /** ffprobe's word for an AVFieldOrder, or null when unknown. */
    private static String fieldOrder(int order) {
        if (order == avcodec.AV_FIELD_PROGRESSIVE) {
            return "progressive";
        } else if (order == avcodec.AV_FIELD_TT) {
            return "tt";
        } else if (order == avcodec.AV_FIELD_BB) {
            return "bb";
        } else if (order == avcodec.AV_FIELD_TB) {
            return "tb";
        } else if (order == avcodec.AV_FIELD_BT) {
            return "bt";
        }
        return null;
    }

    /**
     * The video's frame rate: the average rate, unless it is not a plausible picture rate (FFmpeg's DV demuxer
     * reports its 1/60000 time base as the average), then the base rate, then 25.
     */
    private static double frameRate(FFmpegFrameGrabber g) {
        AVStream st = g.getFormatContext().streams(g.getVideoStream());
        for (AVRational r : List.of(st.avg_frame_rate(), st.r_frame_rate())) {
            if (r.num() > 0 && r.den() > 0 && (double) r.num() / r.den() <= 300) {
                return (double) r.num() / r.den();
            }
        }
        return 25;
    }

    /** How the grabber's video stream is scanned (see {@link FieldOrder#of}). */
    private static FieldOrder fieldOrder(FFmpegFrameGrabber g) {
        AVStream st = g.getFormatContext().streams(g.getVideoStream());
        AVCodecParameters par = st.codecpar();
        return FieldOrder.of(fieldOrder(par.field_order()), string(avcodec_get_name(par.codec_id())), par.height());
    }

    /** Reads the tmcd sample description and its first sample (a big-endian frame counter). */
    private static RawProbe.Tmcd readTmcd(AVFormatContext fc, int index, List<String> warnings) {
        AVCodecParameters par = fc.streams(index).codecpar();
        int flags = 0;
        int timescale = 0;
        int frameDuration = 0;
        int fps = 0;
        if (par.extradata_size() >= 17) {
            byte[] x = new byte[par.extradata_size()];
            par.extradata().get(x);
            flags = be32(x, 4);
            timescale = be32(x, 8);
            frameDuration = be32(x, 12);
            fps = x[16] & 0xFF;
        } else {
            warnings.add("timecode track without a sample description");
        }
        for (int i = 0; i < fc.nb_streams(); i++) {
            fc.streams(i).discard(i == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL);
        }
        Long counter = null;
        AVPacket pkt = av_packet_alloc();
        try {
            for (int n = 0; n < MAX_PACKETS_FOR_TMCD && av_read_frame(fc, pkt) >= 0; n++) {
                try {
                    if (pkt.stream_index() == index && pkt.size() >= 4) {
                        byte[] b = new byte[4];
                        pkt.data().get(b);
                        counter = be32(b, 0) & 0xFFFFFFFFL;
                        break;
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
        } finally {
            av_packet_free(pkt);
        }
        if (counter == null) {
            warnings.add("timecode track has no readable sample");
        }
        return new RawProbe.Tmcd(index, flags, timescale, frameDuration, fps, counter);
    }

    private static Map<String, String> dict(AVDictionary d) {
        Map<String, String> out = new LinkedHashMap<>();
        if (d == null || d.isNull()) {
            return out;
        }
        AVDictionaryEntry e = null;
        while ((e = av_dict_get(d, "", e, AV_DICT_IGNORE_SUFFIX)) != null && !e.isNull()) {
            out.put(e.key().getString(StandardCharsets.UTF_8), e.value().getString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final Pattern AV_ERROR = Pattern.compile("error (-?\\d+)");

    /**
     * A JavaCV exception as a message fit for users: the FFmpeg error text for its code, without the file path
     * and the developer hints JavaCV appends.
     */
    private static MediaException failure(String what, Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher code = AV_ERROR.matcher(m);
        String reason = code.find() ? error(Integer.parseInt(code.group(1)))
                : m.replaceAll("\"[^\"]*\"", "the file").replaceAll("\\s*\\(.*$", "");
        return new MediaException(what + ": " + reason, e);
    }

    static String error(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    private static String string(BytePointer p) {
        return p == null || p.isNull() ? null : p.getString(StandardCharsets.UTF_8);
    }

    private static int be32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static int fourcc(String s) {
        return s.charAt(0) | s.charAt(1) << 8 | s.charAt(2) << 16 | s.charAt(3) << 24;
    }

    private static String fourccString(int tag) {
        if (tag == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            char c = (char) ((tag >> (8 * i)) & 0xFF);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }
}
