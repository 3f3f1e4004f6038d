package org.yingzhi.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yingzhi.support.ProcessingServiceTest;
import org.yingzhi.support.Api;
import org.yingzhi.support.RawHttp;
import org.yingzhi.support.Samples;

/**
 * Resumable uploads over real HTTP (tus 1.0.0): a sample clip sent in pieces, one request cut off mid-body by
 * closing the socket, continued from the offset the server reports, and cataloged byte-identical with its
 * description; wrong offsets, other users, non-media and abandoned uploads.
 */
class ResumableUploadIntegrationTest extends ProcessingServiceTest {

    @Autowired
    ResumableUploads uploads;

    @org.junit.jupiter.api.BeforeEach
    void fresh() {
        freshCatalog(); // a sample sent here is a new asset, whatever else ran in this context
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String create(long length, String fileName, String description, String token) {
        RawHttp.Response r = RawHttp.send(port, "POST", "/api/uploads", token, new byte[0], "Tus-Resumable: 1.0.0",
                "Upload-Length: " + length, "Upload-Metadata: filename " + b64(fileName)
                        + (description == null ? "" : ",metadata " + b64(description)));
        assertEquals(201, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        return r.header("Location");
    }

    private RawHttp.Response patch(String location, long offset, byte[] bytes, String token) {
        return RawHttp.send(port, "PATCH", location, token, bytes, "Tus-Resumable: 1.0.0", "Upload-Offset: " + offset,
                "Content-Type: application/offset+octet-stream");
    }

    private long offset(String location, String token) {
        RawHttp.Response r = RawHttp.send(port, "HEAD", location, token, null, "Tus-Resumable: 1.0.0");
        assertEquals(200, r.status());
        return Long.parseLong(r.header("Upload-Offset"));
    }

    /** Sends headers announcing {@code announced} bytes, then only {@code bytes}, then closes the connection. */
    private void cutOff(String location, long offset, long announced, byte[] bytes, String token) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + announced + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            Thread.sleep(300);
        } // closed with the body unfinished: the connection drops
    }

