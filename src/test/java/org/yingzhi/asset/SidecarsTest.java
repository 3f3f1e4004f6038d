package org.yingzhi.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarsTest {

    @Test
    void csvWithQuotesCommasAndLineBreaks() {
        List<List<String>> rows = Sidecars.parseCsv("file,title\r\na.jpg,\"拉萨, 2009\"\nb.jpg,\"two\nlines \"\"quoted\"\"\"\n\n");
        assertEquals(List.of(List.of("file", "title"), List.of("a.jpg", "拉萨, 2009"),
                List.of("b.jpg", "two\nlines \"quoted\"")), rows);
    }

    @Test
    void perFileJsonWinsOverFolderCsv(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metadata.csv"), "\uFEFFfile,title,keywords,place\nx.jpg,CSV 标题,援藏;拉萨,拉萨\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("x.jpg.json"), "{\"title\":\"JSON 标题\"}", StandardCharsets.UTF_8);
        AssetDescription d = new Sidecars().forFile(dir.resolve("x.jpg"));
        assertEquals("JSON 标题", d.title());
        assertEquals(List.of("援藏", "拉萨"), d.keywords());
        assertEquals("拉萨", d.place());
        assertEquals(AssetDescription.empty(), new Sidecars().forFile(dir.resolve("other.jpg")));
    }

    @Test
    void malformedSidecarsAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("y.jpg.json"), "{not json", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sidecars().forFile(dir.resolve("y.jpg")));
        assertTrue(e.getMessage().startsWith("sidecar y.jpg.json: not valid JSON"), e.getMessage());
        Files.writeString(dir.resolve("w.jpg.json"), "{\"titel\":\"typo\"}", StandardCharsets.UTF_8);
        assertEquals("sidecar w.jpg.json: unknown field 'titel'",
                assertThrows(IllegalArgumentException.class, () -> new Sidecars().forFile(dir.resolve("w.jpg"))).getMessage());
        Files.writeString(dir.resolve("metadata.csv"), "name,title\nz.jpg,t\n", StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> new Sidecars().forFile(dir.resolve("z.jpg")));
    }
}
