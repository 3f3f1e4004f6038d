package org.yingzhi.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON conventions shared by storage and API: nulls left out, BSON ids and dates as plain strings. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** For input people write: a misspelt field is an error, not something silently dropped. */
    public static final tools.jackson.databind.ObjectReader STRICT = InputJson.configure(MAPPER.rebuild()).build().reader()
            .with(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Reads JSON into a type, failing with a message that names the field and says what is wrong, in plain words. */
    public static <T> T readStrict(String json, Class<T> type) {
        try {
            return STRICT.forType(type).readValue(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(describe(e));
        }
    }

    /** What is wrong with a JSON input, in plain words naming the field (the API's bodies and the stored sidecars). */
    public static String describe(tools.jackson.core.JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof tools.jackson.databind.exc.InvalidFormatException f && f.getTargetType() == String.class) {
            String field = f.getPath().isEmpty() ? null : f.getPath().get(f.getPath().size() - 1).getPropertyName();
            return (field == null ? "a text " : "field '" + field + "' ") + f.getOriginalMessage();
        }
        if (e instanceof tools.jackson.core.exc.StreamReadException r && r.getOriginalMessage() != null
                && r.getOriginalMessage().startsWith("Duplicate field")) {
            return "a field is given twice: " + r.getOriginalMessage().replace("Duplicate field ", "");
        }
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException m) {
            String field = m.getPath().isEmpty() ? null : m.getPath().get(m.getPath().size() - 1).getPropertyName();
            return field == null ? "the JSON has the wrong shape" : "field '" + field + "' has the wrong type";
        }
        if (e instanceof tools.jackson.databind.exc.ValueInstantiationException v && v.getCause() != null) {
            return String.valueOf(v.getCause().getMessage());
        }
        String m = e.getOriginalMessage();
        return "not valid JSON: " + (m == null ? "unreadable" : m.lines().findFirst().orElse(m));
    }

    /** A record as a map ready to go into a BSON document (null fields omitted). */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** A record as a BSON document, nested records and maps as nested documents (null fields omitted). */
    public static Document toDocument(Object value) {
        return (Document) bson(toMap(value));
    }

    private static Object bson(Object v) {
        if (v instanceof Map<?, ?> map) {
            Document d = new Document();
            map.forEach((k, x) -> d.put(String.valueOf(k), bson(x)));
            return d;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(bson(x)));
            return out;
        }
        return v;
    }

    /** A BSON value as plain JSON-able Java: ObjectId to hex, Date to ISO-8601 instant, nested documents as maps. */
    public static Object plain(Object v) {
        if (v instanceof Document d) {
            Map<String, Object> m = new LinkedHashMap<>();
            d.forEach((k, x) -> m.put(k, plain(x)));
            return m;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(String.valueOf(k), plain(x)));
            return m;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof ObjectId id) {
            return id.toHexString();
        }
        if (v instanceof Date date) {
            return date.toInstant().toString();
        }
        return v;
    }

    public static JsonNode tree(Object plain) {
        return MAPPER.valueToTree(plain);
    }
}
