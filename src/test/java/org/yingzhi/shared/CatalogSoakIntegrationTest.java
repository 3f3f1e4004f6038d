package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yingzhi.support.TestDataDir;

/**
 * A short soak of the embedded catalog (the long one is scripts/soak-catalog): concurrent bulk inserts, updates,
 * scans, sorted pages and counts, with two restarts; nothing acknowledged may be lost and no client may see an
 * error.
 */
class CatalogSoakIntegrationTest {

    @Test
    void concurrentWritesReadsAndRestartsLoseNothing() throws Exception {
        CatalogSoak.Report r = CatalogSoak.run(TestDataDir.create("soak"), Duration.ofSeconds(75), Duration.ofSeconds(25),
                2, 3);
        System.out.println("catalog soak: " + r);
        assertEquals(List.of(), r.errors());
        assertEquals(r.inserted(), r.documents());
        assertTrue(r.restarts() >= 2 && r.reads() > 50 && r.updated() > 0, r.toString());
    }
}
