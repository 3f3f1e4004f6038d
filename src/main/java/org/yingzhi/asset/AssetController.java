package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yingzhi.security.User;
import org.yingzhi.shared.json.Json;
import org.yingzhi.shared.web.ApiException;

@RestController
@RequestMapping("/api/assets")
@Tag(name = "Assets", description = "Upload, catalog and retrieve video, audio and photos")
class AssetController {

    private final AssetIngestService ingest;
    private final AssetQueryService queries;
    private final AssetEditService edits;

    private final AssetJsonWriter json;

    private final org.yingzhi.shared.audit.AuditLog audit;

    AssetController(AssetIngestService ingest, AssetQueryService queries, AssetEditService edits, AssetJsonWriter json,
            org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.json = json;
        this.ingest = ingest;
        this.queries = queries;
        this.edits = edits;
    }

    @Operation(summary = "Upload a media file",
            description = "Multipart with a 'file' part and an optional 'metadata' part holding JSON (title, description, "
                    + "contributorUnit, source, captureDate, place, keywords, rights). 201 for a new asset; 200 with "
                    + "duplicate=true when the same bytes are already cataloged (and restored=true when they belonged to a deleted "
                    + "asset that the caller may restore: it is restored); 409 when they belong to a deleted asset "
                    + "the caller may not restore; 415 when the content is not media.")
    @ApiResponse(responseCode = "201", description = "A new asset",
            content = @Content(schema = @Schema(implementation = AssetResponse.Upload.class)))
    @ApiResponse(responseCode = "200", description = "The same bytes were already cataloged: the existing asset",
            content = @Content(schema = @Schema(implementation = AssetResponse.Upload.class)))
    @ApiResponse(responseCode = "413", description = "Larger than yingzhi.upload.max-file-size",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.yingzhi.shared.web.Problem.class)))
    @ApiResponse(responseCode = "415", description = "Not video, audio or a photo; the detail says what it is",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.yingzhi.shared.web.Problem.class)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AssetResponse.Upload> upload(@RequestParam("file") MultipartFile file,
            @RequestParam(value = "metadata", required = false) String metadata, User user) throws IOException {
        AssetDescription d = parseMetadata(metadata);
        IngestResult r;
        try (InputStream in = file.getInputStream()) {
            r = ingest.ingest(in, file.getOriginalFilename(), d, user);
        }
        AssetResponse.Upload body = new AssetResponse.Upload(r.duplicate(), r.restored(), AssetResponse.of(r.asset()));
        if (r.duplicate()) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.created(URI.create("/api/assets/" + r.asset().id())).body(body);
    }

    static AssetDescription parseMetadata(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return AssetDescription.empty();
        }
        try {
            return Json.readStrict(metadata, AssetDescription.class);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("metadata: " + e.getMessage() + "; the fields are title, description, "
                    + "contributorUnit, source, captureDate, place, keywords (a list) and rights");
        }
    }

    @Operation(summary = "List and search assets",
            description = "Filters: type (VIDEO, AUDIO, PHOTO), unit (contributor unit), from/to (capture date, YYYY[-MM[-DD]]), "
                    + "keyword (exact keyword), q (words or Chinese text in titles, descriptions, captions, places), "
                    + "status. Paging with page (from 0) and size (1-500); sort=createdAt,desc or -captureStart.")
    @GetMapping
    AssetResponse.Page list(@RequestParam(required = false) String type, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String keyword, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "false") boolean includeDeleted,
            @RequestParam(required = false) String review, User user) {
        AssetQueryService.Page p = queries.list(new AssetQuery(type, unit, from, to, keyword, q, status, page, size, sort,
                includeDeleted, review), user);
        return new AssetResponse.Page(json.write(p.items()), p.total(), p.page(), p.size());
    }

    @Operation(summary = "Processing state of some assets, for pages that follow uploads and cards live",
            description = "ids: up to 200 asset ids, comma separated; unknown ids and those the user may not see "
                    + "are left out")
    @GetMapping("/states")
    States states(@RequestParam String ids, User user) {
        List<String> list = java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        return new States(queries.states(list, user));
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "AssetStates")
    record States(@io.swagger.v3.oas.annotations.media.Schema(description = "one per asset found") List<AssetState> items) {
    }

    @Operation(summary = "One asset with its technical metadata, timecode and EXIF")
    @GetMapping("/{id}")
    AssetResponse get(@PathVariable String id, User user) {
        return AssetResponse.of(queries.get(id, user));
    }

    @Operation(summary = "Change descriptive fields (JSON merge patch; null removes a field)")
    @PatchMapping(value = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    AssetResponse patch(@PathVariable String id, @RequestBody AssetPatch patch, User user) {
        return AssetResponse.of(edits.patch(id, patch.given(), user));
    }

    @Operation(summary = "Soft-delete an asset: it disappears from lists, the original is kept")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestParam(required = false) String reason, User user) {
        edits.delete(id, reason, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Restore a soft-deleted asset (administrators)")
    @PostMapping("/{id}/restore")
    AssetResponse restore(@PathVariable String id, User user) {
        return AssetResponse.of(edits.restore(id, user));
    }

    @Operation(summary = "The original file, with HTTP Range support")
    @GetMapping("/{id}/original")
    ResponseEntity<Resource> original(@PathVariable String id,
            @RequestParam(defaultValue = "false") boolean download,
            @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
            User user) throws IOException {
        AssetQueryService.Original o = queries.original(id, user);
        if (!java.nio.file.Files.isReadable(o.path())) {
            throw new ApiException(HttpStatus.GONE, "Original missing",
                    "the original of asset " + id + " is not in the media store; check the storage mount");
        }
        FileSystemResource body = new FileSystemResource(o.path());
        ResponseEntity<Resource> refused = org.yingzhi.shared.web.RangeCheck.unsatisfiable(range, body);
        if (refused != null) {
            return refused;
        }
        // shown in the browser only when it is plain audio, video or a raster image; anything else is a download
        boolean inline = !download && safeInline(o.mimeType());
        if (download || range == null) {
            // a download of the whole original is on record (a player's range requests are not downloads)
            audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.ORIGINAL_DOWNLOAD,
                    "asset", id).with("fileName", o.fileName()).with("size", o.size()));
        }
        ContentDisposition cd = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(AssetDocuments.downloadName(o.fileName()), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(o.mimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, cd.toString())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePrivate().immutable())
                .eTag("\"" + id + "\"")
                .body(body);
    }

    /** Media types a browser may render in place without running anything (no SVG, HTML, XML or PDF). */
    static boolean safeInline(String mimeType) {
        String m = mimeType == null ? "" : mimeType.toLowerCase(java.util.Locale.ROOT);
        return (m.startsWith("video/") || m.startsWith("audio/") || m.startsWith("image/")) && !m.contains("svg")
                && !m.contains("xml") && !m.contains("html");
    }
}
