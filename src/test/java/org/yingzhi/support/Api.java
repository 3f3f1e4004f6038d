package org.yingzhi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yingzhi.shared.json.Json;
import tools.jackson.databind.JsonNode;

/** A real HTTP client for the API under test: multipart uploads, JSON, tokens. */
public final class Api {

    public static final String ADMIN = "dev-admin-token";
    public static final String BUREAU = "dev-bureau-token";
    public static final String TIBET = "dev-tibet-token";
    public static final String REVIEWER = "dev-reviewer-token";
    public static final String EDITOR = "dev-editor-token";
    public static final String PRODUCER = "dev-producer-token";
    public static final String VIEWER = "dev-viewer-token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, String contentType, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path, String token, String range) {
        HttpRequest.Builder b = request(path, token).GET();
        if (range != null) {
            b.header("Range", range);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response postRaw(String path, String token, String contentType, byte[] body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Response upload(Path file, String token, String metadataJson) {
        try {
            return upload(file.getFileName().toString(), Files.readAllBytes(file), token, metadataJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** multipart/form-data with a 'file' part and an optional 'metadata' JSON part. */
    public Response upload(String fileName, byte[] content, String token, String metadataJson) {
        return uploadTo("/api/assets", fileName, content, token, metadataJson);
    }

    /** multipart/form-data to any endpoint: a 'file' part and an optional 'metadata' JSON part. */
    public Response uploadTo(String path, String fileName, byte[] content, String token, String metadataJson) {
        String boundary = "----yingzhi" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        if (metadataJson != null) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                    + "Content-Type: application/json; charset=UTF-8\r\n\r\n" + metadataJson + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build());
    }

    public static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest req) {
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
