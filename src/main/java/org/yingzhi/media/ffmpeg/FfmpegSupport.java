package org.yingzhi.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.yingzhi.media.FieldOrder;
import org.yingzhi.media.MediaException;

/** What the FFmpeg classes share: frame rate and scan of a grabber's video, and FFmpeg's errors in words. */
final class FfmpegSupport {

    private FfmpegSupport() {
    }


    static String fieldOrder(int order) {
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
    static double frameRate(FFmpegFrameGrabber g) {
        AVStream st = g.getFormatContext().streams(g.getVideoStream());
        for (AVRational r : List.of(st.avg_frame_rate(), st.r_frame_rate())) {
            if (r.num() > 0 && r.den() > 0 && (double) r.num() / r.den() <= 300) {
                return (double) r.num() / r.den();
            }
        }
        return 25;
    }

    /** How the grabber's video stream is scanned (see {@link FieldOrder#of}). */
    static FieldOrder fieldOrder(FFmpegFrameGrabber g) {
        AVStream st = g.getFormatContext().streams(g.getVideoStream());
        AVCodecParameters par = st.codecpar();
        String codec = string(avcodec_get_name(par.codec_id()));
        String order = fieldOrder(par.field_order());
        if (FieldScan.undecided(order, codec) && g.getFormatContext().url() != null) {
            order = FieldScan.ofFile(g.getFormatContext().url().getString(StandardCharsets.UTF_8));
        }
        return FieldOrder.of(order, codec, par.height());
    }

    static final Pattern AV_ERROR = Pattern.compile("error (-?\\d+)");

    /**
     * A JavaCV exception as a message fit for users: the FFmpeg error text for its code, without the file path
     * and the developer hints JavaCV appends.
     */
    static MediaException failure(String what, Exception e) {
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

    static String string(BytePointer p) {
        return p == null || p.isNull() ? null : p.getString(StandardCharsets.UTF_8);
    }
}
