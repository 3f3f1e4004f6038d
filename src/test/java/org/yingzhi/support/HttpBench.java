package org.yingzhi.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Times API queries with one or more concurrent clients and prints p50/p95 per query (scripts/bench-search).
 * {@code HttpBench BASE_URL CLIENTS REPS name=path ...}; the path {@code cursor:N} walks /api/search page by page with
 * cursors and times the fetch of page N.
 */
public final class HttpBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        Map<String, String> queries = named(args, 3);
        // warm: the first requests of a query after start-up run interpreted code, and the JIT compiling it shares
        // the two cores with what is measured; every query is warmed before any is measured (the steady state)
        int warm = Integer.getInteger("bench.warm", 5);
        for (int w = 0; w < warm; w++) {
            for (String path : queries.values()) {
                if (!path.startsWith("cursor:")) {
                    get(base + path);
                }
            }
        }
        for (Map.Entry<String, String> q : queries.entrySet()) {
            if (q.getValue().startsWith("cursor:")) {
                System.out.printf("%-10s clients=%d  page %s by cursor: %.1f ms%n", q.getKey(), clients,
                        q.getValue().substring(7), cursorPage(base, Integer.parseInt(q.getValue().substring(7))));
                continue;
            }

            List<Double> millis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                fs.add(pool.submit(() -> {
                    for (int r = 0; r < reps; r++) {
                        long t0 = System.nanoTime();
                        get(base + q.getValue());
                        millis.add((System.nanoTime() - t0) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            System.out.printf("%-10s clients=%d  p50 %8.1f ms  p95 %8.1f ms  (%d requests)%n", q.getKey(), clients,
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.size());
        }
    }

    /** The {@code name=path} arguments from {@code from} on, in order. */
    static Map<String, String> named(String[] args, int from) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            m.put(kv[0], kv[1]);
        }
        return m;
    }

    private static double cursorPage(String base, int page) throws Exception {
        String cursor = null;
        double last = 0;
        for (int i = 1; i <= page; i++) {
            long t0 = System.nanoTime();
            JsonNode r = Json.MAPPER.readTree(get(base + "/api/search?size=50&facets=false&highlight=false"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            last = (System.nanoTime() - t0) / 1e6;
            if (r.get("nextCursor") == null || r.get("nextCursor").isNull()) {
                throw new IllegalStateException("only " + i + " pages");
            }
            cursor = r.get("nextCursor").asString();
        }
        return last;
    }

    /** GET with the admin token; anything but 200 is an error. */
    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer dev-admin-token").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
