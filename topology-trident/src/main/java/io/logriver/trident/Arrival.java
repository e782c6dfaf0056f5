package io.logriver.trident;

import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.Session;

/**
 * A record of the request topic as the partition stage takes it: where it was read, the request (null for the
 * end-of-input control record), its session as the join found it (null: not in the table, a join miss), and the times
 * the latency figures start from.
 */
record Arrival(int partition, long offset, byte[] value, Request request, Session session, long emitNanos,
               long schedNanos, boolean control) {
}
