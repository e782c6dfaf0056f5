package io.logriver.peers;

import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;

/** A request joined with its session: its window key (without the window) and what the aggregate takes from it. */
public record Hit(OrgUrl key, Measure measure) {

    /** The join: the session's orgID, or {@code unknown} when the session is not known (a join miss). */
    public static Hit of(Incoming in, Session session) {
        Request r = in.request();
        String org = session == null ? Session.UNKNOWN : session.orgID();
        return new Hit(new OrgUrl(org, r.urlKey()), new Measure(r.durationMillis(), r.isError(), in.partition(),
                in.offset(), in.emitNanos(), in.schedNanos()));
    }
}
