package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {

    /** 2017-06-03T18:43:35Z. */
    private static final long T = 1_496_515_415_000L;

    static Stream<Arguments> isoTexts() {
        return Stream.of(
                Arguments.of("2017-06-03T18:43:35Z", T),
                Arguments.of("2017-06-03T18:43:35.001Z", T + 1),
                Arguments.of("2017-06-03T18:43:35.1Z", T + 100),
                Arguments.of("2017-06-03T18:43:35.999999Z", T + 999),
                Arguments.of("2017-06-03T18:43:35", T),
                Arguments.of("2017-06-03T18:43:35.042", T + 42),
                Arguments.of("2017-06-04T00:13:35+05:30", T),
                Arguments.of("2017-06-03T08:43:35-10:00", T),
                Arguments.of("2017-06-03T18:43:35-00:00", T),
                Arguments.of("1970-01-01T00:00:00Z", 0L),
                Arguments.of("1970-01-01T00:00:00.001", 1L),
                Arguments.of("2000-01-01T00:00:00Z", 946_684_800_000L),
                Arguments.of("2016-02-29T12:00:00Z", 1_456_747_200_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("isoTexts")
    void isoText(String text, long expected) {
        assertEquals(expected, EventTimes.parseIso(text));
        assertEquals(expected, EventTimes.parse(text, true));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "now", "2017-06-03", "18:43:35", "2017-06-03 18:43:35", "2017-06-03T18:43:35 ",
        " 2017-06-03T18:43:35", "2017-06-03T18:43:35ZZ", "2017-00-03T18:43:35Z", "2017-06-00T18:43:35Z",
        "2017-06-32T18:43:35Z", "2017-06-03T24:01:00Z", "2017-06-03T18:61:00Z", "2017-06-03T18:43:35+24:00",
        "2017-06-03T18:43:35UTC", "2017/06/03T18:43:35Z", "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z"})
    void notIsoText(String text) {
        assertEquals(EventTimes.INVALID, EventTimes.parseIso(text));
        assertEquals(EventTimes.INVALID, EventTimes.parse(text, true));
    }

    /** Before 1970 (negative epoch milliseconds) is invalid, as it is for epoch milliseconds written as digits. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1969-12-31T23:59:59.999Z", "1970-01-01T00:59:59+01:00", "1900-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
    void beforeTheEpoch(String text) {
        assertEquals(EventTimes.INVALID, EventTimes.parseIso(text));
    }

    @Test
    void farFutureThatFitsALongIsATime() {
        assertEquals(3_155_633_001_244_800_000L, EventTimes.parseIso("+99999999-01-01T00:00:00Z"));
    }

    /** Dates that do not exist must be invalid, not clamped to the month's last day. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2017-02-29T10:00:00Z", "2017-02-30T10:00:00Z", "2017-04-31T10:00:00Z",
        "2017-11-31T00:00:00"})
    void nonexistentDates(String text) {
        assertEquals(EventTimes.INVALID, EventTimes.parseIso(text));
    }

    @Test
    void epochMillis() {
        assertEquals(T, EventTimes.parse(T, true));
        assertEquals(T, EventTimes.parse(T, false));
        assertEquals(T, EventTimes.parse("1496515415000", true));
        assertEquals(T, EventTimes.parse("1496515415000", false));
        assertEquals(0L, EventTimes.parse(0L, false));
        assertEquals(0L, EventTimes.parse("0", false));
    }

    @Test
    void isoOnlyWhenAllowed() {
        assertEquals(EventTimes.INVALID, EventTimes.parse("2017-06-03T18:43:35Z", false));
        assertEquals(T, EventTimes.parse("2017-06-03T18:43:35Z", true));
    }

    @Test
    void otherValuesAreInvalid() {
        for (Object v : new Object[]{FlatJson.OTHER, null, "abc", "1.5", "-1", -1L, "12345678901234567890"}) {
            assertEquals(EventTimes.INVALID, EventTimes.parse(v, true), String.valueOf(v));
            assertEquals(EventTimes.INVALID, EventTimes.parse(v, false), String.valueOf(v));
        }
    }
}
