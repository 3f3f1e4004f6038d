package org.yingzhi.shared.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.mongo.EmbeddedMongoServer;
import org.yingzhi.support.TestDataDir;

/**
 * {@link AuditLog#writeAll} against the embedded server: a batch's records go into the chain in order with one
 * insert; when another process appended meanwhile (its head is newer than this one's), the ordered insert stops at
 * the taken seq and the rest is chained again from the new head, so the chain stays whole; an item the write did
 * not do gets no record; a write that throws records what its probes find and nothing else.
 */
class AuditBatchAppendIntegrationTest {

    @Test
    void batchesAreChainedInOrderAcrossAnotherWritersAppends() throws Exception {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(TestDataDir.create("audit-batch").resolve("mongo"), 16);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase("audit");
            AuditLog one = new AuditLog(new AuditRepository(db));
            AuditLog other = new AuditLog(new AuditRepository(db)); // another process on the same catalog
            one.writeAll(changes("a", 3), probes(3), () -> Arrays.asList("a0", "a1", "a2"), (c, r) -> c);
            other.record(Change.of("asset.edit", "asset", "x").with("title", "another process"));
            // one's head is stale now: its next batch conflicts at its first record and is chained again
            List<String> done = one.writeAll(changes("b", 4), probes(4), () -> Arrays.asList("b0", null, "b2", "b3"), (c, r) -> c);
            assertNull(done.get(1));
            other.record(Change.of("asset.edit", "asset", "y").with("title", "again"));
            one.writeAll(changes("c", 2), probes(2), () -> Arrays.asList("c0", "c1"), (c, r) -> c);

            AuditLog.Verification v = one.verify();
            assertTrue(v.ok(), v.toString());
            assertEquals(3 + 1 + 3 + 1 + 2, v.records(), "b1 was not written: no record for it");
            assertEquals(0, v.pending());
            List<String> targets = new ArrayList<>();
            for (Document d : db.getCollection(AuditRepository.COLLECTION).find().sort(new Document("seq", 1))) {
                targets.add(d.get("target", Document.class).getString("id"));
            }
            assertEquals(List.of("a0", "a1", "a2", "x", "b0", "b2", "b3", "y", "c0", "c1"), targets, "in the order written");

            // a write that throws: only the changes its probes find are recorded
            db.getCollection("things").insertOne(new Document("_id", "d1"));
            assertThrows(IllegalStateException.class, () -> one.writeAll(changes("d", 2),
                    List.of(Probe.exists("things", new Document("_id", "d0")), Probe.exists("things", new Document("_id", "d1"))),
                    () -> {
                        throw new IllegalStateException("the catalog refused part of the batch");
                    }, (c, r) -> c));
            v = one.verify();
            assertTrue(v.ok(), v.toString());
            assertEquals(11, v.records(), "d1 happened and is recorded; d0 did not");
            assertEquals(0, v.pending());
        }
    }

    private static List<Change> changes(String prefix, int n) {
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Change.of("asset.upload", "asset", prefix + i).unit("省广播电视局"));
        }
        return out;
    }

    private static List<Probe> probes(int n) {
        return java.util.Collections.nCopies(n, null);
    }
}
