package io.logriver.peers.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.peers.Incoming;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The Flink peer's source deserializer: parse, filter, control records. */
class RequestSchemaTest {
    private final RequestSchema schema = new RequestSchema(new FilterRules(List.of("DEBUG"), List.of("/static/")),
            FutureTimeRule.of(60_000));

    private List<Incoming> read(String value, String header, byte[] headerValue) {
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("weblogs", 3, 42, null,
                value.getBytes(StandardCharsets.UTF_8));
        if (header != null) {
            r.headers().add(header, headerValue);
        }
        List<Incoming> out = new ArrayList<>();
        schema.deserialize(r, new Collector<>() {
            @Override
            public void collect(Incoming in) {
                out.add(in);
            }

            @Override
            public void close() {
            }
        });
        return out;
    }

    @Test
    void aValidRequestCarriesWhereAndWhen() {
        byte[] due = ByteBuffer.allocate(8).putLong(123_456L).array();
        Incoming in = read("{\"timestamp\":5,\"webURL\":\"/a\",\"sessionID\":\"s\",\"durationMillis\":7}",
                "logriver-sched-nanos", due).get(0);
        assertTrue(in.isValid());
        assertEquals(5, in.request().eventTime());
        assertEquals(3, in.partition());
        assertEquals(42, in.offset());
        assertEquals(123_456L, in.schedNanos());
        assertTrue(in.emitNanos() > 0);
    }

    @Test
    void filteredRequestsAndControlRecordsEndAtTheSource() {
        assertEquals(List.of(), read("{\"timestamp\":5,\"webURL\":\"/static/x\",\"sessionID\":\"s\","
                + "\"durationMillis\":7}", null, null));
        assertEquals(List.of(), read("{\"timestamp\":5,\"webURL\":\"/a\",\"sessionID\":\"s\",\"durationMillis\":7,"
                + "\"level\":\"debug\"}", null, null));
        assertEquals(List.of(), read("", "logriver-control", "end-of-input".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void logriversRulesForTimesHoldBefore1970AndAheadOfTheClock() {
        assertEquals("malformed-field:timestamp", read("{\"timestamp\":\"1969-12-31T23:59:59Z\",\"webURL\":\"/a\","
                + "\"sessionID\":\"s\",\"durationMillis\":7}", null, null).get(0).invalidReason());
        long anHourAhead = System.currentTimeMillis() + 3_600_000;
        assertEquals("future-time", read("{\"timestamp\":" + anHourAhead + ",\"webURL\":\"/a\",\"sessionID\":\"s\","
                + "\"durationMillis\":7}", null, null).get(0).invalidReason());
    }

    @Test
    void anInvalidRecordGoesOnToBeDeadLettered() {
        Incoming in = read("[1,2]", null, null).get(0);
        assertFalse(in.isValid());
        assertEquals(-1, in.schedNanos());
        assertEquals("{\"reason\":\"not-object\",\"topic\":\"weblogs\",\"partition\":3,\"offset\":42,"
                + "\"payload\":\"[1,2]\"}", in.deadLetter("weblogs").toJson());
    }
}
