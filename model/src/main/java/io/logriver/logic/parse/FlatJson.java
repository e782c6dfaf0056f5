package io.logriver.logic.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A streaming read of the top level of one JSON object, enforcing the size and nesting limits: {@link #walk} hands each
 * top-level member to the caller as the parser reaches it ({@link RequestParser} reads a request that way, without a
 * map), {@link #read} keeps the scalar values of the wanted fields in a map. No tree is built.
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

    /** What {@link #walk} hands over: each top-level member of the object, in order. */
    public interface Members {
        /** A member whose value is a scalar: {@code p} is on it, {@code value} is its token. */
        void scalar(String name, JsonParser p, JsonToken value) throws IOException;

        /** A member whose value is an object or an array (already skipped, within the depth limit). */
        void container(String name);
    }

    /**
     * Reads the wanted top-level fields of {@code bytes}. Values are {@link String}, {@link Long} or {@link #OTHER};
     * JSON null and absent fields are left out. The last occurrence of a repeated field wins.
     */
    public static ParseResult<Map<String, Object>> read(byte[] bytes, Set<String> wanted) {
        Map<String, Object> fields = new HashMap<>();
        String reason = walk(bytes, new Members() {
            @Override
            public void scalar(String name, JsonParser p, JsonToken v) throws IOException {
                if (wanted.contains(name)) {
                    putScalar(fields, name, p, v);
                }
            }

            @Override
            public void container(String name) {
                if (wanted.contains(name)) {
                    fields.put(name, OTHER);
                }
            }
        });
        return reason == null ? ParseResult.ok(fields) : ParseResult.rejected(reason);
    }

    /**
     * Streams the top level of {@code bytes} into {@code members}, enforcing the size and nesting limits: null when the
     * bytes are one JSON object, otherwise why not ({@code not-json}, {@code not-object}, {@code too-large},
     * {@code too-deep}). {@code members} may have been handed some members before a rejection.
     */
    public static String walk(byte[] bytes, Members members) {
        if (bytes == null || bytes.length == 0) {
            return "not-json";
        }
        if (bytes.length > MAX_BYTES) {
            return "too-large";
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return "not-json"; // only whitespace
            }
            if (first != JsonToken.START_OBJECT) {
                return "not-object";
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    if (!skipNested(p)) {
                        return "too-deep";
                    }
                    members.container(name);
                } else {
                    members.scalar(name, p, v);
                }
            }
            return p.nextToken() != null ? "not-json" : null;
        } catch (IOException | RuntimeException e) {
            return "not-json";
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
        return value instanceof String s ? digits(s.toCharArray(), 0, s.length()) : -1;
    }

    /**
     * {@link #nonNegativeLong(Object)} of the value the parser is on, without building a String or a Long: a JSON
     * integer that fits a long, or a string of at most 18 ASCII digits; -1 for anything else.
     */
    public static long nonNegativeLong(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return -1;
            }
            long l = p.getLongValue();
            return l >= 0 ? l : -1;
        }
        if (v == JsonToken.VALUE_STRING) {
            return digits(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return -1;
    }

    /** The value of {@code length} ASCII digits (1 to 18) at {@code offset}; -1 when they are not that. */
    static long digits(char[] chars, int offset, int length) {
        if (length == 0 || length > 18) {
            return -1;
        }
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A non-empty string value, or null. */
    public static String nonEmptyString(Object value) {
        return value instanceof String s && !s.isEmpty() ? s : null;
    }
}
