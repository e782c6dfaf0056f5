package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {

    private static final Set<String> WANTED = Set.of("a", "b", "c");

    private static ParseResult<Map<String, Object>> read(String json) {
        return FlatJson.read(json.getBytes(StandardCharsets.UTF_8), WANTED);
    }

    private static Map<String, Object> ok(String json) {
        ParseResult<Map<String, Object>> r = read(json);
        assertTrue(r.isOk(), () -> json + " -> " + r);
        return r.value();
    }

    @Test
    void keepsOnlyWantedScalars() {
        Map<String, Object> m = ok("{\"a\":\"x\",\"b\":42,\"z\":\"ignored\",\"c\":-7}");
        assertEquals(Map.of("a", "x", "b", 42L, "c", -7L), m);
    }

    @Test
    void valueTypes() {
        Map<String, Object> m = ok("{\"a\":1.5,\"b\":true,\"c\":9223372036854775807}");
        assertSame(FlatJson.OTHER, m.get("a"));
        assertSame(FlatJson.OTHER, m.get("b"));
        assertEquals(Long.MAX_VALUE, m.get("c"));
        assertSame(FlatJson.OTHER, ok("{\"a\":9223372036854775808}").get("a"));
        assertSame(FlatJson.OTHER, ok("{\"a\":1e3}").get("a"));
        assertSame(FlatJson.OTHER, ok("{\"a\":false}").get("a"));
        assertSame(FlatJson.OTHER, ok("{\"a\":[1]}").get("a"));
        assertSame(FlatJson.OTHER, ok("{\"a\":{\"b\":1}}").get("a"));
        assertEquals("", ok("{\"a\":\"\"}").get("a"));
        assertEquals("\u00e9\"\n", ok("{\"a\":\"\\u00e9\\\"\\n\"}").get("a"));
    }

    @Test
    void nullAndAbsentAreLeftOut() {
        Map<String, Object> m = ok("{\"a\":null,\"b\":1}");
        assertFalse(m.containsKey("a"));
        assertFalse(m.containsKey("c"));
        assertEquals(1, m.size());
        assertTrue(ok("{}").isEmpty());
    }

    @Test
    void nestedFieldsWithWantedNamesAreNotTopLevel() {
        Map<String, Object> m = ok("{\"z\":{\"a\":\"inner\",\"b\":[{\"c\":1}]},\"b\":2}");
        assertEquals(Map.of("b", 2L), m);
    }

    @Test
    void lastOccurrenceWins() {
        assertEquals("second", ok("{\"a\":\"first\",\"a\":\"second\"}").get("a"));
        assertFalse(ok("{\"a\":\"first\",\"a\":null}").containsKey("a"));
        assertEquals(5L, ok("{\"a\":[1],\"a\":5}").get("a"));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("THIS IS A PARSE ERROR", "not-json"),
                Arguments.of("   ", "not-json"),
                Arguments.of(" \t\r ", "not-json"),
                Arguments.of("\u0000", "not-json"),
                Arguments.of("{\"a\":" + "9".repeat(2000) + "}", "not-json"),
                Arguments.of("{\"a\":", "not-json"),
                Arguments.of("{\"a\":1", "not-json"),
                Arguments.of("{\"a\":[1,2", "not-json"),
                Arguments.of("{\"a\":1}x", "not-json"),
                Arguments.of("{\"a\":1}{}", "not-json"),
                Arguments.of("{\"a\":1}}", "not-json"),
                Arguments.of("[]", "not-object"),
                Arguments.of("[{\"a\":1}]", "not-object"),
                Arguments.of("\"str\"", "not-object"),
                Arguments.of("12", "not-object"),
                Arguments.of("null", "not-object"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rejected")
    void rejectedInputs(String input, String reason) {
        ParseResult<Map<String, Object>> r = read(input);
        assertFalse(r.isOk(), r::toString);
        assertEquals(reason, r.reason());
    }

    @Test
    void sizeLimitIsInclusive() {
        assertEquals(65_536, FlatJson.MAX_BYTES);
        String head = "{\"a\":\"";
        String exact = head + "x".repeat(65_536 - head.length() - 2) + "\"}";
        assertEquals(65_536, exact.length());
        assertEquals(65_536 - 8, ((String) ok(exact).get("a")).length());
        ParseResult<Map<String, Object>> over = read(exact.replace("\"}", "x\"}"));
        assertEquals("too-large", over.reason());
    }

    @Test
    void depthLimit() {
        assertEquals(32, FlatJson.MAX_DEPTH);
        // {"z": 31 arrays} is 32 levels; one more is 33
        assertTrue(read("{\"z\":" + "[".repeat(31) + "]".repeat(31) + "}").isOk());
        assertEquals("too-deep", read("{\"z\":" + "[".repeat(32) + "]".repeat(32) + "}").reason());
        // depth is per path, not a total: many sibling containers at level 32 are fine
        String level32 = "[".repeat(30) + "]".repeat(30);
        String wide = "{\"z\":[" + (level32 + ",").repeat(50) + level32 + "]}";
        assertTrue(read(wide).isOk());
        // objects and arrays mixed
        assertTrue(read("{\"z\":" + mixed(31) + "}").isOk());
        assertEquals("too-deep", read("{\"z\":" + mixed(32) + "}").reason());
    }

    /** {@code containers} nested containers, alternating arrays and objects, around the number 1. */
    private static String mixed(int containers) {
        StringBuilder sb = new StringBuilder("1");
        for (int i = 0; i < containers; i++) {
            boolean array = i % 2 == 0;
            sb.insert(0, array ? "[" : "{\"k\":").append(array ? "]" : "}");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("nonNegativeLongs")
    void nonNegativeLong(Object value, long expected) {
        assertEquals(expected, FlatJson.nonNegativeLong(value));
    }

    static Stream<Arguments> nonNegativeLongs() {
        return Stream.of(
                Arguments.of(0L, 0L), Arguments.of(5L, 5L), Arguments.of(Long.MAX_VALUE, Long.MAX_VALUE),
                Arguments.of(-1L, -1L), Arguments.of(Long.MIN_VALUE, -1L),
                Arguments.of("0", 0L), Arguments.of("00042", 42L), Arguments.of("999999999999999999", 999_999_999_999_999_999L),
                Arguments.of("9999999999999999999", -1L), Arguments.of("", -1L), Arguments.of("-1", -1L),
                Arguments.of("+1", -1L), Arguments.of(" 1", -1L), Arguments.of("1 ", -1L), Arguments.of("1.0", -1L),
                Arguments.of("1e3", -1L), Arguments.of("0x10", -1L), Arguments.of("\u0661\u0662", -1L),
                Arguments.of(FlatJson.OTHER, -1L));
    }

    @Test
    void nonNegativeLongOfNull() {
        assertEquals(-1, FlatJson.nonNegativeLong(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " ", "/x?y"})
    void nonEmptyString(String s) {
        assertEquals(s, FlatJson.nonEmptyString(s));
    }

    @Test
    void nonEmptyStringRejects() {
        assertNull(FlatJson.nonEmptyString(""));
        assertNull(FlatJson.nonEmptyString(null));
        assertNull(FlatJson.nonEmptyString(5L));
        assertNull(FlatJson.nonEmptyString(FlatJson.OTHER));
    }
}
