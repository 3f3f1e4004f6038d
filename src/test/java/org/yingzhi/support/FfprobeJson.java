package org.yingzhi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yingzhi.media.RawProbe;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Replays output recorded with {@code ffprobe -of json -show_format -show_streams -show_data} (and, for files with a
 * timecode track, {@code -show_packets -show_data -select_streams d:0}) as the {@link RawProbe} the toolkit would
 * report, so the mapper can be tested on real files without FFmpeg. Recordings live in
 * {@code src/test/resources/ffprobe/}; scripts/ffmpeg probe makes new ones.
 */
public final class FfprobeJson {

    private FfprobeJson() {
    }

    public static RawProbe read(String sample) {
        JsonNode root = load("/ffprobe/" + sample + ".json");
        JsonNode packets = FfprobeJson.class.getResource("/ffprobe/" + sample + ".tmcd-packets.json") == null ? null
                : load("/ffprobe/" + sample + ".tmcd-packets.json");
        JsonNode f = root.get("format");
        List<RawProbe.Stream> streams = new ArrayList<>();
        RawProbe.Tmcd tmcd = null;
        for (JsonNode s : root.get("streams")) {
            String type = s.get("codec_type").asString();
            if (type.equals("video") && s.path("disposition").path("attached_pic").asInt() == 1) {
                type = "attachment";
            }
            int[] r = rational(s.path("r_frame_rate").asString("0/0"));
            int[] avg = rational(s.path("avg_frame_rate").asString("0/0"));
            String tag = s.path("codec_tag_string").asString(null);
            streams.add(new RawProbe.Stream(s.get("index").asInt(), type, s.path("codec_name").asString("none"),
                    tag == null || tag.startsWith("[") ? null : tag, s.path("width").asInt(0), s.path("height").asInt(0),
                    r[0], r[1], avg[0], avg[1], number(s, "bit_rate", 0), (int) number(s, "sample_rate", 0),
                    s.path("channels").asInt(0), micros(s, "duration"), number(s, "nb_frames", 0), tags(s)));
            if ("tmcd".equals(tag)) {
                byte[] x = hex(s.path("extradata").asString(""));
                Long counter = null;
                if (packets != null && !packets.get("packets").isEmpty()) {
                    byte[] p = hex(packets.get("packets").get(0).get("data").asString());
                    counter = be32(p, 0) & 0xFFFFFFFFL;
                }
                tmcd = new RawProbe.Tmcd(s.get("index").asInt(), be32(x, 4), be32(x, 8), be32(x, 12), x[16] & 0xFF, counter);
            }
        }
        return new RawProbe(f.get("format_name").asString(), f.get("format_long_name").asString(), micros(f, "duration"),
                number(f, "bit_rate", 0), number(f, "size", 0), tags(f), streams, tmcd, List.of());
    }

    private static JsonNode load(String resource) {
        try (InputStream in = FfprobeJson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no recording " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> tags(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.path("tags").properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static long number(JsonNode n, String field, long otherwise) {
        JsonNode v = n.get(field);
        return v == null ? otherwise : Long.parseLong(v.asString());
    }

    /** Seconds as ffprobe prints them ("2.002000") to microseconds; -1 when absent, as the toolkit reports. */
    private static long micros(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null ? -1 : new BigDecimal(v.asString()).movePointRight(6).longValueExact();
    }

    private static int[] rational(String s) {
        String[] p = s.split("/");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /** ffprobe's hex dump ("00000000: 0001 ac68   ...h") to bytes. */
    private static byte[] hex(String dump) {
        StringBuilder hex = new StringBuilder();
        for (String line : dump.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String body = line.substring(colon + 1);
            String groups = body.length() > 41 ? body.substring(0, 41) : body;
            hex.append(groups.replace(" ", ""));
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static int be32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
