package io.logriver.logic;

import io.logriver.logic.parse.Session;
import java.util.HashMap;
import java.util.Map;

/**
 * The latest session record per sessionID, in topic order: an update older than the one held (same partition,
 * lower offset) is ignored, so replaying the topic from its beginning never moves a session back in time.
 */
public final class SessionTable {
    private record Entry(Session session, int partition, long offset) {
    }

    private final Map<String, Entry> sessions = new HashMap<>();

    /** Applies one session record read at (partition, offset); false when an equal or newer one was applied. */
    public boolean apply(Session session, int partition, long offset) {
        Entry held = sessions.get(session.sessionID());
        if (held != null && held.partition() == partition && held.offset() >= offset) {
            return false;
        }
        sessions.put(session.sessionID(), new Entry(session, partition, offset));
        return true;
    }

    /** The session, or null when it is not (yet) known. */
    public Session get(String sessionID) {
        Entry e = sessions.get(sessionID);
        return e == null ? null : e.session();
    }

    public int size() {
        return sessions.size();
    }
}
