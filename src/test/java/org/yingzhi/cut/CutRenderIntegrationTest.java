package org.yingzhi.cut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yingzhi.media.spec.RoughCutSpec;
import org.yingzhi.support.Api;
import org.yingzhi.support.BurnIn;
import org.yingzhi.support.ProcessingServiceTest;
import org.yingzhi.support.Samples;
import org.yingzhi.support.TestMedia;
import org.yingzhi.timecode.FrameRate;
import tools.jackson.databind.JsonNode;

/**
 * The rough cut over HTTP with the workers running: a bin of two sample ranges (29.97 drop-frame and 25 fps) made a
 * cut, its render asked for, followed to the end, downloaded by byte ranges; it lasts the cut within one frame and
 * shows at a chosen record frame the source timecode drawtext draws for it. A change to the cut makes the render
 * stale.
 */
class CutRenderIntegrationTest extends ProcessingServiceTest {

    private JsonNode settled(Api api, String id) throws InterruptedException {
        long end = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < end) {
            JsonNode a = api.get("/api/assets/" + id, Api.ADMIN).json();
            String s = a.get("status").asString();
            if (s.equals("READY") || s.equals("PARTIAL")) {
                return a;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("asset " + id + " did not settle");
    }

    @Test
    void aCutsRoughCutIsRenderedWithProgressAndItsSourceTimecodeBurntIn(@TempDir Path dir) throws Exception {
        freshCatalog();
        Api api = new Api(port);
        String df = api.upload(Samples.get("clip-2997df.mov"), Api.BUREAU, null).json().get("asset").get("id").asString();
        String pal = api.upload(Samples.get("clip-25ndf.mp4"), Api.BUREAU, null).json().get("asset").get("id").asString();
        settled(api, df);
        settled(api, pal);
        String bin = api.post("/api/bins", Api.PRODUCER, "{\"name\":\"粗剪\"}").json().get("id").asString();
        assertEquals(200, api.post("/api/bins/" + bin + "/items", Api.PRODUCER, "{\"items\":["
                + "{\"asset\":\"" + df + "\",\"in\":\"01:00:59;25\",\"out\":\"01:01:00;20\"},"
                + "{\"asset\":\"" + pal + "\",\"in\":\"10:00:00:05\",\"out\":\"10:00:01:05\"}]}").status());
        Api.Response made = api.post("/api/cuts", Api.PRODUCER, "{\"title\":\"粗剪\",\"bin\":\"" + bin + "\"}");
        assertEquals(201, made.status(), made.body());
        String id = made.json().get("id").asString();
        long total = made.json().get("totalFrames").asLong();
        assertEquals(53, total, "23 frames, then 25 frames of 25 fps on the 29.97 grid: 30");

        assertEquals("NONE", api.get("/api/cuts/" + id + "/render", Api.PRODUCER).json().get("status").asString());
        Api.Response asked = api.post("/api/cuts/" + id + "/render", Api.PRODUCER, "");
        assertEquals(202, asked.status(), asked.body());
        JsonNode state = null;
        long end = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < end) {
            state = api.get("/api/cuts/" + id + "/render", Api.PRODUCER).json();
            if (state.get("status").asString().equals("DONE") || state.get("status").asString().equals("FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("DONE", state.get("status").asString(), state.toString());
        assertEquals(1.0, state.get("progress").asDouble(), 1e-9);
        assertEquals(made.json().get("version").asLong(), state.get("version").asLong());
        assertTrue(!state.get("stale").asBoolean());
        assertEquals(53, state.get("frames").asLong());

        var part = api.getBytes(state.get("url").asString(), Api.PRODUCER, "bytes=0-99");
        assertEquals(206, part.statusCode(), "players read it by byte ranges");
        var whole = api.getBytes(state.get("url").asString(), Api.PRODUCER, null);
        assertEquals(200, whole.statusCode());
        assertEquals(403, api.getBytes(state.get("url").asString(), Api.BUREAU, null).statusCode(), "not shared");
        Path mp4 = Files.write(dir.resolve("rough.mp4"), whole.body());
        double seconds = Double.parseDouble(TestMedia.ffprobe("-v", "error", "-show_entries", "format=duration",
                "-of", "default=nw=1:nk=1", mp4.toString()).strip());
        FrameRate rate = FrameRate.FPS_29_97_DF;
        assertEquals(total / rate.fps(), seconds, 1 / rate.fps(), "the render lasts the cut within one frame");

        // record frame 10 is entry 1's 11th frame: 01:00:59;25 + 10 = 01:01:00;07 (;00 and ;01 are dropped)
        RoughCutSpec spec = RoughCutSpec.of(rate, Path.of(CutRenderHandler.DEFAULT_FONT), java.util.List.of());
        var shown = BurnIn.frame(mp4, 10, dir);
        double same = BurnIn.difference(shown, BurnIn.reference(spec, "01:01:00;07", rate, dir));
        for (String neighbour : java.util.List.of("01:01:00;06", "01:01:00;08", "01:00:59;29")) {
            double other = BurnIn.difference(shown, BurnIn.reference(spec, neighbour, rate, dir));
            assertTrue(same < other, "burnt in: 01:01:00;07 (" + same + "), not " + neighbour + " (" + other + ")");
        }
        assertTrue(same < 12, "drawn as drawtext draws it: " + same);

        // a change: the render shows an older version
        Api.Response changed = api.put("/api/cuts/" + id, Api.PRODUCER, "{\"version\":" + made.json().get("version").asLong()
                + ",\"title\":\"粗剪 二稿\"}");
        assertEquals(200, changed.status(), changed.body());
        assertTrue(api.get("/api/cuts/" + id + "/render", Api.PRODUCER).json().get("stale").asBoolean());
    }
}
