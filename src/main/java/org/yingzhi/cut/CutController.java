package org.yingzhi.cut;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

@RestController
@Tag(name = "Cuts", description = "Sequences producers assemble from bins and ranges, with their record timeline, exports to editing suites and imports back")
class CutController {

    private final CutService cuts;

    private final org.yingzhi.shared.audit.AuditLog audit;

    CutController(CutService cuts, org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.cuts = cuts;
    }

    @Operation(summary = "The cuts a person sees: their own, those they may edit, and shared ones")
    @GetMapping("/api/cuts")
    List<CutService.Summary> list(User user) {
        return cuts.list(user);
    }

    @Operation(summary = "Make a cut", description = "From a bin's items ({bin, items?}), from entries, or empty; "
            + "the record rate defaults to the first entry's, the start to 01:00:00:00 (01:00:00;00 drop-frame). Producers.")
    @PostMapping(path = "/api/cuts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CutService.CutView> create(@Valid @RequestBody CutService.CutInput body, User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cuts.create(body, user));
    }

    @Operation(summary = "A cut with its record timeline (entries of deleted assets left out and counted)")
    @GetMapping("/api/cuts/{id}")
    CutService.CutView get(@PathVariable String id, User user) {
        return cuts.get(id, user);
    }

    @Operation(summary = "Change a cut from the version read", description = "Fields given replace the stored ones "
            + "(entries: the whole ordered list, so reorder, trim and remove are one request). A change made from an "
            + "older version is refused with 409 and the current cut in 'current'.")
    @PutMapping(path = "/api/cuts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CutService.CutView change(@PathVariable String id, @Valid @RequestBody CutService.CutChange body, User user) {
        return cuts.change(id, body, user);
    }

    @Operation(summary = "Add entries (from a bin, or given) at a position, default the end")
    @PostMapping(path = "/api/cuts/{id}/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    CutService.CutView append(@PathVariable String id, @Valid @RequestBody CutService.AppendInput body, User user) {
        return cuts.append(id, body, user);
    }

    @Operation(summary = "Split an entry at a source timecode")
    @PostMapping(path = "/api/cuts/{id}/entries/{entry}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    CutService.CutView split(@PathVariable String id, @PathVariable String entry,
            @Valid @RequestBody CutService.SplitInput body, User user) {
        return cuts.split(id, entry, body, user);
    }

    @Operation(summary = "Copy a cut as a new cut of one's own")
    @PostMapping("/api/cuts/{id}/duplicate")
    ResponseEntity<CutService.CutView> duplicate(@PathVariable String id, User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(cuts.duplicate(id, user));
    }

    @DeleteMapping("/api/cuts/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, User user) {
        cuts.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/cuts/{id}/restore")
    CutService.CutView restore(@PathVariable String id, User user) {
        return cuts.restore(id, user);
    }

    @Operation(summary = "Export a cut for an editing suite or the office's paperwork")
    @GetMapping("/api/cuts/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id,
            @Parameter(description = "edl, otio, xmeml (Final Cut Pro 7 XML), fcpxml, csv or xlsx (shot list)")
            @RequestParam(defaultValue = "edl") String format,
            @Parameter(description = "EDL reel name length: 8 (CMX3600) or longer for Resolve and Premiere")
            @RequestParam(defaultValue = "8") int reel,
            @Parameter(description = "xmeml version, 4 or 5") @RequestParam(defaultValue = "5") int version, User user) {
        CutService.Export e = cuts.export(id, format, reel, version, user);
        audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.EXPORT, "cut", id).with("format", format)
                .with("fileName", e.fileName()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(e.body());
    }

    @Operation(summary = "One entry's range from the original, without re-encoding", description = "A QuickTime movie "
            + "of the packets from the keyframe at or before the in-point (less the handles), with an edit list that "
            + "starts it at the in-point and ends it at the out-point, and its own start timecode. Players and suites "
            + "that ignore edit lists show the frames from that keyframe (header X-Yingzhi-Keyframe).")
    @GetMapping("/api/cuts/{id}/entries/{entry}/subclip")
    ResponseEntity<StreamingResponseBody> subclip(@PathVariable String id, @PathVariable String entry,
            @Parameter(description = "Frames of handle either side (within the clip), 0 to 250")
            @RequestParam(defaultValue = "0") int handles, User user) throws IOException {
        CutService.Subclip s = cuts.subclip(id, entry, handles, user);
        audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.EXPORT, "cut", id).with("subclip", entry)
                .with("handles", handles));
        long size = java.nio.file.Files.size(s.file());
        StreamingResponseBody body = out -> {
            try {
                java.nio.file.Files.copy(s.file(), out);
            } finally {
                java.nio.file.Files.deleteIfExists(s.file());
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/quicktime")).contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(s.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Yingzhi-Timecode", s.timecode())
                .header("X-Yingzhi-Frames", String.valueOf(s.frames()))
                .header("X-Yingzhi-Keyframe", String.valueOf(s.keyframeSeconds()))
                .header("X-Yingzhi-Exact-End", String.valueOf(s.exactEnd()))
                .body(body);
    }

