package org.yingzhi.bin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;

@RestController
@Tag(name = "Bins", description = "Collections of whole assets and ranges (moments), personal or shared, for cuts and chapters")
class BinController {

    private final BinService bins;

    BinController(BinService bins) {
        this.bins = bins;
    }

    @Operation(summary = "The bins a person sees: their own, those shared with them, and shared ones")
    @GetMapping("/api/bins")
    List<BinService.Summary> list(User user) {
        return bins.list(user);
    }

    @Operation(summary = "Make a bin", description = "Producers, editors and the office.")
    @PostMapping(path = "/api/bins", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BinService.BinView> create(@Valid @RequestBody BinService.BinInput body, User user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bins.create(body, user));
    }

    @GetMapping("/api/bins/{id}")
    BinService.BinView get(@PathVariable String id, User user) {
        return bins.get(id, user);
    }

    @Operation(summary = "Rename, note or share a bin", description = "Sharing (shared, editors) is the owner's.")
    @PatchMapping(path = "/api/bins/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    BinService.BinView update(@PathVariable String id, @Valid @RequestBody BinService.BinInput body, User user) {
        return bins.update(id, body, user);
    }

    @DeleteMapping("/api/bins/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, User user) {
        bins.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/bins/{id}/restore")
    BinService.BinView restore(@PathVariable String id, User user) {
        return bins.restore(id, user);
    }

    @Operation(summary = "Collect into a bin", description = "Body: {items: [{asset, in?, out?, rate?, scene?, note?, from?}]}; "
            + "a range is checked against its clip (source timecode at its rate); all items or none.")
    @PostMapping(path = "/api/bins/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    BinService.BinView add(@PathVariable String id, @Valid @RequestBody BinService.ItemsInput body, User user) {
        return bins.add(id, body, user);
    }

    @Schema(description = "A note for an item (empty: none)")
    record NoteInput(@Size(max = 2000) String note) {
    }

    @PatchMapping(path = "/api/bins/{id}/items/{item}", consumes = MediaType.APPLICATION_JSON_VALUE)
    BinService.BinView note(@PathVariable String id, @PathVariable String item, @Valid @RequestBody NoteInput body, User user) {
        return bins.noteItem(id, item, body.note(), user);
    }

    @DeleteMapping("/api/bins/{id}/items/{item}")
    BinService.BinView remove(@PathVariable String id, @PathVariable String item, User user) {
        return bins.removeItem(id, item, user);
    }
}
