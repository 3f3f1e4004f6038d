package org.yingzhi.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * exiftool as a second reader, for the camera RAW formats metadata-extractor has no reader for (Canon CRW, Minolta
 * MRW, Sigma X3F): one {@code exiftool -stay_open True -@ -} process kept for the whole service, asked one file at a
 * time (about 13 ms each here, against 176 ms to start exiftool per file). Optional at run time:
 * without exiftool on the PATH (scripts/setup installs it) these files are cataloged with a warning that their
 * metadata could not be read here. A request that takes longer than its timeout kills the process; the next one
 * starts a new one.
 */
final class ExiftoolReader {

    private static final Logger log = LoggerFactory.getLogger(ExiftoolReader.class);
    private static final long TIMEOUT_SECONDS = 30;
    /** The tags asked for, -n (numbers as stored), one JSON object per file. */
    // no -q: it also silences the {ready} line that ends each answer; numbers as stored ("#"), the lens as named
    private static final List<String> ARGS = List.of("-j", "-G0", "-charset", "filename=utf8",
            "-Make", "-Model", "-DateTimeOriginal", "-SubSecTimeOriginal", "-CreateDate", "-ExposureTime#", "-FNumber#",
            "-ISO#", "-FocalLength#", "-LensID", "-LensModel", "-Lens", "-Orientation#", "-Artist", "-Copyright",
            "-ImageDescription", "-Description", "-Composite:ImageSize#", "-OffsetTimeOriginal");

    private static final ExiftoolReader SHARED = new ExiftoolReader();

    private Process process;
    private OutputStream in;
    private BufferedReader out;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "exiftool-reader");
        t.setDaemon(true);
        return t;
    });
    private Boolean available;
    private boolean hooked;

    static ExiftoolReader shared() {
        return SHARED;
    }

    /** Whether exiftool can be run here (checked once). */
    synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("exiftool", "-ver").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
            if (!available) {
                log.warn("exiftool is not installed: CRW, MRW and X3F files are cataloged without their metadata");
            }
        }
        return available;
    }

    /** What exiftool reads from one file (its groups as family 0, e.g. "EXIF:Make"), or empty when it cannot. */
    synchronized Optional<JsonNode> read(Path file) {
        if (!available() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ensureStarted();
            StringBuilder cmd = new StringBuilder();
            for (String a : ARGS) {
                cmd.append(a).append('\n');
            }
            // one argument per line: a file name with a newline cannot be said, and file names here are the store's
            cmd.append(file.toAbsolutePath()).append('\n').append("-execute\n");
            in.write(cmd.toString().getBytes(StandardCharsets.UTF_8));
            in.flush();
            Future<String> answer = reader.submit(() -> {
                StringBuilder sb = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("{ready}")) {
                        return sb.toString();
                    }
                    sb.append(line).append('\n');
                }
                throw new IOException("exiftool ended");
            });
            String json = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).trim();
            if (json.isEmpty()) {
                return Optional.empty();
            }
            JsonNode arr = Json.MAPPER.readTree(json);
            return arr.isArray() && arr.size() > 0 ? Optional.of(arr.get(0)) : Optional.empty();
        } catch (Exception e) {
            log.warn("exiftool could not read {}: {}", file.getFileName(), e.toString());
            stop();
            return Optional.empty();
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder("exiftool", "-stay_open", "True", "-@", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "exiftool-stop"));
        }
        in = process.getOutputStream();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private void stopQuietly() {
        Process p = process;
        if (p != null) {
            p.destroy();
        }
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }
}
