package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.ProcessingServiceTest;
import org.yingzhi.support.Api;
import org.yingzhi.support.TestMedia;
import tools.jackson.databind.JsonNode;

/**
 * Files in the formats a twenty-year archive holds, made here with the bundled ffmpeg (DV, M2TS, FLV, WMV, WMA,
 * RealMedia, RealAudio, MPEG-PS/VOB, 3GP, AIFF, AMR, BMP, JPEG 2000, DPX, TIFF), are accepted over HTTP, typed
 * and labelled by their content.
 */
class ArchiveFormatsIntegrationTest extends ProcessingServiceTest {

    static Path dir;

    /** name, expected type, expected format, ffmpeg arguments after the inputs. */
    record Made(String file, String type, String format, String mime, List<String> args, boolean audioOnly) {
    }

    static final List<Made> FILES = List.of(
            new Made("pal.dv", "VIDEO", "dv", "video/x-dv", List.of("-s", "720x576", "-r", "25", "-pix_fmt", "yuv420p",
                    "-c:v", "dvvideo", "-c:a", "pcm_s16le", "-ar", "48000", "-ac", "2", "-f", "dv"), false),
            new Made("avchd.m2ts", "VIDEO", "m2ts", "video/MP2T", List.of("-c:v", "mpeg2video", "-c:a", "mp2",
                    "-f", "mpegts", "-mpegts_m2ts_mode", "1"), false),
            new Made("web.flv", "VIDEO", "flv", "video/x-flv", List.of("-c:v", "flv", "-an", "-f", "flv"), false),
            new Made("news.wmv", "VIDEO", "asf", "video/x-ms-asf", List.of("-c:v", "wmv2", "-c:a", "wmav2", "-f", "asf"), false),
            new Made("speech.wma", "AUDIO", "asf", "video/x-ms-asf", List.of("-vn", "-c:a", "wmav2", "-f", "asf"), true),
            new Made("old.rm", "VIDEO", "rm", "application/vnd.rn-realmedia", List.of("-c:v", "rv10", "-an", "-f", "rm"), false),
            new Made("radio.ra", "AUDIO", "rm", "application/vnd.rn-realmedia", List.of("-vn", "-c:a", "real_144",
                    "-ar", "8000", "-ac", "1", "-f", "rm"), true),
            new Made("dvd.vob", "VIDEO", "mpegps", "video/mpeg", List.of("-c:v", "mpeg2video", "-c:a", "mp2", "-f", "vob"), false),
            new Made("phone.3gp", "VIDEO", "3gp", "video/3gpp", List.of("-s", "176x144", "-c:v", "h263", "-an", "-f", "3gp"), false),
            new Made("interview.aif", "AUDIO", "aiff", "audio/aiff", List.of("-vn", "-c:a", "pcm_s16be", "-f", "aiff"), true),
            new Made("call.amr", "AUDIO", "amr", "audio/amr", List.of("-vn", "-c:a", "libopencore_amrnb", "-ar", "8000",
                    "-ac", "1", "-b:a", "12.2k", "-f", "amr"), true),
            new Made("scan.bmp", "PHOTO", "bmp", "image/bmp", List.of("-frames:v", "1", "-an", "-c:v", "bmp"), false),
            new Made("master.jp2", "PHOTO", "jp2", "image/jp2", List.of("-frames:v", "1", "-an", "-c:v", "jpeg2000",
                    "-f", "image2"), false),
            new Made("film.dpx", "PHOTO", "dpx", "image/x-dpx", List.of("-frames:v", "1", "-an", "-c:v", "dpx", "-f", "image2"), false),
            new Made("scan.tif", "PHOTO", "tiff", "image/tiff", List.of("-frames:v", "1", "-an", "-c:v", "tiff", "-f", "image2"), false),
            new Made("xdcam.mxf", "VIDEO", "mxf", "application/mxf", List.of("-s", "720x576", "-c:v", "mpeg2video",
                    "-pix_fmt", "yuv422p", "-b:v", "20M", "-c:a", "pcm_s16le", "-timecode", "10:00:00:00",
                    "-metadata", "creation_time=2003-03-10T15:04:43Z", "-f", "mxf"), false),
            new Made("camcorder.avi", "VIDEO", "avi", "video/x-msvideo", List.of("-c:v", "mjpeg", "-c:a", "pcm_s16le",
                    "-f", "avi"), false),
            new Made("wide16x9.dv", "VIDEO", "dv", "video/x-dv", List.of("-s", "720x576", "-r", "25", "-aspect", "16:9",
                    "-pix_fmt", "yuv420p", "-c:v", "dvvideo", "-an", "-f", "dv"), false),
            new Made("hd1080i.m2ts", "VIDEO", "m2ts", "video/MP2T", List.of("-s", "1920x1080", "-c:v", "mpeg2video",
                    "-flags", "+ildct+ilme", "-top", "1", "-c:a", "mp2", "-f", "mpegts", "-mpegts_m2ts_mode", "1"), false),
            new Made("sun.au", "AUDIO", "au", "audio/basic", List.of("-vn", "-c:a", "pcm_s16be", "-f", "au"), true),
            new Made("creative.voc", "AUDIO", "voc", "audio/x-voc", List.of("-vn", "-ac", "1", "-ar", "22050",
                    "-c:a", "pcm_u8", "-f", "voc"), true),
            new Made("apple.caf", "AUDIO", "caf", "audio/x-caf", List.of("-vn", "-c:a", "pcm_s16le", "-f", "caf"), true),
            // no signature check knows these two: FFmpeg must find and decode a real stream in them
            new Made("mux.nut", "VIDEO", "nut", "video/x-nut", List.of("-c:v", "ffv1", "-c:a", "pcm_s16le", "-f", "nut"), false),
            new Made("sony.w64", "AUDIO", "w64", "audio/x-w64", List.of("-vn", "-c:a", "pcm_s16le", "-f", "w64"), true),
            // a NEF, ARW or DNG is TIFF inside; its name tells which
            // a Windows icon is one small picture, not a one-frame video
            new Made("favicon.ico", "PHOTO", "ico", "image/x-ico", List.of("-frames:v", "1", "-an", "-s", "32x32", "-f", "ico"), false),
            new Made("camera.nef", "PHOTO", "nef", "image/x-nikon-nef", List.of("-frames:v", "1", "-an", "-s", "160x120", "-c:v", "tiff",
                    "-f", "image2"), false));

