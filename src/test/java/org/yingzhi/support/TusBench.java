package org.yingzhi.support;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * scripts/bench-upload's client: sends a file with tus in one PATCH per attempt, cutting the connection after
 * {@code cut} more bytes for the first {@code cuts} attempts, then sends the rest; prints the time and the asset.
 *   TusBench BASE TOKEN FILE CUTS CUT_BYTES
 */
public final class TusBench {

    private TusBench() {
    }

    private static long offsetOf(HttpClient http, URI base, String location, String token) throws Exception {
        return Long.parseLong(http.send(HttpRequest.newBuilder(base.resolve(location))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Upload-Offset").orElseThrow());
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args[1];
        Path file = Path.of(args[2]);
        int cuts = Integer.parseInt(args[3]);
        long cutBytes = Long.parseLong(args[4]);
        long size = java.nio.file.Files.size(file);
        HttpClient http = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(base.resolve("/api/uploads"))
                .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(size))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(
                        file.getFileName().toString().getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (made.statusCode() != 201) {
            throw new IllegalStateException("create: " + made.statusCode() + " " + made.body());
        }
        String location = made.headers().firstValue("Location").orElseThrow();
        for (int attempt = 0; ; attempt++) {
            long offset = offsetOf(http, base, location, token);
            boolean cut = attempt < cuts;
            long send = cut ? Math.min(cutBytes, size - offset) : size - offset;
            System.out.printf("attempt %d: from byte %,d, %s%n", attempt + 1, offset, cut ? "cut after " + send + " bytes" : "to the end");
            try (Socket s = new Socket(base.getHost(), base.getPort()); FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                OutputStream out = s.getOutputStream();
                out.write(("PATCH " + location + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                        + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                        + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (size - offset)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                in.position(offset);
                InputStream src = Channels.newInputStream(in);
                byte[] buf = new byte[1 << 20];
                long left = send;
                while (left > 0) {
                    int n = src.read(buf, 0, (int) Math.min(buf.length, left));
                    out.write(buf, 0, n);
                    left -= n;
                }
                out.flush();
                if (cut) {
                    s.close(); // the connection drops mid-body
                    // the server records what arrived once it has read the bytes already on their way
                    long seen = -1;
                    for (int still = 0; still < 3; ) {
                        Thread.sleep(300);
                        long now = offsetOf(http, base, location, token);
                        still = now == seen && now > offset ? still + 1 : 0;
                        seen = now;
                    }
                    continue;
                }
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                String status = reply.substring(0, reply.indexOf("\r\n"));
                String asset = reply.lines().filter(l -> l.toLowerCase().startsWith("yingzhi-asset:")).findFirst().orElse("none");
                System.out.printf("done: %s, %s, %,d bytes in %.1f s%n", status, asset, size, (System.nanoTime() - t0) / 1e9);
                return;
            }
        }
    }
}
