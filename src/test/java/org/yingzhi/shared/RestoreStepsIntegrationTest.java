package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's backup and restore lines, run as written (only its example paths mapped to folders of this test):
 * copy the media store, back the stopped catalog up, restore it with the originals into a new data directory, and
 * serve it. Every original must then be served byte for byte; before the restore took the originals itself, the
 * documented copy nested them one level down and every original answered 410.
 */
class RestoreStepsIntegrationTest {

    @Test
    void theReadmesStepsGiveAServiceThatServesEveryOriginal() throws Exception {
        Path root = TestDataDir.create("restore-steps");
        Path data = root.resolve("data");
        Map<String, String> sha = new java.util.LinkedHashMap<>();
        try (ServiceProcess service = ServiceProcess.start(data)) {
            Api api = new Api(service.port());
            for (String s : List.of("photo-lhasa.jpg", "tone.wav", "clip-25ndf.mp4")) {
                JsonNode a = api.upload(Samples.get(s), Api.ADMIN, null).json().get("asset");
                sha.put(a.get("id").asString(), a.get("original").get("sha256").asString());
            }
        }
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("## Backup and restore");
        String block = readme.substring(readme.indexOf("```bash", at) + 7, readme.indexOf("```", readme.indexOf("```bash", at) + 7));
        List<String> steps = new ArrayList<>();
        for (String line : block.lines().toList()) {
            String cmd = line.replaceAll("\\s+#.*$", "").strip();
            if (cmd.startsWith("mkdir -p /mnt/backup/originals") || cmd.startsWith("scripts/backup --offline")
                    || (cmd.startsWith("scripts/restore") && cmd.contains("--originals"))) {
                // the examples' folders, here; the service's own ./data is this test's data directory
                String mapped = cmd.replace("/mnt/backup", root.resolve("backup").toString())
                        .replace("/srv/yingzhi-restored", root.resolve("restored").toString())
                        .replace(" data/originals/", " " + data.resolve("originals") + "/");
                if (mapped.startsWith("scripts/backup --offline")) {
                    mapped += " --data-dir " + data; // the README's line reads ./data, the service's default
                }
                steps.add(mapped);
            }
        }
        assertEquals(3, steps.size(), "the README's copy, backup and restore lines: " + steps);
        for (String step : steps) {
            Process p = new ProcessBuilder("bash", "-c", step).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), step + "\n" + out);
        }
        Path restored = root.resolve("restored");
        assertTrue(Files.isDirectory(restored.resolve("originals")));
        assertTrue(!Files.exists(restored.resolve("originals").resolve("originals")), "not nested one level down");
        try (ServiceProcess service = ServiceProcess.start(restored)) {
            Api api = new Api(service.port());
            for (Map.Entry<String, String> e : sha.entrySet()) {
                var r = api.getBytes("/api/assets/" + e.getKey() + "/original", Api.ADMIN, null);
                assertEquals(200, r.statusCode(), e.getKey());
                assertEquals(e.getValue(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body())));
            }
        }
    }
}
