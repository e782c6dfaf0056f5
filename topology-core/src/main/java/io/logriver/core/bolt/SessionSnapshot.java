package io.logriver.core.bolt;

import io.logriver.logic.SessionTable;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions written before the topology starts, read into each join task's session table when the task starts,
 * the way a Kafka Streams global table is restored: the join starts with every session already written. A source of
 * the topology like its spouts: the production topology reads the session topic ({@link KafkaSessionSnapshot}), a
 * test hands records in memory ({@link #of}) and needs no broker.
 */
public interface SessionSnapshot extends Serializable {

    /** Applies every session record of the snapshot to {@code table}; returns how many it applied. */
    int load(SessionTable table);

    /** No session written yet: an empty table. */
    static SessionSnapshot none() {
        return of(List.of());
    }

    /** These session records, in order, as if partition 0 of the session topic held them from offset 0. */
    static SessionSnapshot of(List<byte[]> records) {
        List<byte[]> copy = new ArrayList<>(records);
        return table -> {
            int applied = 0;
            for (int i = 0; i < copy.size(); i++) {
                applied += apply(table, copy.get(i), 0, i) ? 1 : 0;
            }
            return applied;
        };
    }

    /** One session record, at its partition and offset; invalid records are skipped (the session spout dead-letters them). */
    static boolean apply(SessionTable table, byte[] record, int partition, long offset) {
        ParseResult<Session> s = SessionParser.parse(record);
        return s.isOk() && table.apply(s.value(), partition, offset);
    }
}
