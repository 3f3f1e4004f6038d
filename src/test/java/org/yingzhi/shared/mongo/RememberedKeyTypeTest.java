package org.yingzhi.shared.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unique indexes' key type orders keys exactly as H2's own: a store's existing index maps are read with it,
 * so a different order would lose keys. Checked on the kinds of keys the catalog's unique indexes hold, and on a
 * map written with H2's type and read with this one (and back).
 */
class RememberedKeyTypeTest {

    @TempDir
    Path dir;

    private static List<KeyValue> keys(int n) {
        Random r = new Random(42);
        java.util.LinkedHashSet<KeyValue> out = new java.util.LinkedHashSet<>(); // distinct keys, as a unique index holds
        for (int i = 0; out.size() < n; i++) {
            switch (i % 6) {
                case 0 -> out.add(new KeyValue(new ObjectId()));
                case 1 -> out.add(new KeyValue(String.format("%064x", r.nextLong()) + r.nextInt()));
                case 2 -> out.add(new KeyValue((long) r.nextInt(1_000_000)));
                case 3 -> out.add(new KeyValue(r.nextInt(1000)));
                case 4 -> out.add(new KeyValue("援藏" + r.nextInt(100), r.nextInt(5)));
                default -> out.add(new KeyValue(r.nextDouble(), "step-" + r.nextInt(9)));
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void comparesAsH2DoesAndRemembersBoundedly() {
        ObjectDataType h2 = new ObjectDataType();
        EmbeddedMongoServer.RememberedKeyType ours = new EmbeddedMongoServer.RememberedKeyType();
        List<KeyValue> ks = keys(600);
        for (int i = 0; i < ks.size(); i++) {
            for (int j = 0; j < ks.size(); j += 7) {
                KeyValue a = ks.get(i);
                KeyValue b = ks.get(j);
                assertEquals(Integer.signum(h2.compare(a, b)), Integer.signum(ours.compare(a, b)), a + " vs " + b);
                // equal keys made separately compare equal too
                assertEquals(0, ours.compare(a, new KeyValue(a.stream().toList())));
            }
        }
        assertTrue(ours.remembered() <= EmbeddedMongoServer.RememberedKeyType.REMEMBERED);
        assertTrue(ours.remembered() >= ks.size(), "each key's bytes are made once");
    }

    @Test
    void aMapWrittenWithH2sTypeReadsTheSameWithThisOneAndBack() {
        Path file = dir.resolve("index.mv.db");
        List<KeyValue> ks = keys(3000);
        try (MVStore s = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Object> m = s.openMap("idx");
            for (int i = 0; i < ks.size(); i++) {
                m.put(ks.get(i), (long) i);
            }
            s.commit();
        }
        try (MVStore s = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Object> m = s.openMap("idx", new MVMap.Builder<Object, Object>().keyType(new EmbeddedMongoServer.RememberedKeyType()));
            for (int i = 0; i < ks.size(); i++) {
                // a key made afresh (as a query makes it) finds what H2's type wrote
                assertEquals((long) i, m.get(new KeyValue(ks.get(i).stream().toList())), ks.get(i).toString());
            }
            m.put(new KeyValue("written later"), -1L);
            s.commit();
        }
        try (MVStore s = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Object, Object> m = s.openMap("idx");
            assertEquals(-1L, m.get(new KeyValue("written later")));
            assertEquals(ks.size() + 1L, m.sizeAsLong());
            for (int i = 0; i < ks.size(); i += 13) {
                assertEquals((long) i, m.get(new KeyValue(ks.get(i).stream().toList())));
            }
        }
    }
}
