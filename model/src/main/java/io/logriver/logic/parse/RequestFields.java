package io.logriver.logic.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fields of a request record as {@link FlatJson#walk} hands them over, each already reduced to what
 * {@link RequestParser} checks: whether it is present (JSON null counts as absent, the last occurrence wins) and its
 * value, or the mark that it is malformed. No map, no boxed numbers, and no String for times and numbers in their usual
 * forms.
 */
final class RequestFields implements FlatJson.Members {
    /** The levels most records carry: one String each, shared instead of a new one per record. */
    private static final String[] LEVELS = {"INFO", "DEBUG", "ERROR", "WARN", "TRACE"};

    boolean hasTimestamp;
    long timestamp;
    boolean hasStartMillis;
    long startMillis;
    boolean hasWebURL;
    /** The webURL when it is a non-empty string, else null. */
    String webURL;
    boolean hasSessionID;
    String sessionID;
    boolean hasDuration;
    /** The duration when it is a non-negative integer or digit string, else -1. */
    long duration = -1;
    boolean hasLevel;
    /** The level when it is a string, else null (malformed). */
    String level;
    int status = Request.NO_STATUS;

    /** Back to a record with none of the fields. */
    RequestFields clear() {
        hasTimestamp = false;
        hasStartMillis = false;
        hasWebURL = false;
        webURL = null;
        hasSessionID = false;
        sessionID = null;
        hasDuration = false;
        duration = -1;
        hasLevel = false;
        level = null;
        status = Request.NO_STATUS;
        return this;
    }

    @Override
    public void scalar(String name, JsonParser p, JsonToken v) throws IOException {
        boolean present = v != JsonToken.VALUE_NULL;
        switch (name) {
            case "timestamp" -> {
                hasTimestamp = present;
                timestamp = present ? EventTimes.parse(p, v, true) : EventTimes.INVALID;
            }
            case "startMillis" -> {
                hasStartMillis = present;
                startMillis = present ? EventTimes.parse(p, v, false) : EventTimes.INVALID;
            }
            case "webURL" -> {
                hasWebURL = present;
                webURL = nonEmptyString(p, v);
            }
            case "sessionID" -> {
                hasSessionID = present;
                sessionID = nonEmptyString(p, v);
            }
            case "durationMillis" -> {
                hasDuration = present;
                duration = FlatJson.nonNegativeLong(p, v);
            }
            case "level" -> {
                hasLevel = present;
                level = v == JsonToken.VALUE_STRING ? level(p) : null;
            }
            case "status" -> status = RequestParser.status(FlatJson.nonNegativeLong(p, v));
            default -> {
                // not a field of a request
            }
        }
    }

    @Override
    public void container(String name) {
        switch (name) {
            case "timestamp" -> {
                hasTimestamp = true;
                timestamp = EventTimes.INVALID;
            }
            case "startMillis" -> {
                hasStartMillis = true;
                startMillis = EventTimes.INVALID;
            }
            case "webURL" -> {
                hasWebURL = true;
                webURL = null;
            }
            case "sessionID" -> {
                hasSessionID = true;
                sessionID = null;
            }
            case "durationMillis" -> {
                hasDuration = true;
                duration = -1;
            }
            case "level" -> {
                hasLevel = true;
                level = null;
            }
            case "status" -> status = Request.NO_STATUS;
            default -> {
                // not a field of a request
            }
        }
    }

    private static String nonEmptyString(JsonParser p, JsonToken v) throws IOException {
        return v == JsonToken.VALUE_STRING && p.getTextLength() > 0 ? p.getText() : null;
    }

    private static String level(JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (String known : LEVELS) {
            if (same(known, c, offset, length)) {
                return known;
            }
        }
        return new String(c, offset, length);
    }

    private static boolean same(String s, char[] c, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != c[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
