package io.logriver.logic.window;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;

/** One output record of {@code weblog-stats}. */
public record WindowResult(WindowKey key, long windowSizeMillis, DurationStats.Summary stats, boolean isFinal)
        implements Serializable {

    private static final JsonFactory JSON = new JsonFactory();

    /** The record as one line of JSON, fields in the documented order, times as {@link Instant} prints them. */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("windowStart", Instant.ofEpochMilli(key.windowStart()).toString());
            g.writeStringField("windowEnd", Instant.ofEpochMilli(key.windowStart() + windowSizeMillis).toString());
            g.writeStringField("orgID", key.orgID());
            g.writeStringField("webURL", key.webURL());
            g.writeNumberField("count", stats.count());
            g.writeNumberField("errors", stats.errors());
            g.writeNumberField("p50", stats.p50());
            g.writeNumberField("p95", stats.p95());
            g.writeNumberField("p99", stats.p99());
            g.writeNumberField("max", stats.max());
            g.writeBooleanField("final", isFinal);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Kafka record key: the window and its key, so one window key always lands in one partition. */
    public String kafkaKey() {
        return key.windowStart() + "|" + key.orgID() + "|" + key.webURL();
    }
}
