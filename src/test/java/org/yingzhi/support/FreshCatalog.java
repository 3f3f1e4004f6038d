package org.yingzhi.support;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * Empties the catalog and the media store between tests that share one running service, so each test starts as on
 * a new installation and can tell a new asset (201) from a duplicate (200). Documents are deleted rather than
 * collections dropped, so the indexes (the unique SHA-256 among them) stay as the service created them. Only for
 * services started with {@code yingzhi.role=api}: no worker may be writing meanwhile.
 */
public final class FreshCatalog {

    private FreshCatalog() {
    }

    /** Also has the search index rebuilt (lists use the catalog until it is). */
    public static void reset(MongoDatabase db, Path dataDir, org.yingzhi.search.SearchService search) {
        reset(db, dataDir);
        search.rebuildSoon();
    }

    public static void reset(MongoDatabase db, Path dataDir) {
        for (String c : db.listCollectionNames()) {
            db.getCollection(c).deleteMany(new Document());
        }
        for (String dir : new String[] {"originals", "derivatives", "tmp"}) {
            Path d = dataDir.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    if (!p.equals(d)) {
                        Files.deleteIfExists(p); // a request of the previous test may be removing its temp file too
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
