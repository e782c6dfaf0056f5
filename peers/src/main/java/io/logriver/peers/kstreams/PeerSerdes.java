package io.logriver.peers.kstreams;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
import io.logriver.logic.window.DurationStats;
import io.logriver.peers.Measure;
import io.logriver.peers.OrgUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of the Kafka Streams peer: compact binary forms for what goes through its repartition topic and state
 * stores, and logriver's JSON for the session table (a global table's store holds its topic's bytes as they are).
 */
final class PeerSerdes {
    private static final JsonFactory JSON = new JsonFactory();

    private PeerSerdes() {
    }

    /** The key of the repartition topic and the window store: orgID's length, orgID, URL key, in UTF-8. */
    static Serde<OrgUrl> orgUrl() {
        return Serdes.serdeFrom((topic, k) -> {
            if (k == null) {
                return null;
            }
            byte[] org = k.orgID().getBytes(StandardCharsets.UTF_8);
            byte[] url = k.urlKey().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Integer.BYTES + org.length + url.length).putInt(org.length).put(org).put(url)
                    .array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            int orgLength = ByteBuffer.wrap(bytes).getInt();
            return new OrgUrl(new String(bytes, Integer.BYTES, orgLength, StandardCharsets.UTF_8),
                    new String(bytes, Integer.BYTES + orgLength, bytes.length - Integer.BYTES - orgLength,
                            StandardCharsets.UTF_8));
        });
    }

    /** The value of the repartition topic: 37 bytes. */
    static Serde<Measure> measure() {
        return Serdes.serdeFrom((topic, m) -> m == null ? null : ByteBuffer.allocate(37).putLong(m.durationMillis())
                .put((byte) (m.error() ? 1 : 0)).putInt(m.partition()).putLong(m.offset()).putLong(m.emitNanos())
                .putLong(m.schedNanos()).array(), (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer b = ByteBuffer.wrap(bytes);
                    return new Measure(b.getLong(), b.get() == 1, b.getInt(), b.getLong(), b.getLong(), b.getLong());
                });
    }

    /**
     * A session record, read with logriver's {@link SessionParser} at every lookup. An invalid record reads as null:
     * to the global table, a deletion of its key.
     */
    static Serde<Session> session() {
        return Serdes.serdeFrom((topic, s) -> s == null ? null : sessionJson(s), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ParseResult<Session> r = SessionParser.parse(bytes);
            return r.isOk() ? r.value() : null;
        });
    }

    private static byte[] sessionJson(Session s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sessionID", s.sessionID());
            g.writeStringField("userID", s.userID());
            g.writeStringField("orgID", s.orgID());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The window aggregate in its compact binary form: distinct durations and their counts. */
    static Serde<DurationStats> durationStats() {
        return Serdes.serdeFrom((topic, s) -> s == null ? null : s.toBytes(), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return DurationStats.fromBytes(bytes);
            } catch (IllegalArgumentException e) {
                throw new SerializationException("not a DurationStats: " + e.getMessage(), e);
            }
        });
    }
}
