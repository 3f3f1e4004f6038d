package org.yingzhi.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The scan of a video stream whose container and parser do not say (H.264 coded as field pictures, as AVCHD
 * camcorders record 1080i, leaves FFmpeg's field order unknown and its base rate at the field rate): the first
 * decoded pictures carry the decoder's own interlaced and top-field-first flags, read from the stream's headers
 * (H.264 {@code field_pic_flag}/{@code pic_struct}, MPEG-2 {@code progressive_frame}/{@code top_field_first}).
 */
final class FieldScan {

    /** Codecs that can carry field-coded pictures; others are scanned as their stream says. */
    static final Set<String> FIELD_CODECS = Set.of("h264", "mpeg2video", "hevc", "vc1", "mpeg4", "mpeg1video");

    /** libavutil/frame.h's AV_FRAME_FLAG_INTERLACED and AV_FRAME_FLAG_TOP_FIELD_FIRST (not mapped by JavaCPP). */
    private static final int AV_FRAME_FLAG_INTERLACED = 1 << 3;
    private static final int AV_FRAME_FLAG_TOP_FIELD_FIRST = 1 << 4;
    private static final int MAX_PACKETS = 300;
    private static final int FRAMES = 6;

    private FieldScan() {
    }

    /** Whether a stream's reported field order ({@code null} or a word) leaves the scan to be read from frames. */
    static boolean undecided(String fieldOrder, String codec) {
        return fieldOrder == null && FIELD_CODECS.contains(codec);
    }

    /**
     * Decodes the first pictures of stream {@code index} of an open input (rewound by the caller if it matters) and
     * returns ffprobe's word for what they say: "tt", "bb" or "progressive", or null when none decoded.
     */
    static String fromFrames(AVFormatContext fc, int index) {
        AVCodecParameters par = fc.streams(index).codecpar();
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        if (codec == null || codec.isNull()) {
            return null;
        }
        for (int i = 0; i < fc.nb_streams(); i++) {
            fc.streams(i).discard(i == index ? AVDISCARD_DEFAULT : AVDISCARD_ALL);
        }
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        int interlaced = 0;
        int top = 0;
        int decoded = 0;
        try {
            if (avcodec_parameters_to_context(ctx, par) < 0 || avcodec_open2(ctx, codec, (AVDictionary) null) < 0) {
                return null;
            }
            for (int n = 0; n < MAX_PACKETS && decoded < FRAMES && av_read_frame(fc, pkt) >= 0; n++) {
                try {
                    if (pkt.stream_index() != index || avcodec_send_packet(ctx, pkt) < 0) {
                        continue;
                    }
                    while (decoded < FRAMES && avcodec_receive_frame(ctx, frame) >= 0) {
                        decoded++;
                        if ((frame.flags() & AV_FRAME_FLAG_INTERLACED) != 0) {
                            interlaced++;
                            if ((frame.flags() & AV_FRAME_FLAG_TOP_FIELD_FIRST) != 0) {
                                top++;
                            }
                        }
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
        } finally {
            av_frame_free(frame);
            av_packet_free(pkt);
            avcodec_free_context(ctx);
            for (int i = 0; i < fc.nb_streams(); i++) {
                fc.streams(i).discard(AVDISCARD_DEFAULT);
            }
        }
        if (decoded == 0) {
            return null;
        }
        if (interlaced * 2 <= decoded) {
            return "progressive";
        }
        return top * 2 > interlaced ? "tt" : "bb";
    }

    /** The same for the first video stream of a local file opened on its own (a grabber's input stays untouched). */
    static String ofFile(String file) {
        AVFormatContext fc = avformat_alloc_context();
        AVDictionary opts = new AVDictionary(null);
        av_dict_set(opts, "protocol_whitelist", "file", 0);
        int rc = avformat_open_input(fc, file, null, opts);
        av_dict_free(opts);
        if (rc < 0) {
            return null;
        }
        try {
            if (avformat_find_stream_info(fc, (PointerPointer<?>) null) < 0) {
                return null;
            }
            for (int i = 0; i < fc.nb_streams(); i++) {
                if (fc.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    return fromFrames(fc, i);
                }
            }
            return null;
        } finally {
            avformat_close_input(fc);
        }
    }
}
