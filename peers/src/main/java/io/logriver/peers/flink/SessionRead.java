package io.logriver.peers.flink;

import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.Session;

/** One record of the session topic as read: a valid session, or the dead letter of an invalid record. */
public record SessionRead(Session session, DeadLetter invalid) {
}
