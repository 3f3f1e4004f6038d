package org.yingzhi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.Api;
import org.yingzhi.support.ServiceTest;
import org.yingzhi.support.SyntheticCatalog;
import tools.jackson.databind.JsonNode;

/**
 * After a restore or a bulk load the index is rebuilt; it reads the catalog newest first, so the newest pages of
 * the library are answered from it long before it ends, instead of by a walk over the whole catalog. Checked here
 * while the rebuild runs: the answer is exactly the catalog's newest 50, and the library page (newest first, or with
 * words) answers from what the index holds with a notice saying how much that is. (How fast, at a million:
 * scripts/bench-search.)
 */
class NewestDuringRebuildIntegrationTest extends ServiceTest {

    @Autowired
    EmbeddedMongoServer mongo;

    @Test
    void theNewestPageIsServedExactlyWhileTheIndexIsRebuilt() throws Exception {
        SyntheticCatalog.fill(mongo.connectionString(), db.getName(), 0, 40_000, 7);
        List<String> newest = new ArrayList<>();
        for (Document d : db.getCollection("assets").find().sort(new Document("createdAt", -1).append("_id", -1)).limit(50)) {
            newest.add(d.getObjectId("_id").toHexString());
        }
        assertEquals(202, api.post("/api/admin/reindex", Api.ADMIN, "").status());
        int servedDuring = 0;
        long end = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < end) {
            JsonNode s = api.get("/api/admin/search-index", Api.ADMIN).json();
            if ("ready".equals(s.get("state").asString())) {
                break;
            }
            if ("rebuilding".equals(s.get("state").asString()) && s.get("newestSearchable").asLong() >= 50) {
                JsonNode page = api.get("/api/assets?size=50", Api.ADMIN).json();
                List<String> got = new ArrayList<>();
                page.get("items").forEach(a -> got.add(a.get("id").asString()));
                assertEquals(newest, got, "the newest 50, exactly, while the rebuild has " + s);
                assertTrue(page.get("total").asLong() >= 40_000, page.get("total").toString());
                // the library page, newest first and with words: answered from what the index holds, and it says so
                String library = api.get("/", Api.ADMIN).body();
                String words = api.get("/?q=" + Api.q("人民医院"), Api.ADMIN).body();
                if ("rebuilding".equals(api.get("/api/admin/search-index", Api.ADMIN).json().get("state").asString())) {
                    servedDuring++;
                    for (String html : List.of(library, words)) {
                        assertTrue(html.contains("搜索索引重建中：已收入最新的"), html.substring(0, Math.min(html.length(), 3000)));
                    }
                    int at = 0;
                    for (String id : newest.subList(0, 48)) { // the grid's 48, in order
                        int next = library.indexOf("href=\"/assets/" + id + "\"", at);
                        assertTrue(next > at, "the library page shows " + id + " in its place");
                        at = next;
                    }
                    assertTrue(words.contains("人民医院"), "the words found something in the newest items");
                    assertTrue(!words.contains("没有找到符合条件的资料"), "matches shown, not an empty page");
                }
            }
            Thread.sleep(200);
        }
        assertTrue(servedDuring > 0, "a newest page was answered while the index was still being rebuilt");
    }
}
