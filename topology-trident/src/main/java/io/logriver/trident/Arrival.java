package io.logriver.trident;

import io.logriver.logic.Pending;
import io.logriver.logic.parse.Session;

/**
 * A record of the request topic as the partition stage takes it: the request with where it was read and its times, as
 * both topologies' partition stage takes it (the request is null for the end-of-input control record), the record's
 * bytes (for a late record's dead letter), and its session as the join found it (null: not in the table, a join miss).
 */
record Arrival(Pending read, byte[] value, Session session, boolean control) {
    int partition() {
        return read.partition();
    }

    long offset() {
        return read.offset();
    }
}
