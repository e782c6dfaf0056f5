package io.logriver.logic.parse;

import java.io.Serializable;

/**
 * One valid web request record, reduced to the fields the pipeline uses.
 *
 * @param eventTime      event time in epoch milliseconds (UTC)
 * @param webURL         the requested URL as logged, query string included
 * @param sessionID      the session the request belongs to
 * @param durationMillis request duration, 0 to 86,400,000
 * @param level          log level as logged (INFO when absent)
 * @param status         HTTP status, or {@link #NO_STATUS} when absent or not a status
 */
public record Request(long eventTime, String webURL, String sessionID, long durationMillis, String level, int status)
        implements Serializable {

    public static final int NO_STATUS = -1;

    /** An error is a record at level ERROR (any case) or with an HTTP status of 500 or more. */
    public boolean isError() {
        return "ERROR".equalsIgnoreCase(level) || status >= 500;
    }

    /** The URL up to its first {@code ?}: the part windows are keyed by. */
    public String urlKey() {
        int q = webURL.indexOf('?');
        return q < 0 ? webURL : webURL.substring(0, q);
    }
}
