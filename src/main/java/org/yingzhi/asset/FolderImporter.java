package org.yingzhi.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * Imports every file below a folder through the same path as an upload. Safe to run again: files already
 * cataloged come back as duplicates. Each file gets one line in the report: imported, duplicate or rejected (with
 * the reason).
 */
@Component
public class FolderImporter {

    private static final Set<String> IGNORED = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FolderImporter.class);

    private final AssetIngestService ingest;

    public FolderImporter(AssetIngestService ingest) {
        this.ingest = ingest;
    }

    /** SKIPPED: documents that travel with footage (shot lists, notes), reported but not cataloged. */
    public enum Outcome { IMPORTED, DUPLICATE, REJECTED, SKIPPED }

    private static final Set<String> DOCUMENTS = Set.of("md", "txt", "pdf", "doc", "docx", "xls", "xlsx", "csv", "json", "html", "htm",
            "xml", "rtf", "odt", "ods");

    public record Entry(String file, Outcome outcome, String assetId, String reason) {
    }

    public record Report(List<Entry> entries, long millis) {
        public long count(Outcome o) {
            return entries.stream().filter(e -> e.outcome() == o).count();
        }
    }

    /**
     * Imports with {@code threads} files in flight; {@code onEntry} sees each result as it is decided, one at a time
     * (it need not be thread-safe: the workers take turns to call it). Files whose
     * sidecars name no contributor unit get the importing user's unit, as uploads do.
     */
    public Report importFolder(Path dir, User user, int threads, Consumer<Entry> onEntry)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder: " + dir);
        }
        long t0 = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !ignored(dir, p)).sorted().toList();
        }
        Sidecars sidecars = new Sidecars();
        List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
        Object turn = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    Entry e = importOne(dir, file, sidecars, user);
                    entries.add(e);
                    synchronized (turn) {
                        onEntry.accept(e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("import interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("import failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> a.file().compareTo(b.file()));
        return new Report(sorted, (System.nanoTime() - t0) / 1_000_000);
    }

    private Entry importOne(Path root, Path file, Sidecars sidecars, User user) {
        String rel = root.relativize(file).toString();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (DOCUMENTS.contains(name.substring(name.lastIndexOf('.') + 1))) {
            return new Entry(rel, Outcome.SKIPPED, null, "a document, not media");
        }
        try {
            AssetDescription d;
            synchronized (sidecars) {
                d = sidecars.forFile(file);
            }
            IngestResult r;
            try (InputStream in = Files.newInputStream(file)) {
                r = ingest.ingest(in, file.getFileName().toString(), d, user);
            }
            String id = r.asset().id();
            return new Entry(rel, r.duplicate() ? Outcome.DUPLICATE : Outcome.IMPORTED, id, null);
        } catch (ApiException e) {
            return new Entry(rel, Outcome.REJECTED, null, e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            return new Entry(rel, Outcome.REJECTED, null, e.getMessage());
        } catch (RuntimeException e) {
            log.error("import of {} failed", rel, e);
            return new Entry(rel, Outcome.REJECTED, null, "internal error (logged): " + e);
        }
    }

    private static boolean ignored(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return IGNORED.contains(p.getFileName().toString().toLowerCase(Locale.ROOT)) || Sidecars.isSidecar(p);
    }
}
