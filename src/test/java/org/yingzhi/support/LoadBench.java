package org.yingzhi.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * scripts/bench-load's client: the pages timed by one client, first with nothing else running (the peer), then while
 * UPLOADERS clients send every file of DIR (multipart, one after another each) and SEARCHERS clients search
 * without pause; prints p50/p95 per page for both and the ratio, and how the uploads went.
 *   LoadBench BASE DIR UPLOADERS SEARCHERS REPS name=path ...
 */
public final class LoadBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] SEARCHES = {"%E6%8F%B4%E8%97%8F", "%E6%8B%89%E8%90%A8", "%E5%8C%BB%E9%99%A2",
        "%E5%96%80%E4%BB%80", "%E6%97%A5%E5%96%80%E5%88%99", "%E5%AD%A6%E6%A0%A1"};

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        files = files.subList(0, Math.min(files.size(), Integer.getInteger("bench.files", files.size())));
        int uploaders = Integer.parseInt(args[2]);
        int searchers = Integer.parseInt(args[3]);
        int reps = Integer.parseInt(args[4]);
        Map<String, String> pages = HttpBench.named(args, 5);
        for (int w = 0; w < 5; w++) {
            for (String p : pages.values()) {
                HttpBench.get(base + p);
            }
        }
        Map<String, double[]> idle = time(base, pages, reps);

        AtomicBoolean loading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger searches = new AtomicInteger();
        List<Double> uploadSeconds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, uploaders + searchers));
        List<Future<?>> ups = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int u = 0; u < uploaders; u++) {
            ups.add(pool.submit(() -> {
                for (Path f; (f = queue.poll()) != null; ) {
                    long s = System.nanoTime();
                    if (upload(base, f) == 201) {
                        created.incrementAndGet();
                    }
                    uploadSeconds.add((System.nanoTime() - s) / 1e9);
                }
                return null;
            }));
        }
        List<Future<?>> finders = new ArrayList<>();
        for (int c = 0; c < searchers; c++) {
            int first = c;
            finders.add(pool.submit(() -> {
                for (int i = first; loading.get(); i++) {
                    HttpBench.get(base + "/api/search?size=48&q=" + SEARCHES[i % SEARCHES.length]);
                    searches.incrementAndGet();
                }
                return null;
            }));
        }
        Map<String, double[]> loaded = new LinkedHashMap<>();
        int rounds = 0;
        // REPS rounds of the pages, and more while uploads last; the searchers search throughout and the workers
        // process what arrived (what they still have to do after the last round is not timed)
        double uploadWall = -1;
        do {
            Map<String, double[]> round = time(base, pages, 1);
            round.forEach((k, v) -> loaded.merge(k, v, LoadBench::concat));
            rounds++;
            if (uploadWall < 0 && ups.stream().allMatch(Future::isDone)) {
                uploadWall = (System.nanoTime() - t0) / 1e9;
            }
        } while (rounds < reps || uploadWall < 0);
        for (Future<?> f : ups) {
            f.get();
        }
        loading.set(false);
        for (Future<?> f : finders) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("load: %d uploaders sent %d files (%d new assets; the last done %.1f s into the timing), upload p50 %.2f s p95 %.2f s; "
                + "%d searchers made %d searches meanwhile%n", uploaders, files.size(), created.get(), uploadWall,
                pct(uploadSeconds, 0.5), pct(uploadSeconds, 0.95), searchers, searches.get());
        System.out.printf("%-9s %21s %21s %8s%n", "page", "alone p50/p95 ms", "under load p50/p95 ms", "p95 x");
        for (String k : pages.keySet()) {
            List<Double> a = list(idle.get(k));
            List<Double> b = list(loaded.get(k));
            System.out.printf("%-9s %10.1f %10.1f %10.1f %10.1f %7.1fx  (%d under load)%n", k, pct(a, 0.5), pct(a, 0.95),
                    pct(b, 0.5), pct(b, 0.95), pct(b, 0.95) / pct(a, 0.95), b.size());
        }
    }

    private static Map<String, double[]> time(String base, Map<String, String> pages, int reps) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int r = 0; r < reps; r++) {
            for (Map.Entry<String, String> p : pages.entrySet()) {
                long t = System.nanoTime();
                HttpBench.get(base + p.getValue());
                out.merge(p.getKey(), new double[] {(System.nanoTime() - t) / 1e6}, LoadBench::concat);
            }
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double d : a) {
            l.add(d);
        }
        return l;
    }

    private static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get(Math.max(0, (int) Math.ceil(s.size() * p) - 1));
    }

    private static int upload(String base, Path file) throws Exception {
        String boundary = "----yingzhi" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/assets")).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer dev-bureau-token")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail))).build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException(file + " -> " + r.statusCode() + " " + r.body());
        }
        return r.statusCode();
    }
}
