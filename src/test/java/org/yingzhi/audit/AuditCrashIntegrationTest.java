package org.yingzhi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.AuditTrail;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 while edits and links are being written, then start again: after the sweep, every version the asset
 * went through has exactly one edit record, every link in the catalog has its record, and the chain verifies.
 */
class AuditCrashIntegrationTest {

    @Test
    void aKillDuringWritesLeavesNoWriteWithoutItsRecord() throws Exception {
        Path data = TestDataDir.create("audit-crash");
        String clip;
        String person;
        AtomicInteger acknowledged = new AtomicInteger();
        try (ServiceProcess first = ServiceProcess.start(data, "--yingzhi.role=api", "--yingzhi.audit.sweep-after=1s")) {
            Api api = new Api(first.port());
            Api.Response up = api.upload(Samples.get("clip-2997df.mov"), Api.BUREAU, null);
            assertEquals(201, up.status(), up.body());
            clip = up.json().get("asset").get("id").asString();
            person = api.post("/api/index/people", Api.ADMIN, "{\"name\":\"张晓明\"}").json().get("id").asString();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int n = t;
                Thread w = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            Api.Response r = n == 0
                                    ? api.post("/api/links", Api.EDITOR, "{\"asset\":\"" + clip + "\",\"target\":\"person\","
                                            + "\"targetId\":\"" + person + "\",\"note\":\"第" + i + "次\"}")
                                    : api.patch("/api/assets/" + clip, Api.BUREAU, "{\"title\":\"标题 " + n + "-" + i + "\"}");
                            if (r.status() / 100 == 2) {
                                acknowledged.incrementAndGet();
                            }
                        } catch (RuntimeException crashed) {
                            return;
                        }
                    }
                });
                w.start();
                writers.add(w);
            }
            Thread.sleep(2_500);
            first.kill9();
            stop.set(true);
            for (Thread w : writers) {
                w.join(10_000);
            }
        }
        assertTrue(acknowledged.get() > 10, "writes were under way: " + acknowledged.get());
        try (ServiceProcess second = ServiceProcess.start(data, "--yingzhi.role=api", "--yingzhi.audit.sweep-after=1s")) {
            Api api = new Api(second.port());
            JsonNode v = AuditTrail.settled(api, 30);
            assertEquals(0, v.get("pending").asLong(), "the sweep reconciled the journal: " + v);
            assertTrue(v.get("ok").asBoolean(), v.toString());

            Map<String, Integer> recordsPerTarget = new HashMap<>();
            Set<Long> versions = new HashSet<>();
            int[] edits = {0};
            AuditTrail.forEach(api, r -> {
                String action = r.get("action").asString();
                if (action.equals("asset.edit")) {
                    edits[0]++;
                    versions.add(r.get("after").get("version").asLong());
                } else if (action.equals("link.create")) {
                    recordsPerTarget.merge(r.get("targetId").asString(), 1, Integer::sum);
                }
            });
            long version = api.get("/api/assets/" + clip, Api.ADMIN).json().get("version").asLong();
            assertEquals(edits[0], versions.size(), "no version recorded twice");
            for (long x = 1; x <= version; x++) {
                assertTrue(versions.contains(x), "version " + x + " of the asset has no record; recorded " + versions);
            }
            for (JsonNode l : api.get("/api/assets/" + clip + "/links", Api.ADMIN).json()) {
                String id = l.get("link").get("id").asString();
                assertEquals(1, recordsPerTarget.getOrDefault(id, 0), "link " + id + " has exactly one record");
            }
        }
    }
}