    @BeforeAll
    static void make() throws Exception {
        dir = Files.createDirectories(DATA.resolveSibling("archive-formats-media"));
        for (Made m : FILES) {
            List<String> cmd = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1", "-shortest"));
            if (m.audioOnly()) {
                cmd = new ArrayList<>(List.of("-y", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1"));
            }
            cmd.addAll(m.args());
            cmd.add(dir.resolve(m.file()).toString());
            TestMedia.ffmpeg(cmd.toArray(String[]::new));
        }
    }

    @BeforeEach
    void reset() {
        freshCatalog();
    }

    @Test
    void everyArchiveFormatIsAcceptedTypedAndLabelled() throws Exception {
        Api api = new Api(port);
        List<String> wrong = new ArrayList<>();
        for (Made m : FILES) {
            Api.Response r = api.upload(dir.resolve(m.file()), Api.BUREAU, null);
            if (r.status() != 201) {
                wrong.add(m.file() + ": " + r.status() + " " + r.body());
                continue;
            }
            JsonNode a = r.json().get("asset");
            String got = a.get("type").asString() + " " + a.get("original").get("format").asString() + " "
                    + a.get("original").get("mimeType").asString();
            if (!got.equals(m.type() + " " + m.format() + " " + m.mime())) {
                wrong.add(m.file() + ": " + got);
            }
            if (a.get("warnings").toString().contains("truncated")) {
                wrong.add(m.file() + ": a complete file taken for a truncated one: " + a.get("warnings"));
            }
            if (a.get("warnings").toString().contains("file name ends in")) {
                wrong.add(m.file() + ": the extension is not taken as its format's: " + a.get("warnings"));
            }
            // ffprobe reports no duration for the RealAudio 14.4 file either: FFmpeg's RM muxer writes none for it
            if (!m.type().equals("PHOTO") && !m.file().equals("radio.ra")) {
                JsonNode media = a.get("media");
                JsonNode seconds = media == null ? null : media.get("durationSeconds");
                if (seconds == null || seconds.asDouble() < 0.5) {
                    wrong.add(m.file() + ": no duration; errors " + a.get("errors") + ", warnings " + a.get("warnings"));
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertFalse(FILES.isEmpty());
        JsonNode wide = api.get("/api/assets?q=wide16x9", Api.BUREAU).json().get("items").get(0).get("media")
                .get("streams").get(0);
        assertEquals("64:45 16:9 true", wide.get("sampleAspectRatio").asString() + " "
                + wide.get("displayAspectRatio").asString() + " " + wide.get("interlaced").asBoolean(), "anamorphic DV");
        JsonNode hd = api.get("/api/assets?q=hd1080i", Api.BUREAU).json().get("items").get(0).get("media")
                .get("streams").get(0);
        assertEquals("tt", hd.get("fieldOrder").asString(), "1080i field order");
        JsonNode mxf = api.get("/api/assets?q=xdcam", Api.BUREAU).json().get("items").get(0);
        assertEquals("10:00:00:00", mxf.get("media").get("timecode").get("start").asString(), "MXF start timecode");
        assertEquals("2003-03-10T15:04:43Z", mxf.get("media").get("creationTime").asString(), "MXF date");
        // ffmpeg's AVI muxer writes no IDIT chunk, so the AVI date forms are checked on recorded strings in
        // ProbeMapperTest.creationTimesInTheFormsArchivesWriteThem
    }

    /**
     * A 1998 Sony DSC-F1 still (.PMP: a header of its own, then a JPEG, which FFmpeg opens as a motion-JPEG video)
     * is a PHOTO with the camera, date and exposure from its header and a preview from its JPEG.
     */
    @Test
    void aSonyPmpStillIsAPhotoWithItsCameraAndDate() throws Exception {
        Api api = new Api(port);
        Api.Response r = api.upload("DSC00042.PMP", org.yingzhi.metadata.RawSamples.pmp(), Api.BUREAU, null);
        assertEquals(201, r.status(), r.body());
        JsonNode a = r.json().get("asset");
        assertEquals("PHOTO pmp image/x-sony-pmp", a.get("type").asString() + " " + a.get("original").get("format").asString()
                + " " + a.get("original").get("mimeType").asString());
        JsonNode e = a.get("photo").get("exif");
        assertEquals("Sony DSC-F1 1998-08-15T10:30:05 0.015625", e.get("make").asString() + " " + e.get("model").asString()
                + " " + e.get("dateTimeOriginal").asString() + " " + e.get("exposureTime").asDouble());
        assertEquals("640x480", a.get("photo").get("width").asInt() + "x" + a.get("photo").get("height").asInt());
        assertEquals("1998-08-15", a.get("captureDate").asString());
        String id = a.get("id").asString();
        long end = System.currentTimeMillis() + 60_000;
        JsonNode got;
        do {
            Thread.sleep(100);
            got = api.get("/api/assets/" + id, Api.BUREAU).json();
        } while (!got.get("status").asString().matches("READY|PARTIAL") && System.currentTimeMillis() < end);
        assertEquals("READY", got.get("status").asString(), got.get("processing").toString());
        assertEquals(200, api.getBytes("/api/assets/" + id + "/preview", Api.BUREAU, null).statusCode());
    }

    /**
     * Text that FFmpeg can open is still not media: a playlist (which would make FFmpeg read other files), a
     * concat list, subtitles and plain text are refused with 415 and nothing is kept.
     */
    @Test
    void textThatFfmpegCouldOpenIsRefused() {
        Api api = new Api(port);
        Map<String, String> texts = Map.of(
                "playlist.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n",
                "list.ffconcat", "ffconcat version 1.0\nfile clip.mp4\n",
                "subtitles.srt", "1\n00:00:01,000 --> 00:00:02,000\n拉萨市人民医院\n\n",
                "notes.nfo", "The free world of 1995 aid projects\n");
        List<String> wrong = new ArrayList<>();
        texts.forEach((name, text) -> {
            Api.Response r = api.upload(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Api.BUREAU, null);
            if (r.status() != 415 || !r.contentType().startsWith("application/problem+json")) {
                wrong.add(name + ": " + r.status() + " " + r.body());
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(0, db.getCollection("assets").countDocuments());
    }

    /**
     * Every technical field the catalog stores for a video or audio file equals what ffprobe (the bundled one,
     * {@code -of json}) reports for it: container, duration, and per stream codec, size, frame rate, sample rate,
     * channels, pixel and display aspect and field order.
     */
    @Test
    void everyAvFieldAgreesWithFfprobe() throws Exception {
        Api api = new Api(port);
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Made m : FILES) {
            if (m.type().equals("PHOTO")) {
                continue;
            }
            Api.Response r = api.upload(dir.resolve(m.file()), Api.BUREAU, null);
            JsonNode media = r.json().get("asset").get("media");
            JsonNode probe = tools.jackson.databind.json.JsonMapper.builder().build().readTree(org.yingzhi.support.TestMedia
                    .ffprobe("-v", "error", "-of", "json", "-show_format", "-show_streams", dir.resolve(m.file()).toString()));
            JsonNode f = probe.get("format");
            check(wrong, m.file() + " container", f.get("format_name").asString(), media.path("container").asString(null));
            boolean durationChosen = r.json().get("asset").get("warnings").toString().contains("duration");
            if (f.has("duration") && !durationChosen) {
                long want = Math.round(Double.parseDouble(f.get("duration").asString()) * 1_000_000);
                check(wrong, m.file() + " duration", want, media.path("durationMicros").asLong(-1));
            }
            JsonNode ours = media.get("streams");
            for (JsonNode st : probe.get("streams")) {
                JsonNode o = ours.get(st.get("index").asInt());
                String at = m.file() + " stream " + st.get("index").asInt() + " ";
                check(wrong, at + "codec", st.path("codec_name").asString("none"), o.path("codec").asString(null));
                String kind = st.get("codec_type").asString();
                if (kind.equals("video")) {
                    check(wrong, at + "width", st.get("width").asInt(), o.path("width").asInt(-1));
                    check(wrong, at + "height", st.get("height").asInt(), o.path("height").asInt(-1));
                    String rate = st.get("r_frame_rate").asString();
                    if (!rate.equals("0/0")) {
                        check(wrong, at + "frame rate", rate, o.path("frameRate").asString(null));
                    }
                    check(wrong, at + "sar", st.path("sample_aspect_ratio").asString(null),
                            o.path("sampleAspectRatio").asString(null));
                    check(wrong, at + "dar", st.path("display_aspect_ratio").asString(null),
                            o.path("displayAspectRatio").asString(null));
                    String order = st.path("field_order").asString("unknown");
                    check(wrong, at + "field order", order.equals("unknown") ? null : order,
                            o.path("fieldOrder").asString(null));
                } else if (kind.equals("audio")) {
                    check(wrong, at + "sample rate", Integer.parseInt(st.get("sample_rate").asString()),
                            o.path("sampleRate").asInt(-1));
                    check(wrong, at + "channels", st.get("channels").asInt(), o.path("channels").asInt(-1));
                }
                compared++;
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(compared >= 25, "compared " + compared + " streams");
    }

    private static void check(List<String> wrong, String what, Object ffprobe, Object ours) {
        if (!java.util.Objects.equals(ffprobe, ours)) {
            wrong.add(what + ": ffprobe " + ffprobe + ", catalog " + ours);
        }
    }

    /** Each format gets its derivatives: every step of every asset ends DONE (proxies, posters, sprites, waveforms, previews). */
    @Test
    void everyArchiveFormatGetsItsDerivatives() throws Exception {
        Api api = new Api(port);
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (Made m : FILES) {
            ids.put(m.file(), api.upload(dir.resolve(m.file()), Api.BUREAU, null).json().get("asset").get("id").asString());
        }
        List<String> wrong = new ArrayList<>();
        long end = System.currentTimeMillis() + 300_000;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            JsonNode a;
            do {
                Thread.sleep(100);
                a = api.get("/api/assets/" + e.getValue(), Api.BUREAU).json();
            } while (!a.get("status").asString().matches("READY|PARTIAL") && System.currentTimeMillis() < end);
            if (!a.get("status").asString().equals("READY")) {
                wrong.add(e.getKey() + ": " + a.get("status").asString() + " " + a.get("processing"));
                continue;
            }
            JsonNode steps = a.get("processing").get("steps");
            if (steps.isEmpty()) {
                wrong.add(e.getKey() + ": no steps");
            }
            String type = a.get("type").asString();
            String must = type.equals("VIDEO") ? "proxy" : type.equals("AUDIO") ? "audio" : "preview";
            if (api.getBytes("/api/assets/" + e.getValue() + "/" + must, Api.BUREAU, null).statusCode() != 200) {
                wrong.add(e.getKey() + ": no " + must);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
