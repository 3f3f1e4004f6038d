package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yingzhi.support.Api;
import org.yingzhi.support.FreshCatalog;
import org.yingzhi.support.TestDataDir;
import org.yingzhi.support.TestMedia;
import tools.jackson.databind.JsonNode;

/**
 * Files in the formats a twenty-year archive holds, made here with the bundled ffmpeg (DV, M2TS, FLV, WMV, WMA,
 * RealMedia, RealAudio, MPEG-PS/VOB, 3GP, AIFF, AMR, BMP, JPEG 2000, DPX, TIFF), are accepted over HTTP, typed
 * and labelled by their content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveFormatsIntegrationTest {

    static final Path DATA = TestDataDir.create("archive-formats");
    static Path dir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.role", () -> "api");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;
    @Autowired
    org.yingzhi.search.SearchService search;

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
                    "-f", "avi"), false));

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
        FreshCatalog.reset(db, DATA, search);
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
        JsonNode mxf = api.get("/api/assets?q=xdcam", Api.BUREAU).json().get("items").get(0);
        assertEquals("10:00:00:00", mxf.get("media").get("timecode").get("start").asString(), "MXF start timecode");
        assertEquals("2003-03-10T15:04:43Z", mxf.get("media").get("creationTime").asString(), "MXF date");
        // ffmpeg's AVI muxer writes no IDIT chunk, so the AVI date forms are checked on recorded strings in
        // ProbeMapperTest.creationTimesInTheFormsArchivesWriteThem
    }
}
