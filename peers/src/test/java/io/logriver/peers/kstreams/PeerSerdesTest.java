package io.logriver.peers.kstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.peers.Measure;
import io.logriver.peers.OrgUrl;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The Kafka Streams peer's serdes read back what they write. */
class PeerSerdesTest {

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void keysAndMeasures() {
        OrgUrl key = new OrgUrl("org-ü|1", "/app/ä?");
        assertEquals(key, roundTrip(PeerSerdes.orgUrl(), key));
        assertEquals(new OrgUrl("", "/x"), roundTrip(PeerSerdes.orgUrl(), new OrgUrl("", "/x")));
        Measure m = new Measure(86_400_000L, true, 7, Long.MAX_VALUE, 123L, -1L);
        assertEquals(m, roundTrip(PeerSerdes.measure(), m));
    }

    @Test
    void sessionsAreReadWithLogriversParserAndInvalidOnesReadAsNone() {
        Session s = new Session("s\"1", "u", "org");
        assertEquals(s, roundTrip(PeerSerdes.session(), s));
        assertNull(PeerSerdes.session().deserializer().deserialize("t",
                "{\"sessionID\":\"s\",\"userID\":\"u\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aggregates() {
        DurationStats d = new DurationStats();
        d.add(5, false);
        d.add(7, true);
        assertEquals(d.summarize(), roundTrip(PeerSerdes.durationStats(), d).summarize());
    }
}
