package org.yingzhi.asset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.yingzhi.pipeline.Derivatives;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

/** What browsers play and show: proxies, posters, filmstrips, waveforms, previews (all with HTTP Range). */
@RestController
@RequestMapping("/api/assets/{id}")
@Tag(name = "Derivatives", description = "Browser proxies, thumbnails, filmstrip sprites, waveforms, previews")
class AssetMediaController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate().mustRevalidate();

    private final AssetService assets;
    private final ThumbnailSpec thumbnails;
    private final PreviewSpec previews;

    AssetMediaController(AssetService assets, ThumbnailSpec thumbnails, PreviewSpec previews) {
        this.assets = assets;
        this.thumbnails = thumbnails;
        this.previews = previews;
    }

    @Operation(summary = "H.264/AAC MP4 proxy of a video (Range supported)")
    @GetMapping("/proxy")
    ResponseEntity<Resource> proxy(@PathVariable String id, User user) throws IOException {
        return serve(assets.derivative(id, "proxy", Derivatives.PROXY, user), "video/mp4");
    }

    @Operation(summary = "Poster frame of a video; size picks the nearest stored width (160, 320, 640)")
    @GetMapping("/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable String id, @RequestParam(defaultValue = "320") int size, User user)
            throws IOException {
        int w = thumbnails.nearest(size);
        return serve(assets.derivative(id, "thumbnail", Derivatives.thumbnail(w), user), "image/jpeg");
    }

    @Operation(summary = "Filmstrip sprite (JPEG grid) of a video")
    @GetMapping("/sprite")
    ResponseEntity<Resource> sprite(@PathVariable String id, User user) throws IOException {
        return serve(assets.derivative(id, "sprite", Derivatives.SPRITE, user), "image/jpeg");
    }

    @Operation(summary = "WebVTT thumbnails track pointing into the sprite, for scrubbing")
    @GetMapping("/thumbnails.vtt")
    ResponseEntity<Resource> vtt(@PathVariable String id, User user) throws IOException {
        return serve(assets.derivative(id, "sprite", Derivatives.THUMBNAILS_VTT, user), "text/vtt;charset=UTF-8");
    }

    @Operation(summary = "Waveform peaks: min/max per 100 ms, JSON")
    @GetMapping("/waveform")
    ResponseEntity<Resource> waveform(@PathVariable String id, User user) throws IOException {
        return serve(assets.derivative(id, "waveform", Derivatives.WAVEFORM, user), "application/json");
    }

    @Operation(summary = "AAC audio proxy of an audio asset (Range supported)")
    @GetMapping("/audio")
    ResponseEntity<Resource> audio(@PathVariable String id, User user) throws IOException {
        return serve(assets.derivative(id, "audio_proxy", Derivatives.AUDIO, user), "audio/mp4");
    }

    @Operation(summary = "Upright preview of a photo; size picks the nearest stored long edge (512, 2048)")
    @GetMapping("/preview")
    ResponseEntity<Resource> preview(@PathVariable String id, @RequestParam(defaultValue = "2048") int size, User user)
            throws IOException {
        int edge = previews.nearest(size);
        return serve(assets.derivative(id, "preview", Derivatives.preview(edge), user), "image/jpeg");
    }

    @Operation(summary = "Run processing steps again",
            description = "Body {\"steps\":[\"proxy\",\"sprite\"]}; no steps means all of the asset's steps.")
    @PostMapping("/reprocess")
    ResponseEntity<Map<String, Object>> reprocess(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> body, User user) {
        Object raw = body == null ? null : body.get("steps");
        if (raw != null && !(raw instanceof List<?>)) {
            throw ApiException.badRequest("steps must be a list of step names");
        }
        List<String> steps = raw == null ? List.of() : ((List<?>) raw).stream().map(String::valueOf).toList();
        List<String> queued = assets.reprocess(id, steps, user);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("queued", queued));
    }

    private static ResponseEntity<Resource> serve(Path file, String contentType) throws IOException {
        if (!Files.isReadable(file)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "the derivative file is missing; reprocess the asset");
        }
        String etag = "\"" + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "-"
                + Long.toHexString(Files.size(file)) + "\"";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes").cacheControl(CACHE).eTag(etag)
                .body(new FileSystemResource(file));
    }
}
