package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionParserTest {

    private static ParseResult<Session> parse(String json) {
        return SessionParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A valid session record with one field's member replaced (or removed when replacement is null). */
    private static String with(String field, String replacement) {
        String[][] members = {{"sessionID", "\"sessionID\":\"s-1\""}, {"userID", "\"userID\":\"u-9\""},
            {"orgID", "\"orgID\":\"org-7\""}};
        StringBuilder sb = new StringBuilder("{\"timestamp\":\"2017-06-03T18:43:35Z\"");
        for (String[] m : members) {
            String member = m[0].equals(field) ? replacement : m[1];
            if (member != null) {
                sb.append(',').append(member);
            }
        }
        return sb.append('}').toString();
    }

    private static void assertRejected(String reason, ParseResult<Session> r) {
        assertFalse(r.isOk(), () -> "expected " + reason + " but got " + r);
        assertEquals(reason, r.reason());
    }

    @Test
    void validSession() {
        ParseResult<Session> r = parse(with("none", null));
        assertTrue(r.isOk(), r::toString);
        assertEquals(new Session("s-1", "u-9", "org-7"), r.value());
    }

    @Test
    void timestampAndExtraFieldsAreOptionalAndIgnored() {
        ParseResult<Session> r = parse("{\"orgID\":\"o\",\"userID\":\"u\",\"sessionID\":\"s\",\"x\":[{\"y\":null}],"
                + "\"timestamp\":\"not a time\"}");
        assertTrue(r.isOk(), r::toString);
        assertEquals(new Session("s", "u", "o"), r.value());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sessionID", "userID", "orgID"})
    void missingField(String field) {
        assertRejected("missing-field:" + field, parse(with(field, null)));
        assertRejected("missing-field:" + field, parse(with(field, "\"" + field + "\":null")));
    }

    static Stream<Arguments> malformed() {
        return Stream.of("sessionID", "userID", "orgID").flatMap(f -> Stream.of(
                "\"\"", "7", "7.5", "-1", "true", "[]", "[\"a\"]", "{}").map(v -> Arguments.of(f, v)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void malformedField(String field, String value) {
        assertRejected("malformed-field:" + field, parse(with(field, "\"" + field + "\":" + value)));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("THIS IS A PARSE ERROR", "not-json"),
                Arguments.of("{\"sessionID\":\"s\",\"userID\":", "not-json"),
                Arguments.of("{\"sessionID\":\"s\"", "not-json"),
                Arguments.of(with("none", null) + "x", "not-json"),
                Arguments.of("[]", "not-object"),
                Arguments.of("\"str\"", "not-object"),
                Arguments.of("1", "not-object"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("broken")
    void brokenRecords(String input, String reason) {
        assertRejected(reason, parse(input));
    }

    @Test
    void limits() {
        assertRejected("not-json", SessionParser.parse(new byte[0]));
        String big = with("none", null).replace("}", ",\"pad\":\"" + "p".repeat(70 * 1024) + "\"}");
        assertRejected("too-large", parse(big));
        String deep = with("none", null).replace("}", ",\"n\":" + "[".repeat(32) + "]".repeat(32) + "}");
        assertRejected("too-deep", parse(deep));
        String ok = with("none", null).replace("}", ",\"n\":" + "[".repeat(31) + "]".repeat(31) + "}");
        assertTrue(parse(ok).isOk());
    }
}
