package io.logriver.logic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The streaming request parser gives what the map-based one gave, on records damaged in every way: the reference
 * below is the parser as it was before it read records without a map ({@link FlatJson#read} and the same checks).
 */
class StreamingRequestParserTest {

    private static final Set<String> FIELDS =
            Set.of("timestamp", "startMillis", "webURL", "sessionID", "durationMillis", "level", "status");

    /** The parser as it was: a map of the wanted fields, then the checks in order. */
    static ParseResult<Request> reference(byte[] bytes) {
        ParseResult<Map<String, Object>> read = FlatJson.read(bytes, FIELDS);
        if (!read.isOk()) {
            return ParseResult.rejected(read.reason());
        }
        Map<String, Object> f = read.value();
        long eventTime;
        if (f.containsKey("timestamp")) {
            eventTime = EventTimes.parse(f.get("timestamp"), true);
            if (eventTime == EventTimes.INVALID) {
                return RequestParser.malformed("timestamp");
            }
        } else if (f.containsKey("startMillis")) {
            eventTime = EventTimes.parse(f.get("startMillis"), false);
            if (eventTime == EventTimes.INVALID) {
                return RequestParser.malformed("startMillis");
            }
        } else {
            return ParseResult.rejected("missing-field:timestamp");
        }
        String webURL = FlatJson.nonEmptyString(f.get("webURL"));
        if (webURL == null) {
            return RequestParser.missingOrMalformed(f, "webURL");
        }
        String sessionID = FlatJson.nonEmptyString(f.get("sessionID"));
        if (sessionID == null) {
            return RequestParser.missingOrMalformed(f, "sessionID");
        }
        long duration = FlatJson.nonNegativeLong(f.get("durationMillis"));
        if (duration < 0 || duration > RequestParser.MAX_DURATION_MS) {
            return RequestParser.missingOrMalformed(f, "durationMillis");
        }
        Object level = f.getOrDefault("level", "INFO");
        if (!(level instanceof String levelText)) {
            return RequestParser.malformed("level");
        }
        return ParseResult.ok(new Request(eventTime, webURL, sessionID, duration, levelText,
                RequestParser.status(FlatJson.nonNegativeLong(f.get("status")))));
    }

    private static final String[] NAMES = {"timestamp", "startMillis", "webURL", "sessionID", "durationMillis", "level",
        "status", "other"};
    private static final String[] VALUES = {"null", "true", "1.5", "-3", "0", "36", "86400000", "86400001", "404",
        "99999999999999999999", "\"\"", "\"/a?b\"", "\"36\"", "\"007\"", "\"-1\"", "\"INFO\"", "\"debug\"", "\"ERROR\"",
        "\"1496515415000\"", "1496515415000", "\"2017-06-03T18:43:35.123Z\"", "\"2017-06-03T18:43:35Z\"",
        "\"2017-02-29T18:43:35Z\"", "\"2017-06-03T18:43:35+02:00\"", "\"caf\\u00e9\"", "[]", "{\"a\":[1]}", "[\"x\"]"};

    @Test
    void agreesWithTheMapBasedParserOnRandomRecords() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder("{");
            for (int m = r.nextInt(10); m > 0; m--) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append('"').append(NAMES[r.nextInt(NAMES.length)]).append("\":")
                        .append(VALUES[r.nextInt(VALUES.length)]);
            }
            String json = sb.append('}').toString();
            if (r.nextInt(20) == 0) { // damage: cut it, or add to it
                json = r.nextBoolean() ? json.substring(0, r.nextInt(json.length())) : json + "x";
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertEquals(reference(bytes).toString(), RequestParser.parse(bytes).toString(), json);
        }
    }
}
