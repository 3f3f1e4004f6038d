package org.yingzhi.support;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yingzhi.search.SearchService;

/**
 * The one set-up of the integration tests that process media: the whole service (API and job workers polling every
 * 100 ms) over real HTTP on the embedded catalog, with real FFmpeg. Subclasses share one Spring context; each says
 * when it wants an empty catalog ({@link #freshCatalog()}), since some process their samples once for all tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProcessingServiceTest {

    protected static final Path DATA = TestDataDir.create("processing");

    @DynamicPropertySource
    static void processingProperties(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.jobs.poll", () -> "100ms");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoDatabase db;
    @Autowired
    protected SearchService search;
    @Autowired
    protected org.yingzhi.asset.AssetTallies tallies;

    /** Empties the catalog, the media store and the search index. */
    protected void freshCatalog() {
        FreshCatalog.reset(db, DATA, search);
        tallies.rebuild();
    }
}
