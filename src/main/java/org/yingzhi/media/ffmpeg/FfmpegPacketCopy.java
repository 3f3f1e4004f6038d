package org.yingzhi.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.yingzhi.media.ffmpeg.FfmpegSupport.error;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;

/**
 * The packet copy of a time range (what {@code ffmpeg -ss A -to B -c copy} does): every video and audio stream's
 * packets from the keyframe at or before the start up to the end, written unchanged into a new container, their
 * times shifted so the copy starts at zero. Long-GOP material is cut at keyframes, so the copy can start before the
 * range asked for; it says where it really starts. Subclips are made this way, never by re-muxing boxes by hand.
 */
final class FfmpegPacketCopy {

    MediaToolkit.CopyResult copyRange(Path in, Path out, long fromMicros, long toMicros) {
        return copy(in, out, fromMicros, toMicros, null);
    }

    /**
     * The subclip of a range: packets from the keyframe at or before the in-point, their times shifted so the
     * in-point is at zero (the packets before it get negative times, which the MOV/MP4 muxer turns into an edit list
     * that starts the picture and sound at the in-point); video packets up to the last one decoded before the
     * out-point (so every frame shown before it decodes; the edit list's end is set exactly afterwards, by box work),
     * audio up to the out-point; the subclip's own start timecode in a timecode track, and metadata.
     */
    MediaToolkit.SubclipResult subclip(Path in, Path out, MediaToolkit.SubclipSpec spec) {
        MediaToolkit.CopyResult r = copy(in, out, spec.fromMicros(), spec.toMicros(), spec);
        return new MediaToolkit.SubclipResult(r.startMicros(), spec.fromMicros(), spec.toMicros(), r.packets());
    }

