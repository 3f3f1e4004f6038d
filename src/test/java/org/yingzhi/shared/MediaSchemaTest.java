package org.yingzhi.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.yingzhi.shared.json.DocumentSchemas;
import org.yingzhi.shared.json.Json;

/** The example documents in media-schema/examples validate; broken documents do not. */
class MediaSchemaTest {

    private final DocumentSchemas schemas = new DocumentSchemas();

    @Test
    void everyExampleValidates() throws Exception {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("media-schema", "examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(examples.size() >= 4, "examples: " + examples);
        for (Path p : examples) {
            String schema = p.getFileName().toString().split("\\.")[0];
            Object json = Json.MAPPER.readValue(Files.readString(p), Object.class);
            assertEquals(List.of(), schemas.violations(schema, json), p.toString());
        }
    }

    @Test
    void brokenDocumentsAreRefusedWithTheReason() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> photo = Json.MAPPER.readValue(Files.readString(Path.of("media-schema/examples/asset.photo.json")),
                Map.class);
        photo.put("type", "FILM");
        assertFalse(schemas.violations("asset", photo).isEmpty());

        Document doc = new Document("_id", new ObjectId()).append("type", "VIDEO").append("status", "INGESTED")
                .append("original", new Document("sha256", "not-a-hash"))
                .append("createdAt", new Date());
        DocumentSchemas.InvalidDocumentException e = assertThrows(DocumentSchemas.InvalidDocumentException.class,
                () -> schemas.validate("asset", doc));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        assertTrue(e.violations().size() > 3, e.violations().toString());
    }
}
