package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The allocation-free reading of {@code Instant.toString}'s form always agrees with the formatter. */
class InstantFormTest {

    private static long fromChars(String s) {
        char[] padded = ("xx" + s + "yy").toCharArray(); // the text within a larger buffer, as the parser holds it
        return EventTimes.parseIso(padded, 2, s.length());
    }

    @Test
    void agreesWithTheFormatterOnRandomMillisecondTimes() {
        Random r = new Random(7);
        long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            long millis = i % 2 == 0 ? Math.floorMod(r.nextLong(), max + 1) : Math.floorMod(r.nextLong(), max + 1) / 1000 * 1000;
            String text = Instant.ofEpochMilli(millis).toString();
            assertEquals(millis, EventTimes.instantForm(text.toCharArray(), 0, text.length()), text);
            assertEquals(EventTimes.parseIso(text), fromChars(text), text);
        }
    }

    @Test
    void epochDayMatchesJavaTime() {
        for (LocalDate d = LocalDate.of(1970, 1, 1); d.getYear() < 2500; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), EventTimes.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
        }
    }

    @Test
    void agreesWithTheFormatterOnDamagedText() {
        Random r = new Random(11);
        String chars = "0123456789-:TZz.+ x";
        for (int i = 0; i < 200_000; i++) {
            char[] c = Instant.ofEpochMilli(Math.floorMod(r.nextLong(), 4_000_000_000_000L)).toString().toCharArray();
            for (int k = 1 + r.nextInt(2); k > 0; k--) {
                c[r.nextInt(c.length)] = chars.charAt(r.nextInt(chars.length()));
            }
            String text = new String(c);
            assertEquals(EventTimes.parseIso(text), fromChars(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-02-29T12:00:00Z", "2017-02-29T12:00:00Z", "2000-02-29T00:00:00.000Z",
        "1900-02-29T00:00:00Z", "2017-04-31T10:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00.000Z",
        "2017-06-03T24:00:00Z", "2017-06-03T23:60:00Z", "2017-06-03T23:59:60Z", "2017-06-03t18:43:35Z",
        "2017-06-03T18:43:35z", "2017-06-03T18:43:35.12Z", "2017-06-03T18:43:35.1234Z", "2017-06-03T18:43Z",
        "2017-06-03T18:43:35+00:00", "2017-06-03T18:43:35", "+2017-06-03T18:43:35Z", "2017-00-03T18:43:35Z",
        "2017-06-00T18:43:35Z", "2017-13-03T18:43:35Z", "2017-06-03T18:43:35.-12Z", "9999-12-31T23:59:59.999Z"})
    void edgeCasesAgree(String text) {
        assertEquals(EventTimes.parseIso(text), fromChars(text), text);
    }

    @Test
    void theUsualFormIsReadWithoutTheFormatter() {
        String text = "2017-06-03T18:43:35.123Z";
        assertTrue(EventTimes.instantForm(text.toCharArray(), 0, text.length()) > 0);
    }
}
