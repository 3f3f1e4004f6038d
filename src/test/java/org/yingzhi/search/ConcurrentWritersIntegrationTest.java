package org.yingzhi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.TestDataDir;

/**
 * Two writers of one item apply their changes to this process's index on their own threads (a job's step ending
 * while the office deletes the asset). The first writer's load is held back until the second writer has written
 * and is applying: the index must still end with the newest state, not the first writer's older one (which the
 * poller would never correct, since both changes count as applied). Real change log on the embedded server.
 */
class ConcurrentWritersIntegrationTest {

    @Test
    void theIndexEndsWithTheNewestStateOfAnItemWrittenTwiceAtOnce() throws Exception {
        Path root = TestDataDir.create("search-race");
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(root.resolve("mongo"), 16);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            ChangeLog changes = new ChangeLog(client.getDatabase("race"));
            CountDownLatch firstLoaded = new CountDownLatch(1);
            CountDownLatch secondApplying = new CountDownLatch(1);
            AtomicInteger loads = new AtomicInteger();
            String[] title = {"旧标题水电站"};
            SearchSource source = new SearchSource() {
                public String collection() {
                    return "assets";
                }

                public Optional<SearchDocument> load(String id) {
                    String now = title[0];
                    if (loads.incrementAndGet() == 1) {
                        // the first writer has read the item; it reaches the index only after the second is applying
                        firstLoaded.countDown();
                        try {
                            secondApplying.await(10, TimeUnit.SECONDS);
                            Thread.sleep(300);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Optional.of(doc(id, now));
                }

                public void forEach(Consumer<SearchDocument> each, Runnable allNewerGiven) {
                    allNewerGiven.run();
                }

                public long count() {
                    return 0;
                }
            };
            SearchService search = new SearchService(changes, List.of(source), root.resolve("index"), true, "api",
                    Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofHours(1));
            search.start();
            try {
                long end = System.currentTimeMillis() + 20_000;
                while (!search.ready() && System.currentTimeMillis() < end) {
                    Thread.sleep(20);
                }
                assertTrue(search.ready());
                Thread first = new Thread(() -> changes.record("assets", "a1"));
                first.start();
                assertTrue(firstLoaded.await(10, TimeUnit.SECONDS));
                title[0] = "新标题验收";
                Thread second = new Thread(() -> {
                    secondApplying.countDown();
                    changes.record("assets", "a1");
                });
                second.start();
                first.join(15_000);
                second.join(15_000);
                assertEquals(1, search.search(q("验收")).total(), "the newest title is what the index holds");
                assertEquals(0, search.search(q("旧标题")).total(), "the older state did not overwrite it");
            } finally {
                search.stop();
            }
        }
    }

    private static SearchDocument doc(String id, String title) {
        return new SearchDocument(id, "VIDEO", "省广播电视局", "READY", "PENDING", "mov", null, null, 2008, 1, 1, null, 1000,
                false, false, List.of(), title, "", List.of());
    }

    private static SearchQuery q(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, null, false,
                SearchQuery.Sort.RELEVANCE, true, 0, 50, null, true, true);
    }
}
