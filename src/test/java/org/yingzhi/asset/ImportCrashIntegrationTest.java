package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.AuditTrail;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of a batched folder import, then start again: every file the import reported as imported
 * is in the catalog, every asset in the catalog has exactly one upload record (the sweep appends those a batch had
 * journaled), the chain verifies, and running the import again brings in the rest without a second copy.
 */
class ImportCrashIntegrationTest {

    @Test
    void aKillDuringABatchedImportLosesNoReportedFileAndLeavesNoAssetWithoutItsRecord() throws Exception {
        Path data = TestDataDir.create("import-crash");
        Path dir = TestDataDir.create("import-crash-photos");
        int n = 1500;
        Samples.photoCopies(dir, n);
        String[] args = {"--yingzhi.role=api", "--yingzhi.audit.sweep-after=1s", "--yingzhi.import.dir=" + dir,
            "--yingzhi.import.unit=援藏工作队"};
        Set<String> reported = new HashSet<>();
        try (ServiceProcess first = ServiceProcess.start(data, args)) {
            long end = System.currentTimeMillis() + 120_000;
            while (reported(first.logFile()).size() < 200 && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            first.kill9();
            reported.addAll(reported(first.logFile()));
        }
        assertTrue(reported.size() >= 200 && reported.size() < n, "killed part-way: " + reported.size() + " reported");

        try (ServiceProcess second = ServiceProcess.start(data, "--yingzhi.role=api", "--yingzhi.audit.sweep-after=1s")) {
            Api api = new Api(second.port());
            JsonNode v = AuditTrail.settled(api, 60);
            assertEquals(0, v.get("pending").asLong(), "the sweep reconciled the journal: " + v);
            assertTrue(v.get("ok").asBoolean(), v.toString());

            Map<String, Integer> uploads = new HashMap<>();
            AuditTrail.forEach(api, r -> {
                if (r.get("action").asString().equals("asset.upload")) {
                    uploads.merge(r.get("targetId").asString(), 1, Integer::sum);
                }
            });
            for (String id : reported) {
                assertEquals(200, api.get("/api/assets/" + id, Api.ADMIN).status(), "reported as imported, then lost: " + id);
            }
            long cataloged = api.get("/api/assets?size=1", Api.ADMIN).json().get("total").asLong();
            assertTrue(cataloged >= reported.size(), cataloged + " cataloged, " + reported.size() + " reported");
            System.out.printf("killed after %d reported; %d cataloged; %d upload records%n", reported.size(), cataloged, uploads.size());
            assertEquals(cataloged, uploads.size(), "every asset has its upload record");
            assertTrue(uploads.values().stream().allMatch(c -> c == 1), "and only one");
        }

        // the import run again takes the rest; what went in before is a duplicate
        ServiceProcess.Finished again = ServiceProcess.run(data, "--yingzhi.import.dir=" + dir,
                "--yingzhi.import.unit=援藏工作队", "--yingzhi.import.exit=true");
        String summary = again.output().lines().filter(l -> l.startsWith("import of")).findFirst().orElse(again.output());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) imported, (\\d+) duplicate, 0 rejected").matcher(summary);
        assertTrue(m.find(), summary);
        assertEquals(n, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), summary);
        assertTrue(Integer.parseInt(m.group(2)) >= reported.size(), summary);
    }

    /** The asset ids of the files the import has reported as imported, from the service's output. */
    private static Set<String> reported(Path log) throws java.io.IOException {
        Set<String> ids = new HashSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("imported   ")) {
                ids.add(line.substring(11, 35));
            }
        }
        return ids;
    }
}