    @Test
    void aClipArrivesInPiecesThroughACutConnectionAndIsCatalogedByteIdentical() throws Exception {
        RawHttp.Response opts = RawHttp.send(port, "OPTIONS", "/api/uploads", Api.BUREAU, null);
        assertEquals("1.0.0", opts.header("Tus-Version"));
        assertTrue(opts.header("Tus-Extension").contains("creation"));

        byte[] clip = Files.readAllBytes(Samples.get("clip-2997df.mov"));
        String location = create(clip.length, "会议.mov", "{\"title\":\"断点续传的会议片\",\"place\":\"拉萨\"}", Api.BUREAU);
        int first = clip.length / 3;
        assertEquals(204, patch(location, 0, Arrays.copyOfRange(clip, 0, first), Api.BUREAU).status());
        assertEquals(first, offset(location, Api.BUREAU));

        // the second piece is cut off a third of the way through: what arrived is kept
        int second = clip.length / 3;
        cutOff(location, first, second, Arrays.copyOfRange(clip, first, first + second / 3), Api.BUREAU);
        long at = 0;
        for (int i = 0; i < 50 && at <= first; i++) {
            Thread.sleep(100);
            at = offset(location, Api.BUREAU);
        }
        assertTrue(at > first && at <= first + second / 3, "kept the bytes that arrived: " + at);

        // a wrong offset is refused with the right one; another user does not see the upload
        RawHttp.Response wrong = patch(location, 0, new byte[10], Api.BUREAU);
        assertEquals(409, wrong.status());
        assertEquals(404, RawHttp.send(port, "HEAD", location, Api.TIBET, null, "Tus-Resumable: 1.0.0").status());

        // a second cut, then the rest from where the server says
        cutOff(location, at, clip.length - at, Arrays.copyOfRange(clip, (int) at, (int) at + 1000), Api.BUREAU);
        long again = at;
        for (int i = 0; i < 50 && again == at; i++) {
            Thread.sleep(100);
            again = offset(location, Api.BUREAU);
        }
        RawHttp.Response last = patch(location, again, Arrays.copyOfRange(clip, (int) again, clip.length), Api.BUREAU);
        assertEquals(204, last.status(), new String(last.body(), StandardCharsets.UTF_8));
        assertEquals(Long.toString(clip.length), last.header("Upload-Offset"));
        String asset = last.header("Yingzhi-Asset");
        assertNotNull(asset);
        assertEquals("false", last.header("Yingzhi-Duplicate"));

        Api api = new Api(port);
        var a = api.get("/api/assets/" + asset, Api.BUREAU).json();
        assertEquals("断点续传的会议片", a.get("title").asString());
        assertEquals("省广播电视局", a.get("contributorUnit").asString());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(clip)),
                a.get("original").get("sha256").asString());
        assertArrayEquals(clip, api.getBytes("/api/assets/" + asset + "/original", Api.BUREAU, null).body(), "byte-identical");
        assertTrue(a.get("media").get("timecode").get("dropFrame").asBoolean(), "cataloged like any upload");

        // the same bytes again: the existing asset, said so
        String dup = create(clip.length, "again.mov", null, Api.BUREAU);
        RawHttp.Response d = patch(dup, 0, clip, Api.BUREAU);
        assertEquals(asset, d.header("Yingzhi-Asset"));
        assertEquals("true", d.header("Yingzhi-Duplicate"));
    }

    @Test
    void refusalsComeBeforeTheBytesOrWithTheLastOne() throws Exception {
        // another unit's contribution, a size over the limit, a bad description: refused at creation
        RawHttp.Response other = RawHttp.send(port, "POST", "/api/uploads", Api.TIBET, new byte[0], "Tus-Resumable: 1.0.0",
                "Upload-Length: 10", "Upload-Metadata: filename " + b64("a.mov") + ",metadata "
                        + b64("{\"contributorUnit\":\"省广播电视局\"}"));
        assertEquals(403, other.status());
        assertEquals(413, RawHttp.send(port, "POST", "/api/uploads", Api.BUREAU, new byte[0], "Tus-Resumable: 1.0.0",
                "Upload-Length: " + Long.MAX_VALUE).status());
        assertEquals(400, RawHttp.send(port, "POST", "/api/uploads", Api.BUREAU, new byte[0], "Tus-Resumable: 1.0.0",
                "Upload-Length: 10", "Upload-Metadata: metadata " + b64("{\"captureDate\":\"not a date\"}")).status());
        // text is refused when it is whole, with the reason, and leaves nothing behind
        byte[] text = "这不是视频，只是一段文字。".repeat(50).getBytes(StandardCharsets.UTF_8);
        String location = create(text.length, "notes.mp4", null, Api.BUREAU);
        RawHttp.Response r = patch(location, 0, text, Api.BUREAU);
        assertEquals(415, r.status(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(404, RawHttp.send(port, "HEAD", location, Api.BUREAU, null, "Tus-Resumable: 1.0.0").status());
        // not unauthenticated
        assertEquals(401, RawHttp.send(port, "POST", "/api/uploads", null, new byte[0], "Upload-Length: 10").status());
    }

    @Test
    void abandonedUploadsExpireWithTheirBytes() throws Exception {
        String location = create(1000, "half.mov", null, Api.BUREAU);
        assertEquals(204, patch(location, 0, new byte[400], Api.BUREAU).status());
        String id = location.substring(location.lastIndexOf('/') + 1);
        Path part = DATA.resolve("uploads").resolve(id + ".part");
        assertEquals(400, Files.size(part));
        db.getCollection("uploads").updateOne(new org.bson.Document("_id", new org.bson.types.ObjectId(id)),
                new org.bson.Document("$set", new org.bson.Document("expiresAt", new java.util.Date(0))));
        assertTrue(uploads.expire() >= 1);
        assertFalse(Files.exists(part), "the bytes are removed");
        assertEquals(404, RawHttp.send(port, "HEAD", location, Api.BUREAU, null, "Tus-Resumable: 1.0.0").status());
        // and one can be abandoned on purpose
        String other = create(10, "x.mov", null, Api.BUREAU);
        assertEquals(204, RawHttp.send(port, "DELETE", other, Api.BUREAU, null, "Tus-Resumable: 1.0.0").status());
        assertEquals(404, RawHttp.send(port, "HEAD", other, Api.BUREAU, null, "Tus-Resumable: 1.0.0").status());
    }
}
