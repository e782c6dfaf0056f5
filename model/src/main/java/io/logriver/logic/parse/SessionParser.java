package io.logriver.logic.parse;

import java.util.Map;
import java.util.Set;

/** Validates one record of the {@code sessions} topic: sessionID, userID and orgID are non-empty strings. */
public final class SessionParser {

    private static final Set<String> FIELDS = Set.of("sessionID", "userID", "orgID", "timestamp");

    private SessionParser() {
    }

    public static ParseResult<Session> parse(byte[] bytes) {
        ParseResult<Map<String, Object>> read = FlatJson.read(bytes, FIELDS);
        if (!read.isOk()) {
            return ParseResult.rejected(read.reason());
        }
        Map<String, Object> f = read.value();
        String[] ids = new String[3];
        String[] names = {"sessionID", "userID", "orgID"};
        for (int i = 0; i < names.length; i++) {
            ids[i] = FlatJson.nonEmptyString(f.get(names[i]));
            if (ids[i] == null) {
                return RequestParser.missingOrMalformed(f, names[i]);
            }
        }
        return ParseResult.ok(new Session(ids[0], ids[1], ids[2]));
    }
}
