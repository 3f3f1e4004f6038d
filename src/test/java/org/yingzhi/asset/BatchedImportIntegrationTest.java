package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.job.JobQueue;
import org.yingzhi.search.SearchQuery;
import org.yingzhi.security.Role;
import org.yingzhi.security.User;
import org.yingzhi.shared.audit.AuditLog;
import org.yingzhi.support.Api;
import org.yingzhi.support.Samples;
import org.yingzhi.support.ServiceTest;
import org.yingzhi.support.TestDataDir;

/**
 * A folder larger than one batch of catalog writes (FolderImporter.BATCH): every photo is cataloged once, with one
 * audit record in an intact chain, its jobs queued, its quickprint kept and found by search as soon as its entry is
 * reported; two copies of one file in the folder give one asset; a file another unit uploaded before is the same
 * asset, now held by the importing unit too.
 */
class BatchedImportIntegrationTest extends ServiceTest {

    @Autowired
    FolderImporter importer;
    @Autowired
    AuditLog audit;
    @Autowired
    JobQueue jobs;
    @Autowired
    AssetIngestService ingest;
    @Autowired
    AssetRepository repo;

    private final User operator = new User("import", "Folder import", Role.ADMIN, "拉萨市援藏指挥部");

    @Test
    void aFolderOfSeveralBatchesIsCatalogedOnceRecordedQueuedAndSearchable() throws Exception {
        Path dir = TestDataDir.create("batched-import");
        byte[] photo = Files.readAllBytes(Samples.get("photo-lhasa.jpg"));
        int n = FolderImporter.BATCH + 60;
        Samples.photoCopies(dir, n);
        byte[] twin = Samples.withTail(photo, "twin".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("twin-a.jpg"), twin);
        Files.write(dir.resolve("twin-b.jpg"), twin);
        byte[] held = Samples.withTail(photo, "held".getBytes(StandardCharsets.UTF_8));
        String heldId = api.upload("held.jpg", held, Api.BUREAU, "{}").json().get("asset").get("id").asString();
        Files.write(dir.resolve("held-again.jpg"), held);

        List<FolderImporter.Entry> seen = new ArrayList<>();
        List<long[]> reportedVsSearchable = new ArrayList<>();
        long[] importedSoFar = {0};
        FolderImporter.Report r = importer.importFolder(dir, operator, 2, e -> {
            seen.add(e);
            if (e.outcome() == FolderImporter.Outcome.IMPORTED && ++importedSoFar[0] % 50 == 0) {
                try {
                    reportedVsSearchable.add(new long[] {importedSoFar[0], search.search(everything()).total()});
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }
        });
        Map<String, FolderImporter.Entry> byFile = r.entries().stream().collect(Collectors.toMap(FolderImporter.Entry::file, e -> e));
        assertEquals(n + 3, seen.size(), "one entry per file, reported once");
        assertEquals(n + 1, r.count(FolderImporter.Outcome.IMPORTED), r.entries().stream()
                .filter(e -> e.outcome() != FolderImporter.Outcome.IMPORTED).toList().toString());
        assertEquals(2, r.count(FolderImporter.Outcome.DUPLICATE));
        String a = byFile.get("twin-a.jpg").assetId();
        assertEquals(a, byFile.get("twin-b.jpg").assetId(), "two copies of one file: one asset");
        assertEquals(heldId, byFile.get("held-again.jpg").assetId());
        Asset heldAsset = repo.findById(new org.bson.types.ObjectId(heldId)).orElseThrow();
        assertTrue(heldAsset.contributions().stream().anyMatch(c -> "拉萨市援藏指挥部".equals(c.unit())),
                "the importing unit holds the bureau's file too: " + heldAsset.contributions());

        Set<String> imported = new HashSet<>();
        for (FolderImporter.Entry e : r.entries()) {
            if (e.outcome() == FolderImporter.Outcome.IMPORTED) {
                assertTrue(imported.add(e.assetId()), "each imported file is its own asset");
            }
        }
        assertEquals(n + 1, imported.size());
        assertEquals(n + 2, db.getCollection(AssetRepository.COLLECTION).countDocuments(), "the held file and the new ones");

        // each new asset: one upload record in the chain, its steps queued, its quickprint kept
        assertTrue(audit.verify().ok(), "the audit chain is intact after batched appends");
        for (String id : imported) {
            List<?> records = audit.find(new AuditLog.Query(id, null, null, null, 0, 10)).stream()
                    .filter(x -> x.action().equals("asset.upload")).toList();
            assertEquals(1, records.size(), "one upload record for " + id);
            Asset asset = repo.findById(new org.bson.types.ObjectId(id)).orElseThrow();
            for (String step : asset.processing().steps().keySet()) {
                assertTrue(jobs.state(AssetProcessing.subject(id), step).isPresent(), step + " of " + id + " queued");
            }
        }
        assertEquals(0, audit.verify().pending(), "no journal entry left behind");
        Path one = dir.resolve("IMG_0007.jpg");
        assertEquals(byFile.get("IMG_0007.jpg").assetId(),
                ingest.likelyHeld(List.of(Quickprint.of(one)), operator).get(0).id(), "the quickprint finds it before upload");

        // found by search: whenever an entry was reported, the index held every asset reported so far
        assertFalse(reportedVsSearchable.isEmpty());
        for (long[] at : reportedVsSearchable) {
            assertTrue(at[1] >= at[0] + 1, at[0] + " reported, " + at[1] + " searchable (with the held file)");
        }
        assertEquals(n + 2, search.search(everything()).total(), "every asset is in the index");

        // a second run changes nothing
        long records = audit.verify().records();
        FolderImporter.Report again = importer.importFolder(dir, operator, 2, e -> { });
        assertEquals(0, again.count(FolderImporter.Outcome.IMPORTED));
        assertEquals(n + 3, again.count(FolderImporter.Outcome.DUPLICATE));
        assertEquals(records, audit.verify().records(), "nothing recorded for files held already");
    }

    private static SearchQuery everything() {
        return new SearchQuery(null, null, null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.CREATED, true, 0, 1, null, true, true);
    }

}
