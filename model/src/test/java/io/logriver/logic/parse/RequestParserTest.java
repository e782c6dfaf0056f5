package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {

    /** 2017-06-03T18:43:35Z. */
    private static final long T = 1_496_515_415_000L;

    private static final String URL = "\"webURL\":\"/app/page/analyze?x=1\"";
    private static final String SID = "\"sessionID\":\"s-1\"";
    private static final String DUR = "\"durationMillis\":36";
    private static final String TS = "\"timestamp\":\"2017-06-03T18:43:35Z\"";

    private static ParseResult<Request> parse(String json) {
        return RequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A record with the three required non-time fields plus the given members. */
    private static String rec(String... members) {
        StringBuilder sb = new StringBuilder("{").append(URL).append(',').append(SID).append(',').append(DUR);
        for (String m : members) {
            sb.append(',').append(m);
        }
        return sb.append('}').toString();
    }

    /** A valid record with one field's member replaced (or removed when replacement is null). */
    private static String with(String field, String replacement) {
        String[][] members = {{"timestamp", TS}, {"webURL", URL}, {"sessionID", SID}, {"durationMillis", DUR}};
        StringBuilder sb = new StringBuilder("{");
        for (String[] m : members) {
            String member = m[0].equals(field) ? replacement : m[1];
            if (member != null) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(member);
            }
        }
        return sb.append('}').toString();
    }

    private static void assertRejected(String expectedReason, ParseResult<Request> r) {
        assertFalse(r.isOk(), () -> "expected rejection " + expectedReason + " but got " + r);
        assertEquals(expectedReason, r.reason());
    }

    @Test
    void validRecordKeepsEveryField() {
        ParseResult<Request> r = parse(rec(TS, "\"level\":\"WARN\"", "\"status\":404", "\"extra\":{\"a\":[1,2]}"));
        assertTrue(r.isOk(), r::toString);
        assertNull(r.reason());
        Request q = r.value();
        assertEquals(T, q.eventTime());
        assertEquals("/app/page/analyze?x=1", q.webURL());
        assertEquals("s-1", q.sessionID());
        assertEquals(36, q.durationMillis());
        assertEquals("WARN", q.level());
        assertEquals(404, q.status());
    }

    @Test
    void membersInAnyOrderAndSurroundingWhitespace() {
        ParseResult<Request> r = parse("\n  { \"durationMillis\" : 7 ,\t\"sessionID\":\"s\", \"webURL\":\"/x\", "
                + "\"startMillis\": 5 }  \r\n");
        assertTrue(r.isOk(), r::toString);
        assertEquals(5, r.value().eventTime());
        assertEquals(7, r.value().durationMillis());
    }

    @Test
    void nonAsciiUrlIsKeptAsIs() {
        ParseResult<Request> r = parse(rec(TS).replace("/app/page/analyze?x=1", "/caf\u00e9/\u20ac"));
        assertTrue(r.isOk(), r::toString);
        assertEquals("/caf\u00e9/\u20ac", r.value().webURL());
    }

    // ---- event time ----

    static Stream<Arguments> validTimestamps() {
        return Stream.of(
                Arguments.of("\"2017-06-03T18:43:35Z\"", T),
                Arguments.of("\"2017-06-03T18:43:35.123Z\"", T + 123),
                Arguments.of("\"2017-06-03T18:43:35.5Z\"", T + 500),
                Arguments.of("\"2017-06-03T18:43:35.123456789Z\"", T + 123),
                Arguments.of("\"2017-06-03T18:43:35\"", T),
                Arguments.of("\"2017-06-03T18:43:35.250\"", T + 250),
                Arguments.of("\"2017-06-03T20:43:35+02:00\"", T),
                Arguments.of("\"2017-06-03T13:43:35.250-05:00\"", T + 250),
                Arguments.of("\"2017-06-03T18:43:35+00:00\"", T),
                Arguments.of("\"2016-02-29T12:00:00Z\"", 1_456_747_200_000L),
                Arguments.of("1496515415000", T),
                Arguments.of("\"1496515415000\"", T),
                Arguments.of("0", 0L),
                Arguments.of("\"0\"", 0L),
                Arguments.of("\"20170603\"", 20_170_603L));
    }

    @ParameterizedTest(name = "timestamp {0}")
    @MethodSource("validTimestamps")
    void timestampForms(String value, long expected) {
        ParseResult<Request> r = parse(rec("\"timestamp\":" + value));
        assertTrue(r.isOk(), r::toString);
        assertEquals(expected, r.value().eventTime());
    }

    @ParameterizedTest(name = "startMillis {0}")
    @ValueSource(strings = {"1496515415000", "\"1496515415000\""})
    void startMillisWhenTimestampAbsent(String value) {
        ParseResult<Request> r = parse(rec("\"startMillis\":" + value));
        assertTrue(r.isOk(), r::toString);
        assertEquals(T, r.value().eventTime());
    }

    @Test
    void startMillisWhenTimestampIsNull() {
        ParseResult<Request> r = parse(rec("\"timestamp\":null", "\"startMillis\":\"1496515415000\""));
        assertTrue(r.isOk(), r::toString);
        assertEquals(T, r.value().eventTime());
    }

    @Test
    void timestampWinsOverStartMillis() {
        ParseResult<Request> r = parse(rec("\"startMillis\":1", TS));
        assertTrue(r.isOk(), r::toString);
        assertEquals(T, r.value().eventTime());
    }

    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {
        "\"yesterday\"", "\"\"", "\" \"", "\"2017-06-03\"", "\"2017-06-03 18:43:35\"", "\"2017-06-03T18:43:35 Z\"",
        "\"2017-13-01T00:00:00Z\"", "\"2017-06-32T00:00:00Z\"", "\"2017-06-03T25:00:00Z\"",
        "\"2017-06-03T18:60:00Z\"", "\"2017-06-03T18:43:35+25:00\"", "\"2017-06-03T18:43:35Zjunk\"",
        "\"03/06/2017 18:43\"", "\"1496515415000.0\"", "\"-1000\"", "\"+1000\"", "\"12345678901234567890\"",
        "1496515415000.0", "1.496515415E12", "12345678901234567890", "true", "false", "{}", "{\"t\":1}", "[]",
        "[1496515415000]"})
    void malformedTimestampIsRejectedWithoutFallback(String value) {
        // startMillis is valid: a present but malformed timestamp must not fall back to it
        ParseResult<Request> r = parse(rec("\"timestamp\":" + value, "\"startMillis\":1496515415000"));
        assertRejected("malformed-field:timestamp", r);
    }

    /** Calendar dates that do not exist are malformed, not moved to the last day of the month. */
    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {"2017-02-29T10:00:00Z", "2017-02-30T10:00:00Z", "2017-04-31T10:00:00Z",
        "2017-06-31T00:00:00"})
    void nonexistentCalendarDateIsMalformed(String value) {
        ParseResult<Request> r = parse(rec("\"timestamp\":\"" + value + "\"", "\"startMillis\":1496515415000"));
        assertRejected("malformed-field:timestamp", r);
    }

    /** Epoch milliseconds have no sign, so no form of the time may lie before 1970. */
    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {"\"1969-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"", "\"-5000-01-01T00:00:00Z\"",
        "\"-999999999-01-01T00:00:00Z\"", "-1", "-62135596800000"})
    void timeBeforeTheEpochIsMalformed(String value) {
        assertRejected("malformed-field:timestamp", parse(rec("\"timestamp\":" + value)));
    }

    // ---- the wall clock

    @Test
    void recordTooFarAheadOfTheWallClockIsFutureTimeOnceOtherwiseValid() {
        FutureTimeRule rule = new FutureTimeRule(300_000, () -> T - 300_000);
        assertTrue(RequestParser.parse(bytes(rec(TS)), rule).isOk());
        FutureTimeRule earlier = new FutureTimeRule(300_000, () -> T - 300_001);
        assertRejected("future-time", RequestParser.parse(bytes(rec(TS)), earlier));
        assertRejected("future-time", RequestParser.parse(bytes(rec("\"timestamp\":\"+99999999-01-01T00:00:00Z\"")),
                earlier));
        assertRejected("future-time", RequestParser.parse(bytes(rec("\"startMillis\":" + Long.MAX_VALUE)), earlier));
        // the record's own damage comes first
        assertRejected("missing-field:webURL", RequestParser.parse(bytes(with("webURL", null)), earlier));
        // off: any time goes
        assertTrue(RequestParser.parse(bytes(rec("\"startMillis\":" + Long.MAX_VALUE))).isOk());
        assertTrue(RequestParser.parse(bytes(rec(TS)), new FutureTimeRule(0, () -> 0L)).isOk());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void neitherTimestampNorStartMillis() {
        assertRejected("missing-field:timestamp", parse(rec()));
        assertRejected("missing-field:timestamp", parse(rec("\"timestamp\":null")));
        assertRejected("missing-field:timestamp", parse(rec("\"timestamp\":null", "\"startMillis\":null")));
        assertRejected("missing-field:timestamp", parse(rec("\"Timestamp\":1", "\"start_millis\":1")));
    }

    @ParameterizedTest(name = "startMillis {0}")
    @ValueSource(strings = {"\"2017-06-03T18:43:35Z\"", "\"abc\"", "\"\"", "-1", "1.5", "true", "[]", "{}"})
    void malformedStartMillisIsRejected(String value) {
        assertRejected("malformed-field:startMillis", parse(rec("\"startMillis\":" + value)));
    }

    // ---- durationMillis ----

    @ParameterizedTest(name = "durationMillis {0} -> {1}")
    @MethodSource("validDurations")
    void validDurations(String value, long expected) {
        ParseResult<Request> r = parse(with("durationMillis", "\"durationMillis\":" + value));
        assertTrue(r.isOk(), r::toString);
        assertEquals(expected, r.value().durationMillis());
    }

    static Stream<Arguments> validDurations() {
        return Stream.of(Arguments.of("0", 0L), Arguments.of("1", 1L), Arguments.of("86400000", 86_400_000L),
                Arguments.of("\"86400000\"", 86_400_000L), Arguments.of("\"120\"", 120L),
                Arguments.of("\"0\"", 0L), Arguments.of("\"007\"", 7L));
    }

    @ParameterizedTest(name = "durationMillis {0}")
    @ValueSource(strings = {"-1", "-86400000", "86400001", "\"86400001\"", "9223372036854775807",
        "99999999999999999999", "12.5", "12.0", "1e3", "\"12.0\"", "\"-5\"", "\"+5\"", "\" 5\"", "\"abc\"", "\"\"",
        "true", "[]", "[36]", "{}", "{\"ms\":36}"})
    void malformedDurations(String value) {
        assertRejected("malformed-field:durationMillis", parse(with("durationMillis", "\"durationMillis\":" + value)));
    }

    @Test
    void missingDuration() {
        assertRejected("missing-field:durationMillis", parse(with("durationMillis", null)));
        assertRejected("missing-field:durationMillis", parse(with("durationMillis", "\"durationMillis\":null")));
    }

    // ---- webURL and sessionID ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"webURL", "sessionID"})
    void missingStringField(String field) {
        assertRejected("missing-field:" + field, parse(with(field, null)));
        assertRejected("missing-field:" + field, parse(with(field, "\"" + field + "\":null")));
    }

    static Stream<Arguments> malformedStrings() {
        return Stream.of("webURL", "sessionID").flatMap(f -> Stream.of(
                "\"\"", "42", "0", "-1", "4.2", "true", "false", "[]", "[\"/a\"]", "{}", "{\"path\":\"/a\"}")
                .map(v -> Arguments.of(f, v)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedStrings")
    void malformedStringField(String field, String value) {
        assertRejected("malformed-field:" + field, parse(with(field, "\"" + field + "\":" + value)));
    }

    // ---- level and status ----

    @Test
    void levelDefaultsToInfo() {
        ParseResult<Request> absent = parse(rec(TS));
        assertTrue(absent.isOk(), absent::toString);
        assertEquals("INFO", absent.value().level());
        ParseResult<Request> nul = parse(rec(TS, "\"level\":null"));
        assertTrue(nul.isOk(), nul::toString);
        assertEquals("INFO", nul.value().level());
    }

    @ParameterizedTest(name = "level {0}")
    @ValueSource(strings = {"debug", "ERROR", "Error", "TRACE", "warn"})
    void levelIsKeptAsLogged(String level) {
        ParseResult<Request> r = parse(rec(TS, "\"level\":\"" + level + "\""));
        assertTrue(r.isOk(), r::toString);
        assertEquals(level, r.value().level());
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("200", 200), Arguments.of("\"404\"", 404), Arguments.of("100", 100),
                Arguments.of("599", 599), Arguments.of("\"599\"", 599), Arguments.of("500", 500),
                Arguments.of("99", Request.NO_STATUS), Arguments.of("600", Request.NO_STATUS),
                Arguments.of("0", Request.NO_STATUS), Arguments.of("-200", Request.NO_STATUS),
                Arguments.of("\"-200\"", Request.NO_STATUS), Arguments.of("200.0", Request.NO_STATUS),
                Arguments.of("\"200.0\"", Request.NO_STATUS), Arguments.of("\"OK\"", Request.NO_STATUS),
                Arguments.of("\"5xx\"", Request.NO_STATUS), Arguments.of("\"\"", Request.NO_STATUS),
                Arguments.of("true", Request.NO_STATUS), Arguments.of("[500]", Request.NO_STATUS),
                Arguments.of("{}", Request.NO_STATUS), Arguments.of("null", Request.NO_STATUS),
                Arguments.of("99999999999999999999", Request.NO_STATUS),
                Arguments.of("4294967496", Request.NO_STATUS));
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @MethodSource("statuses")
    void statusIsOptional(String value, int expected) {
        ParseResult<Request> r = parse(rec(TS, "\"status\":" + value));
        assertTrue(r.isOk(), r::toString);
        assertEquals(expected, r.value().status());
    }

    @Test
    void absentStatus() {
        ParseResult<Request> r = parse(rec(TS));
        assertTrue(r.isOk(), r::toString);
        assertEquals(Request.NO_STATUS, r.value().status());
    }

    // ---- broken records ----

    static Stream<Arguments> brokenRecords() {
        return Stream.of(
                Arguments.of("THIS IS A PARSE ERROR", "not-json"),
                Arguments.of("", "not-json"),
                Arguments.of("{", "not-json"),
                Arguments.of("}", "not-json"),
                Arguments.of("{\"timestamp\":", "not-json"),
                Arguments.of("{\"timestamp\":\"2017-06-03T18:43:35Z\",\"webURL\":\"/a\"", "not-json"),
                Arguments.of("{\"timestamp\":\"2017-06-03T18:43:35Z\",\"webURL\":\"/a", "not-json"),
                Arguments.of("{\"a\":[1,2,{\"b\":3}", "not-json"),
                Arguments.of("{'webURL':'/a'}", "not-json"),
                Arguments.of("{webURL:\"/a\"}", "not-json"),
                Arguments.of("{\"a\":1,}", "not-json"),
                Arguments.of("{\"a\" 1}", "not-json"),
                Arguments.of("{\"a\":01}", "not-json"),
                Arguments.of("{\"a\":NaN}", "not-json"),
                Arguments.of(rec(TS) + " trailing", "not-json"),
                Arguments.of(rec(TS) + "{}", "not-json"),
                Arguments.of(rec(TS) + "]", "not-json"),
                Arguments.of(rec(TS) + rec(TS), "not-json"),
                Arguments.of(rec(TS) + " 5", "not-json"),
                Arguments.of("[]", "not-object"),
                Arguments.of("[" + rec(TS) + "]", "not-object"),
                Arguments.of("\"str\"", "not-object"),
                Arguments.of("42", "not-object"),
                Arguments.of("4.2", "not-object"),
                Arguments.of("true", "not-object"),
                Arguments.of("null", "not-object"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("brokenRecords")
    void brokenRecordsAreRejected(String input, String reason) {
        assertRejected(reason, parse(input));
    }

    @Test
    void nullAndBlankInput() {
        assertRejected("not-json", RequestParser.parse(null));
        assertRejected("not-json", RequestParser.parse(new byte[0]));
        ParseResult<Request> blank = parse("   \n");
        assertFalse(blank.isOk());
        assertTrue(blank.reason().equals("not-json") || blank.reason().equals("not-object"), blank.reason());
    }

    @Test
    void invalidUtf8IsNotJson() {
        byte[] b = rec(TS).getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[b.length];
        System.arraycopy(b, 0, bad, 0, b.length);
        int i = rec(TS).indexOf("/app") + 1;
        bad[i] = (byte) 0xC3;
        bad[i + 1] = (byte) 0x28; // 0xC3 0x28 is not UTF-8
        assertRejected("not-json", RequestParser.parse(bad));
    }

    // ---- size and depth limits ----

    /** A valid record padded (in an ignored string field) to exactly {@code size} bytes. */
    static String paddedTo(int size) {
        String head = rec(TS, "\"pad\":\"");
        head = head.substring(0, head.length() - 1); // drop the closing brace
        int padding = size - head.length() - 2; // closing quote and brace
        return head + "x".repeat(padding) + "\"}";
    }

    @Test
    void exactly64KiBIsAccepted() {
        String s = paddedTo(65_536);
        assertEquals(65_536, s.getBytes(StandardCharsets.UTF_8).length);
        ParseResult<Request> r = parse(s);
        assertTrue(r.isOk(), r::toString);
        assertEquals(T, r.value().eventTime());
    }

    @Test
    void oneByteOver64KiBIsTooLarge() {
        String s = paddedTo(65_537);
        assertEquals(65_537, s.getBytes(StandardCharsets.UTF_8).length);
        assertRejected("too-large", parse(s));
    }

    @Test
    void seventyKiBRecordIsTooLarge() {
        assertRejected("too-large", parse(paddedTo(70 * 1024)));
        // the size is counted in bytes, not characters: 30,000 three-byte characters are ~88 KiB
        String multiByte = rec(TS, "\"pad\":\"" + "\u20ac".repeat(30_000) + "\"");
        assertTrue(multiByte.length() < 65_536);
        assertRejected("too-large", parse(multiByte));
        // even broken JSON of that size is rejected for its size
        assertRejected("too-large", parse("x".repeat(70 * 1024)));
    }

    /** {"nest":[[...]]} with the record at level 1, so levels - 1 arrays. */
    static String nestedArrays(int levels) {
        int arrays = levels - 1;
        return rec(TS, "\"nest\":" + "[".repeat(arrays) + "]".repeat(arrays));
    }

    /** {"nest":{"k":{"k":...{}}}} reaching {@code levels} levels. */
    static String nestedObjects(int levels) {
        StringBuilder sb = new StringBuilder("{}");
        for (int i = 2; i < levels; i++) {
            sb.insert(0, "{\"k\":").append('}');
        }
        return rec(TS, "\"nest\":" + sb);
    }

    @Test
    void thirtyTwoLevelsAreAccepted() {
        for (String s : new String[]{nestedArrays(32), nestedObjects(32)}) {
            ParseResult<Request> r = parse(s);
            assertTrue(r.isOk(), () -> r + " for " + s);
        }
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {33, 34, 100, 2000})
    void deeperThan32LevelsIsTooDeep(int levels) {
        assertRejected("too-deep", parse(nestedArrays(levels)));
        assertRejected("too-deep", parse(nestedObjects(levels)));
    }

    @Test
    void nestingInARequiredFieldCountsToo() {
        // 32 levels in webURL: within the limit, but webURL is not a string
        String ok = with("webURL", "\"webURL\":" + "[".repeat(31) + "]".repeat(31));
        assertRejected("malformed-field:webURL", parse(ok));
        String deep = with("webURL", "\"webURL\":" + "[".repeat(32) + "]".repeat(32));
        assertRejected("too-deep", parse(deep));
    }
}
