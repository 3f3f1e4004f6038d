package org.yingzhi.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.Api;
import org.yingzhi.support.AuditTrail;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceProcess;
import org.yingzhi.support.TestDataDir;

/**
 * The service on a small file system of its own (a 48 MB tmpfs the test mounts; it needs root, and is skipped
 * with the reason where mounting is not allowed) that is then filled up: uploads and edits answer 507, reads
 * answer 200 throughout, and once space is freed writes work again without a restart; afterwards the catalog and
 * every acknowledged original are intact.
 */
class DiskFullIntegrationTest {

    static final Path ROOT = TestDataDir.create("disk-full");
    static final Path DATA = ROOT.resolve("data");
    static boolean mounted;

    @BeforeAll
    static void mountSmallFileSystem() throws Exception {
        Files.createDirectories(DATA);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", DATA.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor() == 0, "cannot mount a small tmpfs here (needs root): " + out.strip());
        mounted = true;
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", DATA.toString()).inheritIO().start().waitFor();
        }
    }

    /**
     * Fills the file system up to {@code leaveBytes} free, appending to the filler (topping up what the service
     * freed meanwhile, e.g. a search index that dropped its segments); with 0 it ends with single bytes, so not
     * even a page's remainder is left for a small write to slip into.
     */
    private static void fill(Path filler, long leaveBytes) throws IOException {
        long free = Files.getFileStore(DATA).getUsableSpace();
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (long left = free - leaveBytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
                out.flush();
            }
        } catch (IOException e) {
            // full
        }
        if (leaveBytes > 0) {
            return;
        }
        for (int size : new int[] {4096, 1}) {
            for (int i = 0; i < 100_000; i++) {
                try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
                    out.write(block, 0, size);
                } catch (IOException e) {
                    break;
                }
            }
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aFullDiskFailsWritesAloneAndTheyResumeWhenSpaceIsBack() throws Exception {
        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        Path filler = DATA.resolve("filler.bin");
        try (ServiceProcess service = ServiceProcess.start(DATA, "--yingzhi.role=api", "--yingzhi.upload.disk-reserve=2MB")) {
            Api api = new Api(service.port());
            for (String s : new String[] {"photo-lhasa.jpg", "tone.mp3", "clip-25ndf.mp4"}) {
                Api.Response r = api.upload(Samples.get(s), Api.TIBET, null);
                assertEquals(201, r.status(), r.body());
                acknowledged.put(r.json().get("asset").get("id").asString(), Files.readAllBytes(Samples.get(s)));
            }
            String id = acknowledged.keySet().iterator().next();

            // reads go on in the background the whole time
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicInteger reads = new AtomicInteger();
            List<String> failedReads = new ArrayList<>();
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    for (String path : new String[] {"/api/assets?size=10", "/api/assets/" + id, "/api/assets/" + id + "/original"}) {
                        var r = api.getBytes(path, Api.REVIEWER, null);
                        reads.incrementAndGet();
                        if (r.statusCode() != 200) {
                            synchronized (failedReads) {
                                failedReads.add(path + " " + r.statusCode());
                            }
                        }
                    }
                }
            });
            reader.start();

            // an upload larger than the free space less the reserve is refused before a byte is written
            fill(filler, 6 * 1024 * 1024);
            Api.Response big = api.upload("big.wav", new byte[5 * 1024 * 1024], Api.TIBET, null);
            assertEquals(507, big.status(), big.body());
            assertTrue(big.contentType().startsWith("application/problem+json"));

            // now truly full: whatever write comes next fails alone, with 507
            Files.delete(filler);
            fill(filler, 0);
            // The catalog may still take a small write into free space inside its own file (the MVStore reuses
            // it); once that is used up its writes fail. Every answer is 200 or 507, never anything else.
            int catalogRefusals = 0;
            for (int i = 0; i < 300 && catalogRefusals < 3; i++) {
                fill(filler, 0);
                Api.Response patch = api.patch("/api/assets/" + id, Api.TIBET, "{\"title\":\"满盘" + i + "\"}");
                assertTrue(patch.status() == 200 || patch.status() == 507, patch.status() + " " + patch.body());
                if (patch.status() == 507) {
                    catalogRefusals++;
                    assertTrue(patch.contentType().startsWith("application/problem+json"));
                }
            }
            assertTrue(catalogRefusals > 0, "the catalog's writes failed on the full disk");
            fill(filler, 0);
            Api.Response refused = api.upload(Samples.get("photo-kashgar.jpg"), Api.TIBET, null);
            assertEquals(507, refused.status(), "a new original needs space: " + refused.body());

            fill(filler, 0);
            Api.Response health = api.get("/actuator/health", Api.ADMIN);
            assertEquals(503, health.status(), health.body());
            assertEquals("DOWN", health.json().get("components").get("diskSpace").get("status").asString());
            assertEquals("UP", health.json().get("components").get("catalog").get("status").asString(), health.body());

            // space is back: writes work again, no restart
            Files.delete(filler);
            Api.Response patch = null;
            for (int i = 0; i < 50; i++) {
                patch = api.patch("/api/assets/" + id, Api.TIBET, "{\"title\":\"又有空间了\"}");
                if (patch.status() == 200) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals(200, patch.status(), patch.body());
            Api.Response up = api.upload(Samples.get("photo-kashgar.jpg"), Api.TIBET, null);
            assertEquals(201, up.status(), up.body());
            assertEquals(200, api.get("/actuator/health", Api.ADMIN).status());
            // the lists (the search index) hold the new asset again: the index recovered from its failed writes
            long total = 0;
            for (int i = 0; i < 100 && total != acknowledged.size() + 1; i++) {
                total = api.get("/api/assets?size=50", Api.BUREAU).json().get("total").asLong();
                Thread.sleep(100);
            }
            assertEquals(acknowledged.size() + 1, total, "listed after the disk was freed, without a restart");
            assertEquals("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}",
                    api.get("/actuator/health", null).body(), "anonymous callers see the status only");
            acknowledged.put(up.json().get("asset").get("id").asString(), Files.readAllBytes(Samples.get("photo-kashgar.jpg")));

            reading.set(false);
            reader.join();
            assertTrue(reads.get() > 10, "reads ran throughout: " + reads.get());
            assertEquals(List.of(), failedReads, "every read answered 200 while the disk was full");
        }

        // after a restart: every acknowledged asset with its original, and the last edit
        try (ServiceProcess service = ServiceProcess.start(DATA, "--yingzhi.role=api")) {
            Api api = new Api(service.port());
            for (Map.Entry<String, byte[]> e : acknowledged.entrySet()) {
                Api.Response a = api.get("/api/assets/" + e.getKey(), Api.TIBET);
                assertEquals(200, a.status(), a.body());
                assertEquals(sha256(e.getValue()), a.json().get("original").get("sha256").asString());
                byte[] stored = api.getBytes("/api/assets/" + e.getKey() + "/original", Api.TIBET, null).body();
                assertArrayEquals(e.getValue(), stored);
            }
            assertEquals(acknowledged.size(), api.get("/api/assets?size=50", Api.TIBET).json().get("total").asInt());
            assertTrue(api.get("/api/assets?size=50", Api.TIBET).body().contains("又有空间了"));
        }
    }

    /**
     * A folder import into a disk that fills up part-way: the files that no longer fit are reported rejected with
     * a reason and the import ends; nothing it reported as imported is lost, no asset is left without its upload
     * record, and once space is back the same import takes the rest.
     */
    @Test
    void aFolderImportOntoAFillingDiskLosesNothingAndFinishesWhenSpaceIsBack() throws Exception {
        Path data = DATA.resolve("import");
        Path photos = TestDataDir.create("disk-full-photos");
        int n = 600;
        Samples.photoCopies(photos, n);
        // a catalog with its indexes first, then the disk filled to 4 MB short of full: room for some of the photos
        try (ServiceProcess service = ServiceProcess.start(data, "--yingzhi.role=api")) {
            assertEquals(200, new Api(service.port()).get("/api/assets", Api.ADMIN).status());
        }
        Path filler = DATA.resolve("import-filler.bin");
        fill(filler, 4 * 1024 * 1024);
        ServiceProcess.Finished first = ServiceProcess.run(data, "--yingzhi.import.dir=" + photos,
                "--yingzhi.import.unit=援藏工作队", "--yingzhi.import.exit=true");
        List<String> imported = first.output().lines().filter(l -> l.startsWith("imported   "))
                .map(l -> l.substring(11, 35)).toList();
        List<String> rejected = first.output().lines().filter(l -> l.startsWith("rejected   ")).toList();
        System.out.printf("on the filling disk: %d imported, %d rejected; e.g. %s%n", imported.size(), rejected.size(),
                rejected.isEmpty() ? "-" : rejected.get(0));
        assertTrue(!imported.isEmpty() && !rejected.isEmpty(), "the disk filled part-way: " + imported.size()
                + " imported, " + rejected.size() + " rejected\n" + first.output().lines().filter(l -> l.startsWith("import")).toList());
        for (String r : rejected) {
            assertTrue(r.contains("disk full: the catalog could not store it") || r.contains("No space left on device"),
                    "the reason says the disk is full: " + r);
        }
        assertEquals(n, imported.size() + rejected.size(), "every file has its line");

        Files.delete(filler);
        try (ServiceProcess service = ServiceProcess.start(data, "--yingzhi.role=api", "--yingzhi.audit.sweep-after=1s")) {
            Api api = new Api(service.port());
            tools.jackson.databind.JsonNode v = AuditTrail.settled(api, 60);
            assertEquals(0, v.get("pending").asLong(), v.toString());
            assertTrue(v.get("ok").asBoolean(), v.toString());
            for (String id : imported) {
                Api.Response a = api.get("/api/assets/" + id, Api.ADMIN);
                assertEquals(200, a.status(), "reported imported, then lost: " + id);
                assertEquals(a.json().get("original").get("sha256").asString(),
                        sha256(api.getBytes("/api/assets/" + id + "/original", Api.ADMIN, null).body()));
            }
            long[] uploads = {0};
            AuditTrail.forEach(api, r -> uploads[0] += r.get("action").asString().equals("asset.upload") ? 1 : 0);
            assertEquals(api.get("/api/assets?size=1", Api.ADMIN).json().get("total").asLong(), uploads[0],
                    "one upload record per cataloged asset");
        }
        ServiceProcess.Finished again = ServiceProcess.run(data, "--yingzhi.import.dir=" + photos,
                "--yingzhi.import.unit=援藏工作队", "--yingzhi.import.exit=true");
        String summary = again.output().lines().filter(l -> l.startsWith("import of")).findFirst().orElse(again.output());
        assertTrue(summary.contains(" 0 rejected"), summary);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) imported, (\\d+) duplicate").matcher(summary);
        assertTrue(m.find(), summary);
        assertEquals(n, Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)), summary);
    }
}
