package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.media.spec.PreviewSpec;
import org.yingzhi.media.spec.ThumbnailSpec;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;
import org.yingzhi.storage.Derivative;

/** What browsers play and show: proxies, posters, filmstrips, waveforms, previews (all with HTTP Range). */
@RestController
@RequestMapping("/api/assets/{id}")
@Tag(name = "Derivatives", description = "Browser proxies, thumbnails, filmstrip sprites, waveforms, previews")
class AssetMediaController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate().mustRevalidate();

    private final AssetQueryService queries;
    private final AssetEditService edits;
    private final ThumbnailSpec thumbnails;
    private final PreviewSpec previews;
    private final MomentFrames frames;

    AssetMediaController(AssetQueryService queries, AssetEditService edits, ThumbnailSpec thumbnails,
            PreviewSpec previews, MomentFrames frames) {
        this.frames = frames;
        this.queries = queries;
        this.edits = edits;
        this.thumbnails = thumbnails;
        this.previews = previews;
    }

    @Operation(summary = "A derivative of an asset (Range supported)", description = """
            proxy: H.264/AAC MP4 of a video; thumbnail: poster frame (size picks the nearest stored width, 160, 320 \
            or 640); sprite: filmstrip JPEG grid; thumbnails.vtt: WebVTT track pointing into the sprite; waveform: \
            min/max peaks per 100 ms as JSON; audio: AAC .m4a of an audio asset; preview: upright photo (size picks \
            the nearest stored long edge, 512 or 2048). A derivative whose step is not done answers 404 with the \
            step's state.""")
    @GetMapping("/{derivative}")
    ResponseEntity<Resource> derivative(@PathVariable String id,
            @Parameter(schema = @Schema(allowableValues = {"proxy", "thumbnail", "sprite", "thumbnails.vtt", "waveform",
                    "audio", "preview"})) @PathVariable("derivative") String name,
            @RequestParam(required = false) Integer size,
            @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
            User user) throws IOException {
        Derivative kind = Derivative.ofApiName(name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "assets have no '" + name + "'; derivatives are "
                        + Arrays.stream(Derivative.values()).map(Derivative::apiName).toList()));
        int stored = switch (kind) {
            case THUMBNAIL -> thumbnails.nearest(size == null ? 320 : size);
            case PREVIEW -> previews.nearest(size == null ? 2048 : size);
            default -> 0;
        };
        Path file = queries.derivative(id, kind, stored, user);
        if (!Files.isReadable(file)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "the derivative file is missing; reprocess the asset");
        }
        String etag = "\"" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "-"
                + Long.toHexString(Files.size(file)) + "\"";
        FileSystemResource body = new FileSystemResource(file);
        ResponseEntity<Resource> refused = org.yingzhi.shared.web.RangeCheck.unsatisfiable(range, body);
        if (refused != null) {
            return refused;
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(kind.contentType()))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes").cacheControl(CACHE).eTag(etag)
                .body(body);
    }

    @Operation(summary = "A still of a video at a moment", description = "The frame at `at` seconds from the clip's "
            + "first frame (a linked range's in-point), from the proxy, `size` 160, 320 or 640 wide (nearest). Made "
            + "on first request and kept.")
    @GetMapping("/frame")
    ResponseEntity<Resource> frame(@PathVariable String id, @RequestParam double at,
            @RequestParam(defaultValue = "320") int size, User user) {
        if (!Double.isFinite(at) || at < 0) {
            throw ApiException.badRequest("at is seconds from the clip's start, 0 or more");
        }
        Path file = frames.frame(id, Math.round(at * 1_000_000), size, user);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CACHE)
                .body(new FileSystemResource(file));
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "The steps to run again; none: all of the asset's steps")
    record ReprocessInput(@jakarta.validation.constraints.Size(max = 20) List<String> steps) {
    }

    @Operation(summary = "Run processing steps again",
            description = "Body {\"steps\":[\"proxy\",\"sprite\"]}; no steps means all of the asset's steps.")
    @PostMapping("/reprocess")
    ResponseEntity<AssetResponse.Queued> reprocess(@PathVariable String id,
            @jakarta.validation.Valid @RequestBody(required = false) ReprocessInput body, User user,
            jakarta.servlet.http.HttpServletRequest req) {
        if (body == null && (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null)) {
            throw ApiException.invalid("body.null"); // a body that says null is not "no body"
        }
        List<String> steps = body == null || body.steps() == null ? List.of() : body.steps();
        List<String> queued = edits.reprocess(id, steps, user).stream().map(Step::key).toList();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new AssetResponse.Queued(queued));
    }
}
