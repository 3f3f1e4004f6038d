package org.yingzhi.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.asset.Asset;
import org.yingzhi.asset.AssetIngestService;
import org.yingzhi.asset.Quickprint;
import org.yingzhi.security.User;

/**
 * Asked by the upload page before it sends files: which of them the catalog probably holds already, by size and the
 * SHA-256 of their first and last mebibyte ({@link Quickprint}). A match is a likelihood the page shows; whether a
 * file is a duplicate is decided by the SHA-256 of all its bytes when it is sent.
 */
@RestController
@RequestMapping("/api/uploads/precheck")
@Tag(name = "Uploads")
class PrecheckController {

    private final AssetIngestService ingest;

    PrecheckController(AssetIngestService ingest) {
        this.ingest = ingest;
    }

    @Schema(name = "PrecheckRequest", description = "Quickprints of the files about to be sent")
    record PrecheckRequest(@NotNull @Size(max = 1000) @Schema(description = "one per file, in the page's order")
            List<@Valid @NotNull Print> files) {
    }

    @Schema(name = "Quickprint", description = "size, and SHA-256 of the first and last MiB (the whole file up to 2 MiB)")
    record Print(@Positive @Schema(description = "bytes") long size,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}") @Schema(description = "lower-case hex SHA-256") String head) {
    }

    @Schema(name = "PrecheckResult")
    record PrecheckResult(@Schema(description = "one per file asked about, in the same order") List<Likely> files) {
    }

    @Schema(name = "LikelyHeld", description = "the asset that probably holds the file, or all fields null")
    record Likely(@Schema(description = "asset id") String asset, @Schema(description = "its title") String title,
            @Schema(description = "the name its file came with") String fileName) {
    }

    @Operation(summary = "Which files the catalog probably holds already",
            description = "Compares size and the SHA-256 of each file's first and last MiB with the originals' "
                    + "(only assets the user may see; deleted ones are not revealed)")
    @PostMapping
    PrecheckResult precheck(@Valid @RequestBody PrecheckRequest in, User user) {
        List<Quickprint> prints = in.files().stream().map(p -> new Quickprint(p.size(), p.head())).toList();
        List<Likely> out = new ArrayList<>();
        for (Asset a : ingest.likelyHeld(prints, user)) {
            out.add(a == null ? new Likely(null, null, null) : new Likely(a.id(), a.title(), a.original().fileName()));
        }
        return new PrecheckResult(out);
    }
}
