package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.json.Json;
import org.yingzhi.support.Api;
import org.yingzhi.support.ProcessingServiceTest;
import org.yingzhi.support.TestMedia;
import tools.jackson.databind.JsonNode;

/**
 * Recording dates and cameras of video and audio, on files made here with the bundled ffmpeg the way recorders
 * write them: a DV stream with its VAUX recording date, AVCHD with MDPM in the H.264 SEI (date with zone, Canon's
 * maker code), a Broadcast WAV with bext and INFO dates, a WAV with INFO ICRD only, ASF, Matroska DateUTC and a
 * phone's QuickTime keys. Each agrees with exiftool field by field (and mediainfo where it reads the date) and is
 * found by that date.
 */
class RecordingDatesIntegrationTest extends ProcessingServiceTest {

    static Path dir;
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    @BeforeAll
    static void make() throws Exception {
        dir = Files.createDirectories(DATA.resolveSibling("recording-dates-media"));
        String video = "testsrc=s=720x576:r=25:d=1";
        TestMedia.ffmpeg("-f", "lavfi", "-i", video, "-f", "lavfi", "-i", "sine=d=1:r=48000", "-ac", "2", "-pix_fmt",
                "yuv420p", "-c:v", "dvvideo", "-c:a", "pcm_s16le", "-metadata", "creation_time=2003-05-01T10:20:30",
                "-f", "dv", dir.resolve("tape1.dv").toString());
        EXPECTED.put("tape1.dv", "2003-05-01T10:20:30 dv-vaux");
        avchd(dir.resolve("00001.MTS"));
        EXPECTED.put("00001.MTS", "2011-10-01T09:08:07+08:00 mdpm Canon");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "sine=d=1:r=48000", "-write_bext", "1", "-metadata",
                "origination_date=1999-12-31", "-metadata", "origination_time=23:59:58", "-metadata",
                "originator=Xizang TV", "-metadata", "ICRD=1999-12-30", dir.resolve("bwf.wav").toString());
        EXPECTED.put("bwf.wav", "1999-12-31T23:59:58 bext");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "sine=d=1:r=44100", "-metadata", "ICRD=1998-07-01",
                dir.resolve("info.wav").toString());
        EXPECTED.put("info.wav", "1998-07-01T00:00:00 riff-icrd");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:d=1", "-c:v", "wmv2", "-metadata",
                "creation_time=2004-02-03T04:05:06Z", dir.resolve("news.wmv").toString());
        EXPECTED.put("news.wmv", "2004-02-03T04:05:06Z asf");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:d=1", "-metadata", "creation_time=2006-07-08T09:10:11Z",
                dir.resolve("mux.mkv").toString());
        EXPECTED.put("mux.mkv", "2006-07-08T09:10:11Z container");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-movflags", "use_metadata_tags", "-metadata", "com.apple.quicktime.make=Apple", "-metadata",
                "com.apple.quicktime.model=iPhone 6", "-metadata", "creation_time=2015-06-01T02:03:04Z",
                dir.resolve("IMG_0001.MOV").toString());
        EXPECTED.put("IMG_0001.MOV", "2015-06-01T02:03:04Z container Apple iPhone 6");
    }

    /**
     * AVCHD as a Canon camcorder records it: an H.264 stream whose first access unit carries the MDPM user data
     * (UUID 17ee8c60-f84d-11d9-8cd6-0800200c9a66, "MDPM", entries 0x18/0x19 the date 2011-10-01 09:08:07 at
     * +08:00, 0xe0 maker code 0x1011 Canon), in M2TS.
     */
    static void avchd(Path out) throws Exception {
        Path plain = dir.resolve("plain.h264");
        TestMedia.ffmpeg("-f", "lavfi", "-i", "testsrc=s=320x240:r=25:d=1", "-c:v", "libx264", "-bf", "0", "-pix_fmt",
                "yuv420p", "-f", "h264", plain.toString());
        byte[] b = Files.readAllBytes(plain);
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        payload.writeBytes(org.yingzhi.media.RecordingFacts.MDPM_UUID);
        payload.writeBytes("MDPM".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        payload.writeBytes(new byte[] {3, 0x18, 0x10, 0x20, 0x11, 0x10, 0x19, 0x01, 0x09, 0x08, 0x07,
            (byte) 0xe0, 0x10, 0x11, 0x00, 0x00});
        byte[] p = payload.toByteArray();
        java.io.ByteArrayOutputStream sei = new java.io.ByteArrayOutputStream();
        sei.write(5); // user_data_unregistered
        sei.write(p.length);
        sei.writeBytes(p);
        sei.write(0x80); // rbsp trailing bits
        java.io.ByteArrayOutputStream nal = new java.io.ByteArrayOutputStream();
        nal.writeBytes(new byte[] {0, 0, 0, 1, 0x06});
        int zeros = 0;
        for (byte x : sei.toByteArray()) {
            if (zeros >= 2 && (x & 0xFF) <= 3) {
                nal.write(3); // emulation prevention
                zeros = 0;
            }
            nal.write(x);
            zeros = x == 0 ? zeros + 1 : 0;
        }
        int idr = 0;
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0x1f) == 5) {
                idr = i > 0 && b[i - 1] == 0 ? i - 1 : i;
                break;
            }
        }
        Path withSei = dir.resolve("mdpm.h264");
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.write(b, 0, idr);
        all.writeBytes(nal.toByteArray());
        all.write(b, idr, b.length - idr);
        Files.write(withSei, all.toByteArray());
        TestMedia.ffmpeg("-r", "25", "-f", "h264", "-i", withSei.toString(), "-c", "copy", "-f", "mpegts",
                "-mpegts_m2ts_mode", "1", out.toString());
    }

    @BeforeEach
    void reset() {
        freshCatalog();
    }

    /** exiftool's date for a file, in the catalog's form (ISO, the zone only where exiftool gives one). */
    private static String exiftoolDate(JsonNode x) {
        for (String tag : List.of("DV:DateTimeOriginal", "H264:DateTimeOriginal", "RIFF:DateTimeOriginal",
                "RIFF:DateCreated", "ASF:CreationDate", "Matroska:DateTimeOriginal", "QuickTime:CreateDate")) {
            if (x.has(tag)) {
                String v = x.get(tag).asString().trim();
                if (v.matches("\\d{4}:\\d{2}:\\d{2}")) {
                    v += " 00:00:00";
                }
                return v.replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2}) ", "$1-$2-$3T");
            }
        }
        return null;
    }

    @Test
    void recordingDatesAndCamerasAgreeWithExiftoolAndAreFoundByDate() throws Exception {
        Api api = new Api(port);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Api.Response r = api.upload(file, Api.BUREAU, null);
            if (r.status() != 201) {
                wrong.add(e.getKey() + ": " + r.status() + " " + r.body());
                continue;
            }
            JsonNode a = r.json().get("asset");
            JsonNode rec = a.path("media").path("recording");
            String got = (rec.path("dateTime").asString("") + " " + rec.path("dateSource").asString("") + " "
                    + rec.path("make").asString("") + " " + rec.path("model").asString("")).trim();
            if (!got.equals(e.getValue())) {
                wrong.add(e.getKey() + ": catalog says " + got + ", expected " + e.getValue());
            }
            // the reference readers: exiftool's date and camera; QuickTime dates are UTC without a zone in exiftool
            Process p = new ProcessBuilder("exiftool", "-j", "-G", file.toString()).start();
            JsonNode x = Json.MAPPER.readTree(p.getInputStream().readAllBytes()).get(0);
            p.waitFor();
            String theirs = exiftoolDate(x);
            String ours = rec.path("dateTime").asString(null);
            String compared = ours == null ? null : e.getKey().endsWith(".MOV") ? ours.replaceFirst("Z$", "") : ours;
            if (!java.util.Objects.equals(theirs, compared)) {
                wrong.add(e.getKey() + ": exiftool date " + theirs + ", catalog " + ours);
            }
            for (String[] cam : new String[][] {{"make", "H264:Make", "QuickTime:Make"}, {"model", "QuickTime:Model", "H264:Model"}}) {
                String t = x.has(cam[1]) ? x.get(cam[1]).asString() : x.has(cam[2]) ? x.get(cam[2]).asString() : null;
                if (!java.util.Objects.equals(t, rec.path(cam[0]).asString(null))) {
                    wrong.add(e.getKey() + ": exiftool " + cam[0] + " " + t + ", catalog " + rec.path(cam[0]).asString(null));
                }
            }
            // found by the day it was recorded (a zone-less date is that day as stated)
            String day = a.path("captureDate").asString("");
            String expectedDay = e.getValue().substring(0, 10);
            String ids = api.get("/api/assets?from=" + expectedDay + "&to=" + expectedDay + "&size=50", Api.BUREAU)
                    .json().get("items").toString();
            if (!ids.contains(a.get("id").asString())) {
                wrong.add(e.getKey() + ": not found on " + expectedDay + " (its date: " + day + ")");
            }
        }
        assertEquals(List.of(), wrong);
        // mediainfo reads the DV and AVCHD recording dates the same way
        assertEquals("2003-05-01 10:20:30.000", TestMedia.run("mediainfo", "--Inform=General;%Recorded_Date%",
                dir.resolve("tape1.dv").toString()).trim());
        assertEquals("2011-10-01 09:08:07+08:00", TestMedia.run("mediainfo", "--Inform=General;%Recorded_Date%",
                dir.resolve("00001.MTS").toString()).trim());
        assertTrue(EXPECTED.size() >= 7);
    }
}
