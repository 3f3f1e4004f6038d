package org.yingzhi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.RawHttp;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceTest;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint that takes a JSON body, found in the API's own description, is sent what a fuzzer sends: the
 * literal {@code null}, the wrong shape, a key given twice, and for each field of its schema a NUL, a lone
 * surrogate, bytes that are not UTF-8, a value of the wrong type and a value longer than allowed. Each must be a
 * 400 problem+json (never a 500, never taken), and afterwards every stored document is as it was.
 */
class HostileJsonBodiesIntegrationTest extends ServiceTest {

    /** Every document of every collection, hashed: what must not change. */
    private String everythingStored() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<String> names = new ArrayList<>();
        db.listCollectionNames().into(names);
        names.sort(null);
        for (String c : names) {
            if (c.equals("changes")) {
                continue; // the change log only records writes; a write would show in its collection
            }
            for (Document d : db.getCollection(c).find().sort(new Document("_id", 1))) {
                md.update((c + d.toJson()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asString();
            s = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    @Test
    void everyJsonBodyRefusesNullWrongTypesDuplicateKeysAndBadTextAndStoresNothing() throws Exception {
        // something to point ids at, so that nothing fails for want of a real asset
        String asset = api.upload(Samples.get("photo-lhasa.jpg"), Api.ADMIN, null).json().get("asset").get("id").asString();
        String before = everythingStored();
        JsonNode doc = api.get("/v3/api-docs", null).json();
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> wrong = new ArrayList<>();
        int endpoints = 0;
        int requests = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                JsonNode body = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (body.isMissingNode()) {
                    continue;
                }
                endpoints++;
                String method = op.getKey().toUpperCase();
                String target = path.getKey().replaceAll("\\{[^}]+}", asset);
                JsonNode schema = resolve(body, schemas);
                Map<String, byte[]> cases = new LinkedHashMap<>();
                cases.put("null", "null".getBytes(StandardCharsets.UTF_8));
                cases.put("a number", "12".getBytes(StandardCharsets.UTF_8));
                cases.put("two bodies", "{} {}".getBytes(StandardCharsets.UTF_8));
                JsonNode props = schema.path("properties");
                if ("object".equals(schema.path("type").asString("object")) && !props.isEmpty()) {
                    cases.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
                }
                for (var p : props.properties()) {
                    String name = p.getKey();
                    JsonNode ps = resolve(p.getValue(), schemas);
                    String type = ps.path("type").asString("");
                    if (type.equals("string")) {
                        int max = ps.path("maxLength").asInt(org.yingzhi.shared.json.InputJson.MAX_TEXT);
                        cases.put(name + " twice", ("{\"" + name + "\":\"a\",\"" + name + "\":\"b\"}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " with NUL", ("{\"" + name + "\":\"a\\u0000b\"}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " with a control character", ("{\"" + name + "\":\"a\\u001bb\"}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " with a lone surrogate", ("{\"" + name + "\":\"a\\ud800b\"}").getBytes(StandardCharsets.UTF_8));
                        byte[] head = ("{\"" + name + "\":\"a").getBytes(StandardCharsets.UTF_8);
                        byte[] bad = new byte[head.length + 4];
                        System.arraycopy(head, 0, bad, 0, head.length);
                        bad[head.length] = (byte) 0xff;
                        bad[head.length + 1] = (byte) 0xfe;
                        bad[head.length + 2] = '"';
                        bad[head.length + 3] = '}';
                        cases.put(name + " not UTF-8", bad);
                        cases.put(name + " a number", ("{\"" + name + "\":12}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " a boolean", ("{\"" + name + "\":true}").getBytes(StandardCharsets.UTF_8));
                        if (!ps.has("enum") && !ps.has("pattern")) {
                            cases.put(name + " too long", ("{\"" + name + "\":\"" + "长".repeat(max + 1) + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    } else if (type.equals("integer") || type.equals("number")) {
                        cases.put(name + " as text", ("{\"" + name + "\":\"12\"}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " a boolean", ("{\"" + name + "\":true}").getBytes(StandardCharsets.UTF_8));
                    } else if (type.equals("boolean")) {
                        cases.put(name + " as text", ("{\"" + name + "\":\"true\"}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " a number", ("{\"" + name + "\":1}").getBytes(StandardCharsets.UTF_8));
                    } else if (type.equals("array")) {
                        cases.put(name + " an object", ("{\"" + name + "\":{}}").getBytes(StandardCharsets.UTF_8));
                        cases.put(name + " with NUL", ("{\"" + name + "\":[\"a\\u0000\"]}").getBytes(StandardCharsets.UTF_8));
                    }
                }
                for (var c : cases.entrySet()) {
                    requests++;
                    RawHttp.Response r = RawHttp.send(port, method, target, Api.ADMIN, c.getValue(),
                            "Content-Type: application/json");
                    if (r.status() != 400 || !r.problemJson()) {
                        wrong.add(method + " " + path.getKey() + " " + c.getKey() + " -> " + r.status() + " "
                                + r.text().substring(0, Math.min(160, r.text().length())));
                    }
                }
            }
        }
        System.out.println("hostile JSON: " + requests + " requests to " + endpoints + " endpoints");
        assertTrue(endpoints >= 14, "the JSON bodies are found: " + endpoints);
        assertTrue(requests > 300, "many cases: " + requests);
        assertEquals(List.of(), wrong);
        assertEquals(before, everythingStored(), "nothing stored changed");
    }

    /** A clean text is taken in NFC: the same word the same way, however the client composed it. */
    @Test
    void textIsStoredInNfc() {
        String id = api.post("/api/index/people", Api.EDITOR, "{\"name\":\"Ame\\u0301lie 张\"}").json().get("id").asString();
        assertEquals("Am\u00e9lie 张", db.getCollection("entries").find(new Document("_id", new ObjectId(id))).first().getString("name"));
    }
}
