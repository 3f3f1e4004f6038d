package org.yingzhi.media.ffmpeg;

import static org.yingzhi.media.ffmpeg.FfmpegSupport.failure;
import static org.yingzhi.media.ffmpeg.FfmpegSupport.fieldOrder;
import static org.yingzhi.media.ffmpeg.FfmpegSupport.frameRate;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.yingzhi.media.FieldOrder;
import org.yingzhi.media.MediaException;
import org.yingzhi.media.MediaToolkit;
import org.yingzhi.media.ShotDetector;
import org.yingzhi.media.WaveformPeaks;
import org.yingzhi.media.spec.DeinterlaceSpec;
import org.yingzhi.media.spec.FrameGeometry;
import org.yingzhi.media.spec.SceneSpec;
import org.yingzhi.media.spec.WaveformSpec;

/** Analyses: frames at given times (posters, sprites), waveform peaks, shot cuts, and still images decoded. */
final class FfmpegAnalysis {


    private final DeinterlaceSpec deinterlace = DeinterlaceSpec.DEFAULT;

    List<BufferedImage> framesAt(Path in, List<Long> micros, int width) {
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

    MediaToolkit.Waveform waveform(Path in, WaveformSpec spec) {
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
            return new MediaToolkit.Waveform(spec.windowMillis(), rate, ch, peaks.min(), peaks.max());
        } catch (FrameGrabber.Exception e) {
            throw failure("cannot decode audio", e);
        }
    }


    List<Long> sceneCuts(Path in, SceneSpec spec) {
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

    BufferedImage decodeImage(Path in) {
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
}
