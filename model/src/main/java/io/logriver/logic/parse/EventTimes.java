package io.logriver.logic.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Event-time parsing: ISO-8601 text (fraction and offset optional, no offset meaning UTC) or epoch milliseconds. Times
 * before 1970 are invalid in every form: epoch milliseconds are written without a sign, and no web request is that old.
 */
public final class EventTimes {

    /** Returned when a value is not a valid time. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private EventTimes() {
    }

    /**
     * The epoch milliseconds of a {@code timestamp} or {@code startMillis} value as {@link FlatJson} read it:
     * a JSON integer, a digit string, or (when {@code isoAllowed}) ISO-8601 text. {@link #INVALID} otherwise.
     */
    public static long parse(Object value, boolean isoAllowed) {
        long millis = FlatJson.nonNegativeLong(value);
        if (millis >= 0) {
            return millis;
        }
        if (isoAllowed && value instanceof String s) {
            return parseIso(s);
        }
        return INVALID;
    }

    /**
     * {@link #parse(Object, boolean)} of the value the parser is on, without a String for the usual forms: digits, and
     * ISO-8601 text of the form {@code Instant.toString} writes for millisecond times ({@link #parseIso(char[], int,
     * int)}).
     */
    public static long parse(JsonParser p, JsonToken v, boolean isoAllowed) throws IOException {
        long millis = FlatJson.nonNegativeLong(p, v);
        if (millis >= 0) {
            return millis;
        }
        if (isoAllowed && v == JsonToken.VALUE_STRING) {
            return parseIso(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return INVALID;
    }

    /**
     * {@link #parseIso(String)} of {@code length} characters at {@code offset}. The form {@code Instant.toString} writes
     * for millisecond times, {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} with every field in range and a year from 1970, is read
     * here without allocating; any other text goes to the formatter, so the two always agree.
     */
    public static long parseIso(char[] chars, int offset, int length) {
        long fast = instantForm(chars, offset, length);
        return fast >= 0 ? fast : parseIso(new String(chars, offset, length));
    }

    /** The epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} from 1970 with every field in range; -1 otherwise. */
    static long instantForm(char[] c, int o, int length) {
        if ((length != 20 && length != 24) || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T'
                || c[o + 13] != ':' || c[o + 16] != ':' || c[o + length - 1] != 'Z'
                || (length == 24 && c[o + 19] != '.')) {
            return -1;
        }
        long year = FlatJson.digits(c, o, 4);
        long month = FlatJson.digits(c, o + 5, 2);
        long day = FlatJson.digits(c, o + 8, 2);
        long hour = FlatJson.digits(c, o + 11, 2);
        long minute = FlatJson.digits(c, o + 14, 2);
        long second = FlatJson.digits(c, o + 17, 2);
        long millis = length == 24 ? FlatJson.digits(c, o + 20, 3) : 0;
        if (year < 1970 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0
                || day > Month.of((int) month).length(Year.isLeap(year))) {
            return -1;
        }
        long days = epochDay(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1_000 + millis;
    }

    /** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (year 1970 or later). */
    static long epochDay(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = y / 400;
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** ISO-8601 date-time text to epoch milliseconds; {@link #INVALID} when it does not parse or lies before 1970. */
    public static long parseIso(String text) {
        try {
            TemporalAccessor t = ISO.parse(text);
            LocalDateTime local = LocalDateTime.from(t);
            ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            long millis = local.toInstant(offset).toEpochMilli();
            return millis < 0 ? INVALID : millis;
        } catch (DateTimeParseException | ArithmeticException e) {
            return INVALID;
        }
    }
}
