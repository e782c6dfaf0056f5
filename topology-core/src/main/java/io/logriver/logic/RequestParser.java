package io.logriver.logic;

import java.util.Map;
import java.util.Set;

/**
 * Validates one request record of the {@code weblogs} topic. Rejection reasons name the field:
 * {@code missing-field:NAME} or {@code malformed-field:NAME}, or the kind of damage ({@code not-json},
 * {@code not-object}, {@code too-large}, {@code too-deep}), or {@code future-time} for a record otherwise valid whose
 * event time is too far ahead of the wall clock ({@link FutureTimeRule}).
 */
public final class RequestParser {

    public static final long MAX_DURATION_MS = 86_400_000L;

    private static final Set<String> FIELDS =
            Set.of("timestamp", "startMillis", "webURL", "sessionID", "durationMillis", "level", "status");

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
        ParseResult<Map<String, Object>> read = FlatJson.read(bytes, FIELDS);
        if (!read.isOk()) {
            return ParseResult.rejected(read.reason());
        }
        Map<String, Object> f = read.value();
        long eventTime;
        if (f.containsKey("timestamp")) {
            eventTime = EventTimes.parse(f.get("timestamp"), true);
            if (eventTime == EventTimes.INVALID) {
                return malformed("timestamp");
            }
        } else if (f.containsKey("startMillis")) {
            eventTime = EventTimes.parse(f.get("startMillis"), false);
            if (eventTime == EventTimes.INVALID) {
                return malformed("startMillis");
            }
        } else {
            return ParseResult.rejected("missing-field:timestamp");
        }
        String webURL = FlatJson.nonEmptyString(f.get("webURL"));
        if (webURL == null) {
            return missingOrMalformed(f, "webURL");
        }
        String sessionID = FlatJson.nonEmptyString(f.get("sessionID"));
        if (sessionID == null) {
            return missingOrMalformed(f, "sessionID");
        }
        long duration = FlatJson.nonNegativeLong(f.get("durationMillis"));
        if (duration < 0 || duration > MAX_DURATION_MS) {
            return missingOrMalformed(f, "durationMillis");
        }
        Object level = f.getOrDefault("level", "INFO");
        if (!(level instanceof String levelText)) {
            return malformed("level");
        }
        return ParseResult.ok(new Request(eventTime, webURL, sessionID, duration, levelText, status(f.get("status"))));
    }

    /** An HTTP status (100 to 599) from a JSON integer or digit string; anything else counts as absent. */
    static int status(Object value) {
        long s = FlatJson.nonNegativeLong(value);
        return s >= 100 && s <= 599 ? (int) s : Request.NO_STATUS;
    }

    static <T> ParseResult<T> missingOrMalformed(Map<String, Object> fields, String name) {
        return fields.containsKey(name) ? malformed(name) : ParseResult.rejected("missing-field:" + name);
    }

    static <T> ParseResult<T> malformed(String name) {
        return ParseResult.rejected("malformed-field:" + name);
    }
}
