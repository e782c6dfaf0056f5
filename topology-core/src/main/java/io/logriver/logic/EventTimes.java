package io.logriver.logic;

import java.time.LocalDateTime;
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
