package org.yingzhi.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.yingzhi.asset.AssetReader;
import org.yingzhi.search.PassageService;
import org.yingzhi.storage.MediaStore;
import org.yingzhi.support.Api;
import org.yingzhi.support.SpokenInterview;
import tools.jackson.databind.JsonNode;

/**
 * Oral history over HTTP with the workers running, on a Mandarin interview spoken by espeak-ng whose sentence times
 * are known: interview, transcript import, passage search to the cue, silence pre-cut within 0.3 s of the real
 * pause, a typed text aligned to it, a machine draft from the test engine, segments that link like ranges,
 * corrections audited, restrictions honoured, deleted material gone from search, exports that read back the same.
 */
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OralHistoryIntegrationTest.FakeEngine.class)
class OralHistoryIntegrationTest {

    /**
     * Its own catalog: the test engine makes this a context of its own, which must not open the catalog that the
     * shared processing context (still cached by Spring) holds.
     */
    static final Path DATA = org.yingzhi.support.TestDataDir.create("oral-history");

    @org.springframework.test.context.DynamicPropertySource
    static void properties(org.springframework.test.context.DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.jobs.poll", () -> "100ms");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    com.mongodb.client.MongoDatabase db;
    @Autowired
    org.yingzhi.search.SearchService search;
    @Autowired
    org.yingzhi.asset.AssetTallies tallies;

    /** A recogniser for tests: "hears" one cue per second of the recording, naming itself and its model. */
    @TestConfiguration
    static class FakeEngine {
        @Bean
        SpeechEngine fakeSpeechEngine() {
            return new SpeechEngine() {
                public String name() {
                    return "fake";
                }

                public String model() {
                    return "fake-model-zh-1";
                }

                public Optional<String> unavailable() {
                    return Optional.empty();
                }

                public boolean words() {
                    return true;
                }

                public List<Cue> recognize(Path media, String language, long durationMillis) {
                    List<Cue> out = new ArrayList<>();
                    for (long s = 0; s < durationMillis; s += 1000) {
                        out.add(new Cue(s, Math.min(durationMillis, s + 1000), null, "第" + (s / 1000 + 1) + "秒 " + language));
                    }
                    return out;
                }
            };
        }

        @Bean
        SpeechJob fakeSpeechJob(SpeechEngine fakeSpeechEngine, AssetReader assets, MediaStore store,
                org.springframework.beans.factory.ObjectProvider<TranscriptService> transcripts, InterviewShelf shelf) {
            return new SpeechJob(fakeSpeechEngine, assets, store, transcripts, shelf) {
            };
        }
    }

    @Autowired
    InterviewShelf shelf;
    @Autowired
    PassageService passages;

    private JsonNode settled(Api api, String id) throws InterruptedException {
        long end = System.currentTimeMillis() + 120_000;
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

    private JsonNode transcriptOfKind(Api api, String asset, String kind) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            for (JsonNode t : api.get("/api/assets/" + asset + "/transcripts", Api.BUREAU).json()) {
                if (t.get("kind").asString().equalsIgnoreCase(kind)) {
                    return api.get("/api/transcripts/" + t.get("id").asString(), Api.BUREAU).json();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " transcript of " + asset + "; jobs: "
                + api.get("/api/jobs?type=speech_" + (kind.equals("precut") ? "silence" : "fake"), Api.ADMIN).body());
    }

    private static String post(Api api, String path, String token, String json, int status) {
        Api.Response r = api.post(path, token, json);
        assertEquals(status, r.status(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void aSpokenInterviewIsTranscribedSearchedCutAtItsPauseLinkedAndRestricted(@TempDir Path dir) throws Exception {
        org.yingzhi.support.FreshCatalog.reset(db, DATA, search);
        tallies.rebuild();
        shelf.rebuildNow();
        passages.rebuild();
        Api api = new Api(port);
        SpokenInterview spoken = SpokenInterview.make(dir);
        String asset = api.upload(spoken.file(), Api.BUREAU, null).json().get("asset").get("id").asString();
        JsonNode a = settled(api, asset);
        assertEquals("AUDIO", a.get("type").asString());
        String zhang = new Api.Response(0, null, post(api, "/api/index/people", Api.EDITOR, "{\"name\":\"张晓明\"}", 201), null)
                .json().get("id").asString();
        String chapter = new Api.Response(0, null, post(api, "/api/outline", Api.EDITOR,
                "{\"title\":\"第一批援藏干部\",\"level\":\"章\"}", 201), null).json().get("id").asString();

        // the interview: its recording, interviewee from the index, interviewer, languages, what it serves
        JsonNode interview = new Api.Response(0, null, post(api, "/api/interviews", Api.BUREAU, "{\"title\":\"张晓明口述\","
                + "\"assets\":[\"" + asset + "\"],\"interviewees\":[\"" + zhang + "\"],\"interviewers\":[\"李红\"],"
                + "\"date\":\"2026-10-12\",\"place\":\"成都\",\"languages\":[\"zh\"],\"chapter\":\"" + chapter + "\","
                + "\"summary\":\"第一批援藏干部进藏\"}", 201), null).json();
        String iid = interview.get("id").asString();
        assertEquals("张晓明", interview.get("interviewees").get(0).get("name").asString());
        assertEquals(409, api.post("/api/interviews", Api.BUREAU, "{\"title\":\"again\",\"assets\":[\"" + asset + "\"]}").status());
        Api.Response bad = api.post("/api/interviews", Api.BUREAU, "{\"title\":\"x\",\"date\":\"2026-13-40\"}");
        assertEquals(400, bad.status());
        assertEquals("interview.date", bad.json().get("code").asString());
        assertEquals(403, api.post("/api/interviews", Api.VIEWER, "{\"title\":\"x\"}").status());
        // bad bodies: null, a wrong type, a NUL, an over-long value; none stores anything
        long before = db.getCollection("interviews").countDocuments();
        for (String body : new String[] {"null", "{\"title\":5,\"assets\":\"x\"}", "{\"title\":\"a\\u0000b\"}",
                "{\"title\":\"" + "长".repeat(201) + "\"}", "{\"title\":\"x\",\"languages\":[\"中文\"]}"}) {
            assertEquals(400, api.post("/api/interviews", Api.BUREAU, body).status(), body);
        }
        assertEquals(before, db.getCollection("interviews").countDocuments());

        // a transcript whose cue times are known
        Api.Response imported = api.postRaw("/api/assets/" + asset + "/transcripts?name=zhang.vtt", Api.BUREAU, "text/vtt",
                spoken.vtt().getBytes(StandardCharsets.UTF_8));
        assertEquals(201, imported.status(), imported.body());
        JsonNode t = imported.json().get("transcript");
        String tid = t.get("summary").get("id").asString();
        assertTrue(t.get("summary").get("shown").asBoolean());
        assertEquals(spoken.secondStartMillis(), t.get("cues").get(1).get("start").asLong());

        // search a word of the second sentence: the hit is that cue, at its time, highlighted
        JsonNode found = api.get("/api/transcripts/search?q=" + Api.q("人民医院"), Api.VIEWER).json();
        assertTrue(found.get("ready").asBoolean());
        assertEquals(1, found.get("hits").size(), found.toString());
        JsonNode hit = found.get("hits").get(0);
        assertEquals(spoken.secondStartMillis(), hit.get("start").asLong());
        assertEquals(2, hit.get("cue").asInt());
        assertEquals("张晓明", hit.get("speaker").asString());
        assertTrue(hit.get("href").asString().endsWith("?at=" + spoken.secondStartMillis() + "&transcript=" + tid));
        boolean highlighted = false;
        for (JsonNode p : hit.get("parts")) {
            highlighted |= p.get("hit").asBoolean() && p.get("text").asString().contains("人民");
        }
        assertTrue(highlighted, hit.toString());
        assertEquals(1, api.get("/api/transcripts/search?q=" + Api.q("成都") + "&interviewee=" + zhang, Api.VIEWER)
                .json().get("hits").size());
        assertEquals(0, api.get("/api/transcripts/search?q=" + Api.q("成都") + "&interviewer=" + Api.q("王五"), Api.VIEWER)
                .json().get("hits").size());
        assertEquals(0, api.get("/api/transcripts/search?q=" + Api.q("成都") + "&language=bo", Api.VIEWER).json().get("hits").size());

        // captions for the player's <track>
        String captions = api.get("/api/assets/" + asset + "/captions.vtt", Api.VIEWER).body();
        assertTrue(captions.startsWith("WEBVTT") && captions.contains(SpokenInterview.SECOND), captions);

        // VTT -> catalog -> VTT: the same cues to the millisecond
        String vtt = api.get("/api/transcripts/" + tid + "/file?format=vtt", Api.EDITOR).body();
        assertEquals(TranscriptFormats.read(spoken.vtt().getBytes(StandardCharsets.UTF_8), TranscriptFormats.Format.VTT).cues(),
                TranscriptFormats.read(vtt.getBytes(StandardCharsets.UTF_8), TranscriptFormats.Format.VTT).cues());
        byte[] docx = api.getBytes("/api/transcripts/" + tid + "/file?format=docx", Api.EDITOR, null).body();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String table = d.getTables().get(0).getText();
            assertTrue(table.contains("[00:00:0" + spoken.secondStartMillis() / 1000 + "]") && table.contains(SpokenInterview.SECOND), table);
        }

        // silence detection cuts the recording at the pause between the sentences, within 0.3 s
        assertEquals(202, api.post("/api/assets/" + asset + "/transcripts/recognize?engine=silence", Api.BUREAU, "").status());
        JsonNode precut = transcriptOfKind(api, asset, "precut");
        List<long[]> cues = new ArrayList<>();
        precut.get("cues").forEach(c -> cues.add(new long[] {c.get("start").asLong(), c.get("end").asLong()}));
        assertEquals(2, cues.size(), precut.get("cues").toString());
        assertTrue(Math.abs(cues.get(0)[1] - spoken.firstEndMillis()) <= 300, "gap starts " + cues.get(0)[1] + " vs " + spoken.firstEndMillis());
        assertTrue(Math.abs(cues.get(1)[0] - spoken.secondStartMillis()) <= 300, "gap ends " + cues.get(1)[0] + " vs " + spoken.secondStartMillis());
        assertEquals("silence", precut.get("summary").get("engine").asString());
        assertFalse(precut.get("summary").get("shown").asBoolean(), "a pre-cut never replaces the shown transcript");

        // a typed text without stamps, aligned to those cuts
        String precutId = precut.get("summary").get("id").asString();
        Api.Response untimed = api.postRaw("/api/assets/" + asset + "/transcripts?format=txt", Api.BUREAU, "text/plain",
                (SpokenInterview.FIRST + SpokenInterview.SECOND).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, untimed.status());
        assertEquals("transcript.untimed", untimed.json().get("code").asString());
        Api.Response aligned = api.postRaw("/api/assets/" + asset + "/transcripts?format=txt&alignTo=" + precutId, Api.BUREAU,
                "text/plain", ("张晓明：" + SpokenInterview.FIRST + SpokenInterview.SECOND).getBytes(TranscriptText.GB18030));
        assertEquals(201, aligned.status(), aligned.body());
        JsonNode al = aligned.json().get("transcript");
        assertEquals(cues.get(1)[0], al.get("cues").get(1).get("start").asLong());
        assertEquals(SpokenInterview.SECOND, al.get("cues").get(1).get("text").asString());
        assertEquals("GB18030", al.get("charset").asString());

        // a machine draft from the (test) engine, marked with its engine and model
        assertEquals(400, api.post("/api/assets/" + asset + "/transcripts/recognize?engine=command", Api.BUREAU, "").status(),
                "no recogniser is configured here");
        assertEquals(202, api.post("/api/assets/" + asset + "/transcripts/recognize?engine=fake", Api.BUREAU, "").status());
        JsonNode draft = transcriptOfKind(api, asset, "machine");
        assertEquals("fake-model-zh-1", draft.get("summary").get("model").asString());
        assertEquals("第1秒 zh", draft.get("cues").get(0).get("text").asString());
        String draftVtt = api.get("/api/transcripts/" + draft.get("summary").get("id").asString() + "/file?format=vtt", Api.EDITOR).body();
        assertTrue(draftVtt.contains("NOTE") && draftVtt.contains("fake-model-zh-1"), draftVtt);

        // a correction is recorded like any edit
        long version = t.get("summary").get("version").asLong();
        Api.Response corrected = api.patch("/api/transcripts/" + tid + "/cues/2", Api.BUREAU,
                "{\"text\":\"拉萨市人民医院当时只有一台X光机。\",\"version\":" + version + "}");
        assertEquals(200, corrected.status(), corrected.body());
        assertEquals(409, api.patch("/api/transcripts/" + tid + "/cues/2", Api.BUREAU,
                "{\"text\":\"again\",\"version\":" + version + "}").status());
        assertEquals(403, api.patch("/api/transcripts/" + tid + "/cues/2", Api.VIEWER,
                "{\"text\":\"x\",\"version\":" + (version + 1) + "}").status());
        JsonNode records = api.get("/api/audit?target=" + tid, Api.ADMIN).json();
        List<String> ops = new ArrayList<>();
        records.forEach(r -> ops.add(r.get("action").asString() + ":" + r.get("after").toString()));
        assertTrue(ops.stream().anyMatch(o -> o.startsWith("transcript.change") && o.contains("X光机")), ops.toString());
        assertEquals(1, api.get("/api/transcripts/search?q=" + Api.q("X光机"), Api.VIEWER).json().get("hits").size());

        // a segment links like a range: it is a moment of the chapter
        Api.Response seg = api.post("/api/assets/" + asset + "/segments", Api.BUREAU, "{\"start\":" + spoken.secondStartMillis()
                + ",\"end\":" + spoken.endMillis() + ",\"title\":\"拉萨市人民医院\",\"synopsis\":\"医院的设备\","
                + "\"keywords\":[\"医院\"],\"targets\":[{\"kind\":\"chapter\",\"id\":\"" + chapter + "\"}]}");
        assertEquals(201, seg.status(), seg.body());
        assertEquals(400, api.post("/api/assets/" + asset + "/segments", Api.BUREAU,
                "{\"start\":5000,\"end\":4000,\"title\":\"x\"}").status());
        assertEquals(400, api.post("/api/assets/" + asset + "/segments", Api.BUREAU, "null").status());
        JsonNode material = api.get("/api/outline/" + chapter + "/material", Api.VIEWER).json();
        assertEquals(1, material.get("items").size(), material.toString());
        JsonNode range = material.get("items").get(0).get("link").get("range");
        assertEquals(seg.json().get("tcIn").asString(), range.get("in").asString());
        assertEquals(1, api.get("/api/transcripts/search?q=" + Api.q("设备") + "&kind=segment", Api.VIEWER).json().get("hits").size());

        // OHMS in: the index points become segments; OHMS out reads back the same cues
        byte[] ohms = TranscriptFormatsTest.resource("ohms-vtt.xml");
        Api.Response o = api.postRaw("/api/assets/" + asset + "/transcripts?language=zh&kind=translation", Api.BUREAU,
                "application/xml", ohms);
        assertEquals(201, o.status(), o.body());
        assertEquals(2, o.json().get("segments").size());
        String oid = o.json().get("transcript").get("summary").get("id").asString();
        String back = api.get("/api/transcripts/" + oid + "/file?format=ohms", Api.EDITOR).body();
        assertEquals(TranscriptFormats.read(ohms, TranscriptFormats.Format.OHMS).cues(),
                TranscriptFormats.read(back.getBytes(StandardCharsets.UTF_8), TranscriptFormats.Format.OHMS).cues());

        // an embargo: the viewer no longer reads the transcripts or finds them; the book's editor does
        Api.Response embargo = api.patch("/api/interviews/" + iid, Api.BUREAU,
                "{\"restriction\":{\"embargoUntil\":\"2099-01-01\",\"publicUse\":false,\"note\":\"受访人要求\"}}");
        assertEquals(200, embargo.status(), embargo.body());
        assertTrue(embargo.json().get("embargoed").asBoolean());
        assertEquals(403, api.get("/api/transcripts/" + tid, Api.VIEWER).status());
        assertEquals(403, api.get("/api/transcripts/" + tid + "/file?format=vtt", Api.PRODUCER).status());
        assertEquals(0, api.get("/api/transcripts/" + "search?q=" + Api.q("人民医院"), Api.VIEWER).json().get("hits").size());
        assertTrue(api.get("/api/transcripts/search?q=" + Api.q("人民医院"), Api.EDITOR).json().get("hits").size() >= 1);
        assertEquals(1, api.get("/api/interviews?restriction=embargoed", Api.EDITOR).json().size());
        assertEquals(0, api.get("/api/interviews?restriction=none", Api.EDITOR).json().size());

        // the consent form is a document of the interview, not media
        Api.Response consent = api.postRaw("/api/interviews/" + iid + "/consent?name=" + Api.q("授权书.pdf"), Api.BUREAU,
                "application/pdf", "%PDF-1.4\n% consent\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, consent.status(), consent.body());
        assertEquals(400, api.postRaw("/api/interviews/" + iid + "/consent?name=x.pdf", Api.BUREAU, "application/pdf",
                "not a pdf".getBytes()).status());
        assertEquals(403, api.get("/api/interviews/" + iid + "/consent", Api.VIEWER).status());
        assertTrue(api.get("/api/interviews/" + iid + "/consent", Api.EDITOR).body().startsWith("%PDF"));

        // deleted material leaves every view: the recording's passages are no longer found
        assertEquals(204, api.delete("/api/assets/" + asset + "?reason=" + Api.q("重复"), Api.BUREAU).status());
        tallies.rebuild();
        assertEquals(0, api.get("/api/transcripts/search?q=" + Api.q("人民医院"), Api.EDITOR).json().get("hits").size());
    }
}
