package org.yingzhi.gazetteer.outline;

import jakarta.validation.constraints.PositiveOrZero;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
@RequestMapping("/api/outline")
@Tag(name = "Outline", description = "The book's outline (篇目大纲): a tree of 篇, 章, 节, 目; import and export")
class OutlineController {

    private static final int MAX_IMPORT = 20 * 1024 * 1024;

    private final OutlineService outline;

    private final org.yingzhi.shared.audit.AuditLog audit;

    OutlineController(OutlineService outline, org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.outline = outline;
    }

    @Operation(summary = "The whole outline as a tree")
    @GetMapping
    List<OutlineService.TreeNode> tree(User user) {
        return outline.tree();
    }

    @Operation(summary = "Add a node", description = "Body: {parent?, position?, title, level?, unit?, due?, status?, notes?}. "
            + "Editors, reviewers and administrators.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OutlineNode> create(@Valid @RequestBody OutlineService.NodeInput body, User user) {
        OutlineNode n = outline.create(body, user);
        return ResponseEntity.status(HttpStatus.CREATED).body(n);
    }

    @GetMapping("/{id}")
    OutlineNode get(@PathVariable String id, User user) {
        return outline.get(id);
    }

    @Operation(summary = "Change a node", description = "Fields given are changed; parent and position move it (parent \"\" = top).")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    OutlineNode update(@PathVariable String id, @Valid @RequestBody OutlineService.NodeInput body, User user) {
        return outline.update(id, body, user);
    }

    @Schema(description = "Where a node moves: under parent (null: top), at position (null: last)")
    record MoveInput(String parent, @PositiveOrZero Integer position) {
    }

    @Operation(summary = "Move a node with its subtree", description = "Body: {parent (null = top), position (null = last)}. Links move with it.")
    @PostMapping(path = "/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    OutlineNode move(@PathVariable String id, @Valid @RequestBody MoveInput m, User user) {
        return outline.move(id, m.parent(), m.position(), user);
    }

    @Operation(summary = "Delete a node and its subtree",
            description = "409 when material is linked into it, unless moveLinksTo=<node> or dropLinks=true says what becomes of it.")
    @DeleteMapping("/{id}")
    OutlineService.Deletion delete(@PathVariable String id, @RequestParam(required = false) String moveLinksTo,
            @RequestParam(defaultValue = "false") boolean dropLinks, User user) {
        return outline.delete(id, moveLinksTo, dropLinks, user);
    }

    @Operation(summary = "Import an outline from .docx, .md or .json",
            description = "Multipart 'file'. Nodes are matched to the stored outline by title (without numbering) or by "
                    + "numbering under the same parent; the report lists what was added, renamed, moved, reordered and "
                    + "what stored nodes the file does not have (left in place).")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OutlineService.ImportReport importOutline(@RequestParam("file") MultipartFile file, User user) throws IOException {
        byte[] content = OutlineFormats.readAtMost(file.getInputStream(), MAX_IMPORT);
        return outline.importOutline(OutlineFormats.parse(file.getOriginalFilename(), content), user);
    }

    @Operation(summary = "Export the outline", description = "format = md, json or docx.")
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "md") String format, User user) {
        List<OutlineService.TreeNode> tree = outline.tree();
        byte[] body;
        MediaType type;
        switch (format) {
            case "md" -> {
                body = OutlineFormats.toMarkdown(tree).getBytes(StandardCharsets.UTF_8);
                type = new MediaType("text", "markdown", StandardCharsets.UTF_8);
            }
            case "json" -> {
                body = Json.MAPPER.writeValueAsBytes(tree);
                type = MediaType.APPLICATION_JSON;
            }
            case "docx" -> {
                body = OutlineFormats.toDocx(tree);
                type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            default -> throw ApiException.badRequest("format is md, json or docx, not '" + format + "'");
        }
        audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.EXPORT, "outline", null).with("format", format));
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("outline." + format).build().toString()).body(body);
    }
}
