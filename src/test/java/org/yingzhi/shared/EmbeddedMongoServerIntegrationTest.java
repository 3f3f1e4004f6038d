package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.mongo.CatalogInUseException;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.TestDataDir;

class EmbeddedMongoServerIntegrationTest {

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsToldWhy() {
        Path dir = TestDataDir.create("locked");
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(dir, 16)) {
            CatalogInUseException e = assertThrows(CatalogInUseException.class, () -> EmbeddedMongoServer.start(dir, 16));
            assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
            assertTrue(first.connectionString().startsWith("mongodb://127.0.0.1:"));
        }
        try (EmbeddedMongoServer again = EmbeddedMongoServer.start(dir, 16)) {
            assertTrue(again.connectionString().startsWith("mongodb://127.0.0.1:"), "free again once closed");
        }
    }
}
