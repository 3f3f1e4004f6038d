package org.yingzhi.media.ffmpeg;

import static org.yingzhi.media.ffmpeg.FfmpegSupport.fieldOrder;
import static org.yingzhi.media.ffmpeg.FfmpegSupport.string;
import static org.yingzhi.media.ffmpeg.FfmpegSupport.error;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.RawProbe;
import org.yingzhi.media.RecordingFacts;

/**
 * Raw probing: container, streams and tags as ffprobe reports them, the tmcd track's sample description and first
 * sample read from packets (FFmpeg exposes no timecode for it), and whether the first frame decodes. A probe that
 * reads for longer than its timeout is given up through FFmpeg's interrupt callback.
 */
final class FfmpegProbe {


    private static final int TMCD = fourcc("tmcd");
    private static final int MAX_PACKETS_FOR_TMCD = 2000;

    private final long probeTimeoutMillis;

    FfmpegProbe(long probeTimeoutMillis) {
        this.probeTimeoutMillis = probeTimeoutMillis;
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

    RawProbe probe(Path file) {
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
            Map<String, String> facts = new LinkedHashMap<>(RecordingFacts.read(file));
            long playable = playableMicros(fc, Files.size(file));
            if (playable >= 0) {
                facts.put("playable.micros", Long.toString(playable));
            }
            for (int i = 0; i < streams.size(); i++) {
                RawProbe.Stream s = streams.get(i);
                if (s.type().equals("video")) {
                    // AVCHD (MTS/M2TS) keeps MDPM in its H.264 SEI; exiftool reads it there only, and so does this
                    if (s.codec().equals("h264") && string(fc.iformat().name()).startsWith("mpegts")) {
                        facts.putAll(mdpm(fc, s.index()));
                        av_seek_frame(fc, -1, 0, avformat.AVSEEK_FLAG_BACKWARD);
                    }
                    if (FieldScan.undecided(s.fieldOrder(), s.codec())) {
                        // the parser could not tell (field pictures): the decoded pictures say
                        streams.set(i, s.withFieldOrder(FieldScan.fromFrames(fc, s.index())));
                        av_seek_frame(fc, -1, 0, avformat.AVSEEK_FLAG_BACKWARD);
                    }
                    break;
                }
            }
            RawProbe.Tmcd tmcd = tmcdIndex >= 0 ? readTmcd(fc, tmcdIndex, warnings) : null;
            long duration = fc.duration() == AV_NOPTS_VALUE ? -1 : fc.duration() * 1_000_000L / AV_TIME_BASE;
            return new RawProbe(string(fc.iformat().name()), string(fc.iformat().long_name()), duration,
                    fc.bit_rate(), Files.size(file), dict(fc.metadata()), streams, tmcd, warnings, facts);
        } catch (IOException e) {
            throw new MediaException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        } finally {
            avformat_close_input(fc);
            deadline.close();
        }
    }

    boolean decodesFirstFrame(Path file) {
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

    /**
     * For a file whose index (MP4/MOV sample tables, AVI idx1) points past its end: how far the media present
     * reaches, from the last indexed sample of each audio or video stream that lies wholly inside the file; -1 when
     * every indexed sample is there (or there is no index).
     */
    private static long playableMicros(AVFormatContext fc, long fileSize) {
        boolean cut = false;
        long reach = 0;
        for (int i = 0; i < fc.nb_streams(); i++) {
            AVStream st = fc.streams(i);
            int type = st.codecpar().codec_type();
            int n = avformat.avformat_index_get_entries_count(st);
            if ((type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) || n <= 0 || st.time_base().den() <= 0) {
                continue;
            }
            org.bytedeco.ffmpeg.avformat.AVIndexEntry last = avformat.avformat_index_get_entry(st, n - 1);
            if (last == null || last.isNull() || last.pos() + last.size() <= fileSize) {
                continue;
            }
            cut = true;
            // the last entry whose bytes are all in the file (entries are in file order within a stream)
            int lo = 0;
            int hi = n - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                org.bytedeco.ffmpeg.avformat.AVIndexEntry e = avformat.avformat_index_get_entry(st, mid);
                if (e.pos() + e.size() <= fileSize) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found < 0) {
                continue;
            }
            long start = st.start_time() != AV_NOPTS_VALUE ? st.start_time()
                    : avformat.avformat_index_get_entry(st, 0).timestamp();
            long ts = avformat.avformat_index_get_entry(st, found).timestamp() - start;
            // up to the next entry's time: the found sample itself is there in full
            long next = found + 1 < n ? avformat.avformat_index_get_entry(st, found + 1).timestamp() - start : ts;
            AVRational tb = st.time_base();
            reach = Math.max(reach, next * 1_000_000L * tb.num() / tb.den());
        }
        return cut ? reach : -1;
    }

    private static final int MAX_PACKETS_FOR_MDPM = 60;

    /** AVCHD's MDPM from the SEI of the first access units of an H.264 stream (see {@link RecordingFacts#mdpm}). */
    private static Map<String, String> mdpm(AVFormatContext fc, int index) {
        for (int i = 0; i < fc.nb_streams(); i++) {
            fc.streams(i).discard(i == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL);
        }
        AVPacket pkt = av_packet_alloc();
        try {
            for (int n = 0; n < MAX_PACKETS_FOR_MDPM && av_read_frame(fc, pkt) >= 0; n++) {
                try {
                    if (pkt.stream_index() == index && pkt.size() > 0) {
                        byte[] b = new byte[Math.min(pkt.size(), 64 * 1024)];
                        pkt.data().get(b);
                        Map<String, String> m = RecordingFacts.mdpm(b);
                        if (!m.isEmpty()) {
                            return m;
                        }
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            return Map.of();
        } finally {
            av_packet_free(pkt);
            for (int i = 0; i < fc.nb_streams(); i++) {
                fc.streams(i).discard(AVDISCARD_DEFAULT);
            }
        }
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
