package org.yingzhi.gazetteer.figure;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yingzhi.security.User;
import org.yingzhi.shared.web.ApiException;

@RestController
@Tag(name = "Figures", description = "Photos for the book: attached to chapters with caption, credit and order; numbered figure lists")
class FigureController {

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FigureService figures;

    private final org.yingzhi.shared.audit.AuditLog audit;

    FigureController(FigureService figures, org.yingzhi.shared.audit.AuditLog audit) {
        this.audit = audit;
        this.figures = figures;
    }

    @Operation(summary = "A node's figures, numbered", description = "The node's own figures and those of its subtree, in reading order.")
    @GetMapping("/api/outline/{id}/figures")
    List<FigureService.Numbered> list(@PathVariable String id, User user) {
        return figures.numbered(id);
    }

    @Operation(summary = "Attach a photo to a node", description = "Body: {asset, caption?, credit?, position? (null = last)}. "
            + "409 when the photo is already attached there. Editors, reviewers and administrators.")
    @PostMapping(path = "/api/outline/{id}/figures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Figure> attach(@PathVariable String id, @Valid @RequestBody FigureService.FigureInput body, User user) {
        Figure f = figures.attach(id, body, user);
        return ResponseEntity.status(HttpStatus.CREATED).body(f);
    }

    @Schema(description = "The chapter's figure ids in their new order")
    record OrderInput(@Size(max = 10_000) List<String> figures) {
    }

    @Operation(summary = "Reorder a node's figures", description = "Body: {figures: [ids in the new order]}, each once.")
    @PostMapping(path = "/api/outline/{id}/figures/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Figure> reorder(@PathVariable String id, @Valid @RequestBody OrderInput body, User user) {
        return figures.reorder(id, body.figures(), user);
    }

    @Operation(summary = "Change a figure's caption, credit or position")
    @PatchMapping(path = "/api/figures/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Figure update(@PathVariable String id, @Valid @RequestBody FigureService.FigureInput body, User user) {
        return figures.update(id, body, user);
    }

    @DeleteMapping("/api/figures/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, User user) {
        figures.delete(id, user);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Export the figure list", description = "chapter = a node (its subtree) or absent for the whole "
            + "book; format = md, csv, xlsx, or zip (the list and every picture named by its number, for the typesetter).")
    @GetMapping("/api/figures/export")
    void export(@RequestParam(required = false) String chapter, @RequestParam(defaultValue = "md") String format,
            User user, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        if (!List.of("md", "csv", "xlsx", "zip").contains(format)) {
            throw ApiException.badRequest("format is md, csv, xlsx or zip, not '" + format + "'");
        }
        List<FigureService.Numbered> list = figures.numbered(chapter);
        audit.record(org.yingzhi.shared.audit.Change.of(org.yingzhi.shared.audit.AuditActions.EXPORT, "figures", chapter).with("format", format)
                .with("figures", list.size()));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("figures." + format).build().toString());
        switch (format) {
            case "md" -> write(response, "text/markdown;charset=UTF-8", FigureService.markdown(list).getBytes(StandardCharsets.UTF_8));
            case "csv" -> write(response, "text/csv;charset=UTF-8", FigureService.csv(list));
            case "xlsx" -> write(response, XLSX.toString(), FigureService.xlsx(list));
            default -> {
                // written as it is read: a whole book's pictures do not fit in memory
                response.setContentType("application/zip");
                figures.zip(list, response.getOutputStream());
            }
        }
    }

    private static void write(jakarta.servlet.http.HttpServletResponse response, String type, byte[] body)
            throws java.io.IOException {
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}
