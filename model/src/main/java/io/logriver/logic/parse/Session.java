package io.logriver.logic.parse;

import java.io.Serializable;

/** One session record from the {@code sessions} topic. */
public record Session(String sessionID, String userID, String orgID) implements Serializable {

    /** The identity given to requests whose session never became known. */
    public static final String UNKNOWN = "unknown";

    public static Session unknown(String sessionID) {
        return new Session(sessionID, UNKNOWN, UNKNOWN);
    }
}
