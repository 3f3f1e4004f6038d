package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.security.Role;
import org.yingzhi.security.User;
import org.yingzhi.support.ServiceTest;
import org.yingzhi.support.Samples;

/** Imports the samples folder (with its metadata.csv) twice: the second run changes nothing. */
class FolderImportIntegrationTest extends ServiceTest {

    @Autowired
    FolderImporter importer;
    @Autowired
    AssetQueryService assets;

    private final User operator = new User("import", "Folder import", Role.ADMIN, "未注明单位");

    @Test
    void importsEveryFileReportsEachAndCanRunAgain() throws Exception {
        List<FolderImporter.Entry> seen = new ArrayList<>();
        FolderImporter.Report first = importer.importFolder(Samples.DIR, operator, 2, seen::add);
        Map<String, FolderImporter.Entry> byFile = first.entries().stream()
                .collect(Collectors.toMap(FolderImporter.Entry::file, e -> e));
        assertEquals(10, first.entries().size(), first.entries().toString());
        assertEquals(FolderImporter.Outcome.SKIPPED, byFile.get("README.md").outcome());
        assertEquals(FolderImporter.Outcome.SKIPPED, byFile.get("gazetteer/outline.docx").outcome(), "documents in subfolders too");
        assertEquals(first.entries().size(), seen.size());
        assertEquals(7, first.count(FolderImporter.Outcome.IMPORTED));
        FolderImporter.Entry text = byFile.get("not-a-video.mp4");
        assertEquals(FolderImporter.Outcome.REJECTED, text.outcome());
        assertTrue(text.reason().contains("text, not media"), text.reason());
        assertTrue(!byFile.containsKey("metadata.csv"), "sidecars are not imported as media");

        var lhasa = assets.get(byFile.get("photo-lhasa.jpg").assetId(), operator);
        assertEquals("援藏工作队", lhasa.contributorUnit(), "unit from metadata.csv");
        assertEquals("援藏前方指挥部", lhasa.source());
        var corrupt = assets.get(byFile.get("corrupt-truncated.mp4").assetId(), operator);
        assertEquals("未注明单位", corrupt.contributorUnit(), "default unit where the CSV has no row");
        assertEquals(MetadataStatus.FAILED, corrupt.metadataStatus());

        FolderImporter.Report second = importer.importFolder(Samples.DIR, operator, 2, e -> { });
        assertEquals(0, second.count(FolderImporter.Outcome.IMPORTED));
        assertEquals(7, second.count(FolderImporter.Outcome.DUPLICATE));
        for (FolderImporter.Entry e : second.entries()) {
            if (e.outcome() == FolderImporter.Outcome.DUPLICATE) {
                assertEquals(byFile.get(e.file()).assetId(), e.assetId(), e.file());
            }
        }
        try (var files = Files.walk(DATA.resolve("originals"))) {
            assertEquals(7, files.filter(Files::isRegularFile).count(), "one stored original per distinct file");
        }
    }
}
