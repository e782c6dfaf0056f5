package io.logriver.logic.window;

import java.io.Serializable;
import java.util.Comparator;

/** A window and the (orgID, URL key) it aggregates; ordered by windowStart, orgID, webURL. */
public record WindowKey(long windowStart, String orgID, String webURL) implements Comparable<WindowKey>, Serializable {

    private static final Comparator<WindowKey> ORDER = Comparator.comparingLong(WindowKey::windowStart)
            .thenComparing(WindowKey::orgID).thenComparing(WindowKey::webURL);

    @Override
    public int compareTo(WindowKey o) {
        return ORDER.compare(this, o);
    }
}