    @Operation(summary = "Render the rough cut", description = "A job (subject cut:<id>, type cut_render) joins the "
            + "entries' proxy ranges into one MP4 with the source timecode and clip title burnt in; GET .../render says how far it is.")
    @PostMapping("/api/cuts/{id}/render")
    ResponseEntity<CutService.RenderView> render(@PathVariable String id, User user) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(cuts.render(id, user));
    }

    @GetMapping("/api/cuts/{id}/render")
    CutService.RenderView renderState(@PathVariable String id, User user) {
        return cuts.renderState(id, user);
    }

    @Operation(summary = "The rendered rough cut (byte ranges for players)")
    @GetMapping("/api/cuts/{id}/render.mp4")
    ResponseEntity<org.springframework.core.io.Resource> renderFile(@PathVariable String id, User user) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                .body(new org.springframework.core.io.FileSystemResource(cuts.renderFile(id, user)));
    }

    @Operation(summary = "The conform package: media and lists in one zip", description = "Per asset its original "
            + "(media=original) or proxy (media=proxy), trimmed losslessly to the span its entries use plus handles "
            + "(trim=true) or whole; the EDL, OTIO, xmeml, FCPXML and shot list pointing at those files where the zip "
            + "will be unpacked (root); and manifest-sha256.txt.")
    @GetMapping("/api/cuts/{id}/conform")
    ResponseEntity<StreamingResponseBody> conform(@PathVariable String id,
            @RequestParam(defaultValue = "original") String media, @RequestParam(defaultValue = "true") boolean trim,
            @RequestParam(defaultValue = "12") int handles, @RequestParam(defaultValue = "32") int reel,
            @RequestParam(required = false) String root, User user) {
        CutConform.Plan plan = cuts.conformPlan(id, media, trim, handles, reel, root, user);
        String name = CutService.fileBase(plan.sheet().cut().title()) + "-conform.zip";
        StreamingResponseBody body = out -> cuts.writeConform(plan, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @Operation(summary = "Make a cut from an editing suite's list", description = "The body is the file itself: a "
            + "CMX3600 EDL, Final Cut Pro 7 XML or OpenTimelineIO JSON (format detected unless given; at most 4 MB). "
            + "Events are matched to assets by the asset id Yingzhi wrote, file name, clip name, tape name and "
            + "source timecode; those that match none are listed with their line numbers.")
    @PostMapping(path = "/api/cuts/import")
    ResponseEntity<CutService.ImportResult> importList(HttpServletRequest request,
            @RequestParam(required = false) String format, @RequestParam(required = false) String title,
            @Parameter(description = "The EDL's frame rate (default 25, or 29.97 when the list is drop-frame)")
            @RequestParam(required = false) String rate, User user) throws IOException {
        if (request.getContentLengthLong() > CutService.MAX_IMPORT_BYTES) {
            throw ApiException.invalid("cut.importSize", CutService.MAX_IMPORT_BYTES >> 20);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(CutService.MAX_IMPORT_BYTES + 1);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(cuts.importList(body, format, title, rate, user));
    }
}
