package org.yingzhi.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/**
 * Imports every file below a folder through the same checks, store and metadata reading as an upload, cataloged
 * in batches. Safe to run again: files already
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

    /** Files cataloged with one batch of writes, at most (a batch is whatever is ready when the last one is written). */
    static final int BATCH = 256;
    /** MongoDB's error code for a write refused on a full disk (the embedded catalog gives it too). */
    private static final int OUT_OF_DISK_SPACE = 14031;

    /** A file prepared by an import thread, waiting for its batch to be written. */
    private record Staged(String file, AssetIngestService.Prepared prepared) {
    }

    /**
     * Imports with {@code threads} files being read at once; {@code onEntry} sees each result as it is decided, one
     * at a time (on the calling thread). The import threads hash, store and read each file; the calling thread
     * catalogs what they have ready as one batch of writes while they go on with the next files, so each file's
     * entry is reported once its asset is committed, recorded and searchable. Files whose sidecars name no
     * contributor unit get the importing user's unit, as uploads do.
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
        List<Entry> entries = new ArrayList<>();
        // bounded: the import threads wait when the writes fall behind (fewer stored originals not yet cataloged)
        BlockingQueue<Object> ready = new LinkedBlockingQueue<>(2 * BATCH);
        // whether most files of the last batch were held already: then each file is looked up before it is read
        AtomicBoolean duplicatesLately = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    ready.put(prepareOne(dir, file, sidecars, user, duplicatesLately));
                    return null;
                }));
            }
            for (int left = files.size(); left > 0; ) {
                Object first = ready.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    for (Future<?> f : futures) {
                        if (f.isDone()) {
                            f.get(); // an import thread died (an Error): say so instead of waiting for ever
                        }
                    }
                    continue;
                }
                List<Object> got = new ArrayList<>();
                got.add(first);
                ready.drainTo(got, BATCH - 1);
                left -= got.size();
                for (Entry e : write(got, duplicatesLately)) {
                    entries.add(e);
                    onEntry.accept(e);
                }
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

    /** Catalogs the prepared files of a batch together; entries decided already pass through. */
    private List<Entry> write(List<Object> got, AtomicBoolean duplicatesLately) {
        List<Staged> staged = new ArrayList<>();
        List<Entry> out = new ArrayList<>();
        for (Object o : got) {
            if (o instanceof Staged st) {
                staged.add(st);
            } else {
                out.add((Entry) o);
            }
        }
        if (staged.isEmpty()) {
            return out;
        }
        List<AssetIngestService.Cataloged> done;
        try {
            done = ingest.catalogAll(staged.stream().map(Staged::prepared).toList());
        } catch (RuntimeException e) {
            log.error("cataloging a batch of {} files failed", staged.size(), e);
            for (Staged st : staged) {
                out.add(new Entry(st.file(), Outcome.REJECTED, null, "internal error (logged): " + e));
            }
            return out;
        }
        int duplicates = 0;
        for (int i = 0; i < staged.size(); i++) {
            IngestResult r = done.get(i).result();
            duplicates += r != null && r.duplicate() ? 1 : 0;
            out.add(entry(staged.get(i).file(), r, done.get(i).error()));
        }
        // a folder imported again: ask for each file before reading it while most of a batch are duplicates
        duplicatesLately.set(2 * duplicates > staged.size());
        return out;
    }

    private static Entry entry(String rel, IngestResult r, RuntimeException error) {
        if (error == null) {
            return new Entry(rel, r.duplicate() ? Outcome.DUPLICATE : Outcome.IMPORTED, r.asset().id(), null);
        }
        if (error instanceof ApiException || error instanceof IllegalArgumentException) {
            return new Entry(rel, Outcome.REJECTED, null, error.getMessage());
        }
        if (error instanceof com.mongodb.MongoException m && m.getCode() == OUT_OF_DISK_SPACE) {
            return new Entry(rel, Outcome.REJECTED, null,
                    "disk full: the catalog could not store it (nothing of it was kept); free space and run the import again");
        }
        log.error("import of {} failed", rel, error);
        return new Entry(rel, Outcome.REJECTED, null, "internal error (logged): " + error);
    }

    /** Reads and stores one file: an entry when its outcome is decided already, otherwise its staged asset. */
    private Object prepareOne(Path root, Path file, Sidecars sidecars, User user,
            AtomicBoolean duplicatesLately) {
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
            AssetIngestService.Prepared p;
            try (InputStream in = Files.newInputStream(file)) {
                p = ingest.prepare(in, file.getFileName().toString(), d, user, duplicatesLately.get());
            }
            return new Staged(rel, p);
        } catch (IOException e) {
            return new Entry(rel, Outcome.REJECTED, null, e.getMessage());
        } catch (RuntimeException e) {
            return entry(rel, null, e);
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