    private MediaToolkit.CopyResult copy(Path in, Path out, long fromMicros, long toMicros, MediaToolkit.SubclipSpec sub) {
        if (toMicros <= fromMicros) {
            throw new MediaException("the range to copy ends before it starts");
        }
        AVFormatContext ic = new AVFormatContext(null);
        AVFormatContext oc = new AVFormatContext(null);
        AVPacket pkt = av_packet_alloc();
        boolean headerWritten = false;
        try {
            check(avformat_open_input(ic, in.toString(), null, null), "cannot open as media");
            check(avformat_find_stream_info(ic, (PointerPointer<?>) null), "stream info incomplete");
            check(avformat_alloc_output_context2(oc, null, null, out.toString()), "no container for " + out.getFileName());
            int n = ic.nb_streams();
            int video = -1;
            int[] map = new int[n];
            int mapped = 0;
            for (int i = 0; i < n; i++) {
                AVStream ist = ic.streams(i);
                int type = ist.codecpar().codec_type();
                if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) {
                    map[i] = -1;
                    continue;
                }
                if (type == AVMEDIA_TYPE_VIDEO && video < 0) {
                    video = i;
                }
                AVStream ost = avformat_new_stream(oc, null);
                check(avcodec_parameters_copy(ost.codecpar(), ist.codecpar()), "stream parameters");
                ost.codecpar().codec_tag(0); // let the output container choose its own tag for the codec
                ost.time_base(ist.time_base());
                ost.avg_frame_rate(ist.avg_frame_rate()); // the muxer's timecode track needs the frame rate
                ost.r_frame_rate(ist.r_frame_rate());
                if (sub != null && type == AVMEDIA_TYPE_VIDEO && video == i && sub.timecode() != null) {
                    AVDictionary md = new AVDictionary(null); // a new stream has no metadata yet
                    av_dict_set(md, "timecode", sub.timecode(), 0); // the muxer writes it as a tmcd track
                    ost.metadata(md);
                }
                map[i] = mapped++;
            }
            if (mapped == 0) {
                throw new MediaException("no video or audio stream to copy");
            }
            if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext pb = new AVIOContext(null);
                check(avio_open(pb, out.toString(), AVIO_FLAG_WRITE), "cannot write " + out.getFileName());
                oc.pb(pb);
            }
            if (sub != null && !sub.metadata().isEmpty()) {
                AVDictionary md = oc.metadata() == null || oc.metadata().isNull() ? new AVDictionary(null) : oc.metadata();
                for (var e : sub.metadata().entrySet()) {
                    av_dict_set(md, e.getKey(), e.getValue(), 0);
                }
                oc.metadata(md);
            }
            check(avformat_write_header(oc, (PointerPointer<?>) null), "cannot write the container header");
            headerWritten = true;
            long seekTo = fromMicros + (ic.start_time() == AV_NOPTS_VALUE ? 0 : ic.start_time());
            check(av_seek_frame(ic, -1, seekTo, AVSEEK_FLAG_BACKWARD), "cannot seek");
            AVRational micros = new AVRational().num(1).den(AV_TIME_BASE);
            long[] first = new long[n];
            java.util.Arrays.fill(first, AV_NOPTS_VALUE);
            long start = Long.MAX_VALUE;
            long end = 0;
            long packets = 0;
            boolean[] done = new boolean[n];
            int open = mapped;
            while (open > 0 && av_read_frame(ic, pkt) >= 0) {
                try {
                    int s = pkt.stream_index();
                    if (s >= n || map[s] < 0 || done[s]) {
                        continue;
                    }
                    AVStream ist = ic.streams(s);
                    long ts = pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                    long at = ts == AV_NOPTS_VALUE ? 0 : av_rescale_q(ts, ist.time_base(), micros)
                            - (ic.start_time() == AV_NOPTS_VALUE ? 0 : ic.start_time());
                    long decodeAt = pkt.dts() == AV_NOPTS_VALUE ? at : av_rescale_q(pkt.dts(), ist.time_base(), micros)
                            - (ic.start_time() == AV_NOPTS_VALUE ? 0 : ic.start_time());
                    // a subclip keeps the video packets decoded before the out-point: frames shown before it may
                    // refer to a later one (B-frames)
                    if ((sub != null && s == video ? decodeAt : at) >= toMicros) {
                        done[s] = true;
                        open--;
                        continue;
                    }
                    if (first[s] == AV_NOPTS_VALUE) {
                        first[s] = sub != null
                                ? av_rescale_q(fromMicros + (ic.start_time() == AV_NOPTS_VALUE ? 0 : ic.start_time()), micros, ist.time_base())
                                : pkt.dts() != AV_NOPTS_VALUE ? pkt.dts() : ts;
                        if (s == video || video < 0) { // the cut is where the picture starts (audio primes earlier)
                            start = Math.min(start, at);
                        }
                    }
                    long shift = first[s];
                    if (pkt.pts() != AV_NOPTS_VALUE) {
                        pkt.pts(pkt.pts() - shift);
                    }
                    if (pkt.dts() != AV_NOPTS_VALUE) {
                        pkt.dts(pkt.dts() - shift);
                    }
                    end = Math.max(end, at + av_rescale_q(pkt.duration(), ist.time_base(), micros));
                    AVStream ost = oc.streams(map[s]);
                    av_packet_rescale_ts(pkt, ist.time_base(), ost.time_base());
                    pkt.stream_index(map[s]);
                    pkt.pos(-1);
                    check(av_interleaved_write_frame(oc, pkt), "cannot write a packet");
                    packets++;
                } finally {
                    av_packet_unref(pkt);
                }
            }
            check(av_write_trailer(oc), "cannot finish the container");
            headerWritten = false;
            return new MediaToolkit.CopyResult(start == Long.MAX_VALUE ? fromMicros : start, end, packets);
        } finally {
            if (headerWritten) {
                av_write_trailer(oc);
            }
            av_packet_free(pkt);
            avformat_close_input(ic);
            if (!oc.isNull()) {
                if (oc.oformat() != null && !oc.oformat().isNull() && (oc.oformat().flags() & AVFMT_NOFILE) == 0
                        && oc.pb() != null && !oc.pb().isNull()) {
                    avio_closep(oc.pb());
                }
                avformat_free_context(oc);
            }
        }
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new MediaException(what + ": " + error(rc));
        }
    }
}
