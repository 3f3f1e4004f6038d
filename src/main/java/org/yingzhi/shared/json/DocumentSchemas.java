package org.yingzhi.shared.json;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Validates documents against {@code media-schema/<name>.schema.json} before they are written. The embedded
 * server ignores {@code $jsonSchema} validators, so the application is where the schema is enforced.
 */
@Component
public class DocumentSchemas {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** Throws {@link InvalidDocumentException} listing every violation. */
    public void validate(String name, Document doc) {
        List<Error> errors = schema(name).validate(Json.tree(Json.plain(doc)));
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException(name, errors.stream().map(Error::toString).toList());
        }
    }

    /** Violations of a plain JSON value, for tests and tools. */
    public List<String> violations(String name, Object plainJson) {
        return schema(name).validate(Json.tree(plainJson)).stream().map(Error::toString).toList();
    }

    private Schema schema(String name) {
        return schemas.computeIfAbsent(name, n -> {
            String path = "/media-schema/" + n + ".schema.json";
            try (InputStream in = DocumentSchemas.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("schema " + path + " missing from the classpath");
                }
                return registry.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A document that does not match its schema; nothing was written. */
    public static class InvalidDocumentException extends RuntimeException {
        private final List<String> violations;

        public InvalidDocumentException(String name, List<String> violations) {
            super(name + " document does not match media-schema/" + name + ".schema.json: " + String.join("; ", violations));
            this.violations = violations;
        }

        public List<String> violations() {
            return violations;
        }
    }
}
