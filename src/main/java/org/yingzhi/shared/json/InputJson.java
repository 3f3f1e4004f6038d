package org.yingzhi.shared.json;

import java.text.Normalizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How JSON that people and programs send is read (every request body, tus metadata, sidecars): a key given twice
 * is an error, a number or boolean is never silently taken for text (nor text for a number), a missing number is
 * not 0, and every string is clean text — no control characters but tab and line breaks, no unpaired surrogates
 * (half of a character), at most {@link #MAX_TEXT} characters, and in Unicode NFC so that the same word is stored and searched the same way. What breaks
 * a rule is a 400 naming the field; nothing of it is stored.
 */
public final class InputJson {

    /** The longest single text any request may hold (a field's own limit is usually far lower). */
    public static final int MAX_TEXT = 100_000;

    private InputJson() {
    }

    /** The rules, on a mapper builder (Spring's, and {@link Json#STRICT}). */
    public static <B extends JsonMapper.Builder> B configure(B b) {
        b.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(new SimpleModule("clean-text").addDeserializer(String.class, new CleanText()));
        return b;
    }

    /** Why a text is refused, or null when it is clean. */
    public static String problem(String s) {
        if (s.length() > MAX_TEXT) {
            return "is longer than " + MAX_TEXT + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "holds a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "holds half of a character (an unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "holds half of a character (an unpaired surrogate)";
            }
        }
        return null;
    }

    /** Clean text in NFC; throws IllegalArgumentException naming what is wrong. */
    public static String clean(String s) {
        String why = problem(s);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static final class CleanText extends ValueDeserializer<String> {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getString();
            String why = problem(s);
            if (why != null) {
                throw InvalidFormatException.from(p, why, s, String.class);
            }
            return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        }
    }
}
