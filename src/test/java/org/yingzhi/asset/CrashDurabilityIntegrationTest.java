package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;

/** kill -9 right after acknowledged writes loses nothing: the embedded catalog commits before answering. */
class CrashDurabilityIntegrationTest {

    @Test
    void acknowledgedUploadsAndEditsSurviveKill9() throws Exception {
        Path data = TestDataDir.create("crash");
        List<String> ids = new ArrayList<>();
        String patchedId;
        try (ServiceProcess first = ServiceProcess.start(data, "--yingzhi.role=api")) {
            Api api = new Api(first.port());
            for (String s : List.of("clip-2997df.mov", "photo-lhasa.jpg", "tone.wav")) {
                Api.Response r = api.upload(Samples.get(s), Api.ADMIN, "{\"contributorUnit\":\"省广播电视局\"}");
                assertEquals(201, r.status(), r.body());
                ids.add(r.json().get("asset").get("id").asString());
            }
            patchedId = ids.get(1);
            assertEquals(200, api.patch("/api/assets/" + patchedId, Api.ADMIN, "{\"title\":\"崩溃前的最后一次修改\"}").status());
            first.kill9();
        }
        try (ServiceProcess second = ServiceProcess.start(data, "--yingzhi.role=api")) {
            Api api = new Api(second.port());
            for (int i = 0; i < ids.size(); i++) {
                Api.Response r = api.get("/api/assets/" + ids.get(i), Api.ADMIN);
                assertEquals(200, r.status(), "asset lost after kill -9: " + ids.get(i));
                byte[] expected = Files.readAllBytes(Samples.get(List.of("clip-2997df.mov", "photo-lhasa.jpg",
                        "tone.wav").get(i)));
                assertArrayEquals(expected, api.getBytes("/api/assets/" + ids.get(i) + "/original", Api.ADMIN, null).body());
            }
            assertEquals("崩溃前的最后一次修改", api.get("/api/assets/" + patchedId, Api.ADMIN).json().get("title").asString());
            assertEquals(3, api.get("/api/assets", Api.ADMIN).json().get("total").asLong());
        }
    }
}
