package io.logriver.peers;

import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowKey;
import io.logriver.logic.window.WindowResult;

/** What a window aggregates by, besides the window: the session's organisation and the URL up to its first '?'. */
public record OrgUrl(String orgID, String urlKey) {

    /** The final record of this key in the window starting at {@code windowStart}, as logriver writes it. */
    public WindowResult finalResult(long windowStart, long windowSizeMillis, DurationStats stats) {
        return new WindowResult(new WindowKey(windowStart, orgID, urlKey), windowSizeMillis, stats.summarize(), true);
    }
}
