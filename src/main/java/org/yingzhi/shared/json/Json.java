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

    private Json() {
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
