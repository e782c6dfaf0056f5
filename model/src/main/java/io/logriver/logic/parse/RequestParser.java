package io.logriver.logic.parse;

import java.util.Map;

/**
 * Validates one request record of the {@code weblogs} topic. Rejection reasons name the field:
 * {@code missing-field:NAME} or {@code malformed-field:NAME}, or the kind of damage ({@code not-json},
 * {@code not-object}, {@code too-large}, {@code too-deep}), or {@code future-time} for a record otherwise valid whose
 * event time is too far ahead of the wall clock ({@link FutureTimeRule}). The record is read in one streaming pass
 * ({@link RequestFields}), without a map of its fields.
 */
public final class RequestParser {

    public static final long MAX_DURATION_MS = 86_400_000L;
    /** One per thread, cleared for each record: a parse allocates no holder of its own. */
    private static final ThreadLocal<RequestFields> FIELDS = ThreadLocal.withInitial(RequestFields::new);

    private RequestParser() {
    }

    /** Parses without the wall-clock rule. */
    public static ParseResult<Request> parse(byte[] bytes) {
        return parse(bytes, FutureTimeRule.OFF);
    }

    /** Parses, then rejects a valid record whose event time {@code future} finds too far ahead. */
    public static ParseResult<Request> parse(byte[] bytes, FutureTimeRule future) {
        ParseResult<Request> r = parseRecord(bytes);
        return r.isOk() && future.tooFarAhead(r.value().eventTime()) ? ParseResult.rejected(FutureTimeRule.REASON) : r;
    }

    private static ParseResult<Request> parseRecord(byte[] bytes) {
        RequestFields f = FIELDS.get().clear();
        String damage = FlatJson.walk(bytes, f);
        if (damage != null) {
            return ParseResult.rejected(damage);
        }
        long eventTime;
        if (f.hasTimestamp) {
            eventTime = f.timestamp;
            if (eventTime == EventTimes.INVALID) {
                return malformed("timestamp");
            }
        } else if (f.hasStartMillis) {
            eventTime = f.startMillis;
            if (eventTime == EventTimes.INVALID) {
                return malformed("startMillis");
            }
        } else {
            return ParseResult.rejected("missing-field:timestamp");
        }
        if (f.webURL == null) {
            return missingOrMalformed(f.hasWebURL, "webURL");
        }
        if (f.sessionID == null) {
            return missingOrMalformed(f.hasSessionID, "sessionID");
        }
        if (f.duration < 0 || f.duration > MAX_DURATION_MS) {
            return missingOrMalformed(f.hasDuration, "durationMillis");
        }
        String level = f.hasLevel ? f.level : "INFO";
        if (level == null) {
            return malformed("level");
        }
        return ParseResult.ok(new Request(eventTime, f.webURL, f.sessionID, f.duration, level, f.status));
    }

    /**
     * An HTTP status (100 to 599) from a JSON integer or digit string, as {@link FlatJson#nonNegativeLong} read it;
     * anything else counts as absent.
     */
    static int status(long value) {
        return value >= 100 && value <= 599 ? (int) value : Request.NO_STATUS;
    }

    static <T> ParseResult<T> missingOrMalformed(Map<String, Object> fields, String name) {
        return missingOrMalformed(fields.containsKey(name), name);
    }

    static <T> ParseResult<T> missingOrMalformed(boolean present, String name) {
        return present ? malformed(name) : ParseResult.rejected("missing-field:" + name);
    }

    static <T> ParseResult<T> malformed(String name) {
        return ParseResult.rejected("malformed-field:" + name);
    }
}
