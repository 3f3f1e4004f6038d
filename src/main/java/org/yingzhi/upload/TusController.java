package org.yingzhi.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.asset.AssetDescription;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.web.ApiException;

/**
 * The tus 1.0.0 resumable upload protocol (core, creation, termination, expiration) on {@code /api/uploads}, for
 * tus-js-client, Uppy or any tus client. Upload-Metadata carries {@code filename} and, optionally, {@code metadata}:
 * the description as JSON, the same fields as {@code POST /api/assets} takes (both base64, as tus sends them).
 * When the last byte arrives the answer names the asset in {@code Yingzhi-Asset} (and {@code Yingzhi-Duplicate:
 * true} when the same bytes were already stored); a file that is not media is refused then with 415.
 */
@RestController
@RequestMapping("/api/uploads")
@Tag(name = "Uploads", description = "Resumable uploads (tus 1.0.0)")
class TusController {

    static final String TUS = "1.0.0";

    private final ResumableUploads uploads;

    TusController(ResumableUploads uploads) {
        this.uploads = uploads;
    }

    private HttpHeaders tus() {
        HttpHeaders h = new HttpHeaders();
        h.set("Tus-Resumable", TUS);
        h.setCacheControl("no-store");
        return h;
    }

    private static void resumable(String version) {
        if (version != null && !version.equals(TUS)) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "Unsupported tus version",
                    "this server speaks tus " + TUS + ", not " + version);
        }
    }

    @Operation(summary = "What this tus server supports")
    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        HttpHeaders h = tus();
        h.set("Tus-Version", TUS);
        h.set("Tus-Extension", "creation,termination,expiration");
        h.set("Tus-Max-Size", Long.toString(uploads.maxSize()));
        return ResponseEntity.noContent().headers(h).build();
    }

    @Operation(summary = "Start an upload", description = "Upload-Length is the file's size; Upload-Metadata its "
            + "filename and description. The description and the right to contribute are checked now.")
    @PostMapping
    ResponseEntity<Void> create(@RequestHeader(value = "Tus-Resumable", required = false) String version,
            @RequestHeader(value = "Upload-Length", required = false) String length,
            @RequestHeader(value = "Upload-Metadata", required = false) String metadata, User user) throws IOException {
        resumable(version);
        long n;
        try {
            n = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Upload-Length must be a number of bytes");
        }
        Map<String, String> meta = metadata(metadata);
        AssetDescription d = null;
        if (meta.containsKey("metadata")) {
            try {
                d = Json.readStrict(meta.get("metadata"), AssetDescription.class);
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                throw ApiException.badRequest("the metadata is not a description: " + e.getMessage());
            }
        }
        Upload u = uploads.create(n, meta.getOrDefault("filename", meta.get("name")), d, user);
        HttpHeaders h = tus();
        h.setLocation(java.net.URI.create("/api/uploads/" + u.id()));
        h.set("Upload-Expires", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(u.expiresAt().atZone(java.time.ZoneOffset.UTC)));
        return ResponseEntity.status(HttpStatus.CREATED).headers(h).build();
    }

    @Operation(summary = "How far an upload is", description = "Upload-Offset: the bytes the server holds.")
    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable String id, User user) {
        Upload u = uploads.get(id, user);
        HttpHeaders h = tus();
        h.set("Upload-Offset", Long.toString(u.offset()));
        h.set("Upload-Length", Long.toString(u.length()));
        if (u.asset() != null) {
            h.set("Yingzhi-Asset", u.asset());
        }
        return ResponseEntity.ok().headers(h).build();
    }

    @Operation(summary = "An upload's state as JSON", description = "For pages: name, length, offset, expiry, asset.")
    @GetMapping("/{id}")
    Upload get(@PathVariable String id, User user) {
        return uploads.get(id, user);
    }

    @Operation(summary = "Send bytes", description = "Content-Type application/offset+octet-stream, Upload-Offset "
            + "the offset HEAD gave; a request cut off keeps what arrived.")
    @RequestMapping(path = "/{id}", method = RequestMethod.PATCH)
    ResponseEntity<Void> patch(@PathVariable String id, @RequestHeader(value = "Tus-Resumable", required = false) String version,
            @RequestHeader(value = "Upload-Offset", required = false) String offset,
            @RequestHeader(value = "Content-Type", required = false) String type, HttpServletRequest req, User user)
            throws IOException {
        resumable(version);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/offset+octet-stream")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Wrong content type",
                    "send the bytes as application/offset+octet-stream");
        }
        long at;
        try {
            at = Long.parseLong(offset == null ? "" : offset.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Upload-Offset must be the number of bytes the server holds");
        }
        ResumableUploads.Appended a = uploads.append(id, at, req.getInputStream(), user);
        HttpHeaders h = tus();
        h.set("Upload-Offset", Long.toString(a.offset()));
        if (a.result() != null) {
            h.set("Yingzhi-Asset", a.result().asset().id());
            h.set("Yingzhi-Duplicate", Boolean.toString(a.result().duplicate()));
        }
        return ResponseEntity.noContent().headers(h).build();
    }

    @Operation(summary = "Abandon an upload", description = "Its bytes are removed.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, User user) throws IOException {
        uploads.terminate(id, user);
        return ResponseEntity.noContent().headers(tus()).build();
    }

    /** tus Upload-Metadata: comma-separated "key base64value" pairs. */
    static Map<String, String> metadata(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        if (header.length() > 64 * 1024) {
            throw ApiException.badRequest("Upload-Metadata is over 64 KB");
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            if (kv[0].isEmpty()) {
                continue;
            }
            byte[] raw;
            try {
                raw = kv.length < 2 ? new byte[0] : Base64.getDecoder().decode(kv[1].trim());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Upload-Metadata: the value of '" + kv[0] + "' is not base64");
            }
            try {
                // strictly UTF-8: bytes that are not would otherwise become U+FFFD in a stored name
                String v = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(raw)).toString();
                out.put(kv[0], org.yingzhi.shared.json.InputJson.clean(v));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw ApiException.badRequest("Upload-Metadata: the value of '" + kv[0] + "' is not UTF-8");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Upload-Metadata: the value of '" + kv[0] + "' " + e.getMessage());
            }
        }
        return out;
    }
}
