package io.logriver.logic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A streaming read of the top level of one JSON object: it keeps the scalar values of the wanted fields and
 * skips everything else, enforcing the size and nesting limits. No tree is built.
 */
public final class FlatJson {

    /** Records above this many bytes are rejected. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Nesting deeper than this (the record itself is level 1) is rejected. */
    public static final int MAX_DEPTH = 32;
    /** Stands for a value present but neither a string nor an integer that fits a long. */
    public static final Object OTHER = new Object() {
        @Override
        public String toString() {
            return "OTHER";
        }
    };

    private static final JsonFactory FACTORY = new JsonFactory();

    private FlatJson() {
    }

    /**
     * Reads the wanted top-level fields of {@code bytes}. Values are {@link String}, {@link Long} or {@link #OTHER};
     * JSON null and absent fields are left out. The last occurrence of a repeated field wins.
     */
    public static ParseResult<Map<String, Object>> read(byte[] bytes, Set<String> wanted) {
        if (bytes == null || bytes.length == 0) {
            return ParseResult.rejected("not-json");
        }
        if (bytes.length > MAX_BYTES) {
            return ParseResult.rejected("too-large");
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return ParseResult.rejected("not-json"); // only whitespace
            }
            if (first != JsonToken.START_OBJECT) {
                return ParseResult.rejected("not-object");
            }
            Map<String, Object> fields = new HashMap<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    if (!skipNested(p)) {
                        return ParseResult.rejected("too-deep");
                    }
                    if (wanted.contains(name)) {
                        fields.put(name, OTHER);
                    }
                } else if (wanted.contains(name)) {
                    putScalar(fields, name, p, v);
                }
            }
            if (p.nextToken() != null) {
                return ParseResult.rejected("not-json");
            }
            return ParseResult.ok(fields);
        } catch (IOException | RuntimeException e) {
            return ParseResult.rejected("not-json");
        }
    }

    /** Skips the container just opened (at depth 2); false when it nests deeper than {@link #MAX_DEPTH}. */
    private static boolean skipNested(JsonParser p) throws IOException {
        int depth = 2;
        if (depth > MAX_DEPTH) {
            return false;
        }
        while (depth > 1) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("unexpected end of input");
            }
            if (t.isStructStart()) {
                if (++depth > MAX_DEPTH) {
                    return false;
                }
            } else if (t.isStructEnd()) {
                depth--;
            }
        }
        return true;
    }

    private static void putScalar(Map<String, Object> fields, String name, JsonParser p, JsonToken v)
            throws IOException {
        switch (v) {
            case VALUE_NULL -> fields.remove(name);
            case VALUE_STRING -> fields.put(name, p.getText());
            case VALUE_NUMBER_INT -> fields.put(name,
                    p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? OTHER : (Object) p.getLongValue());
            default -> fields.put(name, OTHER);
        }
    }

    /** A non-negative integer from a JSON integer or a string of ASCII digits; -1 when it is neither. */
    public static long nonNegativeLong(Object value) {
        if (value instanceof Long l) {
            return l >= 0 ? l : -1;
        }
        if (value instanceof String s && !s.isEmpty() && s.length() <= 18) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
            }
            return Long.parseLong(s);
        }
        return -1;
    }

    /** A non-empty string value, or null. */
    public static String nonEmptyString(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }
}
