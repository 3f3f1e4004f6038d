package org.yingzhi.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Yingzhi in its own JVM, started from the test classpath, so a test can kill -9 it like a crash would. */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ServiceProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        return start(dataDir, Map.of(), extraArgs);
    }

    /**
     * Starts the service; with {@code --yingzhi.role=worker} among the arguments it has no HTTP, and start-up is
     * over when its workers report that they run.
     */
    public static ServiceProcess start(Path dataDir, Map<String, String> env, String... extraArgs)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = command(dataDir, "--server.port=" + port);
        cmd.addAll(List.of(extraArgs));
        boolean worker = cmd.contains("--yingzhi.role=worker");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + (worker ? "worker-" : "") + port + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServiceProcess sp = new ServiceProcess(pb.start(), port, log);
        if (worker) {
            sp.awaitLog("job workers started", Duration.ofSeconds(90));
        } else {
            sp.awaitUp(Duration.ofSeconds(90));
        }
        return sp;
    }

    /** Runs the application to completion (a command such as a restore) and returns its exit code and output. */
    public static Finished run(Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = command(dataDir, "--spring.main.web-application-type=none", "--yingzhi.role=api");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish in 5 minutes: " + out);
        }
        return new Finished(p.exitValue(), out);
    }

    public record Finished(int exitCode, String output) {
    }

    /** The application on the test classpath, in a JVM of its own, on a data directory. */
    private static List<String> command(Path dataDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.yingzhi.YingzhiApplication",
                "--yingzhi.storage.data-dir=" + dataDir));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void awaitLog(String line, Duration timeout) throws InterruptedException, IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited with " + process.exitValue() + "; see " + log);
            }
            if (java.nio.file.Files.exists(log) && java.nio.file.Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + line + "' in " + timeout + "; see " + log);
    }

    public long pid() {
        return process.pid();
    }

    private void awaitUp(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service did not come up in " + timeout + "; see " + log);
    }

    /** Where the process writes its log (beside the data directory). */
    public Path logFile() {
        return log;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly like a crash or the OOM killer. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
