package org.yingzhi.support;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yingzhi.gazetteer.index.Units;
import org.yingzhi.gazetteer.link.LinkGraph;
import org.yingzhi.search.SearchService;

/**
 * The one set-up of the HTTP integration tests that need no processing: the service over real HTTP on a random
 * port, on the embedded catalog over TCP, in the API role (no workers: a queued job stays queued, and every test
 * sees only what it wrote), taking files up to 5 MB. Every subclass shares one Spring context (same properties), and each test starts from
 * an empty catalog, media store, search index, link graph and unit list. A subclass that needs other properties
 * adds its own {@code @DynamicPropertySource} and gets a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    protected static final Path DATA = TestDataDir.create("service");

    @DynamicPropertySource
    static void serviceProperties(DynamicPropertyRegistry r) {
        r.add("yingzhi.storage.data-dir", DATA::toString);
        r.add("yingzhi.role", () -> "api");
        r.add("yingzhi.upload.max-file-size", () -> "5MB"); // small enough to test the limit with a real upload
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoDatabase db;
    @Autowired
    protected SearchService search;
    @Autowired
    protected LinkGraph graph;
    @Autowired
    protected Units units;
    @Autowired
    protected org.yingzhi.asset.AssetTallies tallies;
    protected Api api;

    @BeforeEach
    void freshService() {
        FreshCatalog.reset(db, DATA, search);
        graph.rebuild();
        tallies.rebuild();
        units.reload();
        api = new Api(port);
    }
}
