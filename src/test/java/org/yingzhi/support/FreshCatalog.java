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
 * collections dropped, so the indexes (the unique SHA-256 among them) stay as the service created them. A job worker
 * of the previous test may still write a derivative while the tree is emptied; the walk is then repeated.
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
            for (int attempt = 0; Files.isDirectory(d); attempt++) {
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        if (!p.equals(d)) {
                            Files.deleteIfExists(p); // a request of the previous test may be removing its temp file too
                        }
                    }
                    break;
                } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException
                        | UncheckedIOException e) {
                    // a job worker of the previous test wrote a derivative into the tree meanwhile (its asset is
                    // gone now, so it will not write again): walk once more
                    if (attempt >= 50) {
                        throw new UncheckedIOException(new IOException("could not empty " + d, e));
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ie);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
