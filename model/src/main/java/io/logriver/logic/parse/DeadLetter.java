package io.logriver.logic.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A rejected record as written to the dead-letter topic: why, where it came from, and (up to 4 KiB of) what it was. */
public record DeadLetter(String reason, String topic, int partition, long offset, String payload) {

    /** Payloads are cut to this many bytes. */
    public static final int MAX_PAYLOAD_BYTES = 4096;
    public static final String LATE = "late";

    private static final JsonFactory JSON = new JsonFactory();

    public static DeadLetter of(String reason, String topic, int partition, long offset, byte[] payload) {
        return new DeadLetter(reason, topic, partition, offset, truncatedText(payload));
    }

    /** The first 4 KiB of the payload as text; bytes that are not UTF-8 (or a character cut in two) become U+FFFD. */
    static String truncatedText(byte[] payload) {
        if (payload == null) {
            return "";
        }
        int n = Math.min(payload.length, MAX_PAYLOAD_BYTES);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(payload, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Kafka record key: where the rejected record was read. */
    public String kafkaKey() {
        return topic + "-" + partition + "-" + offset;
    }

    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + payload.length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("reason", reason);
            g.writeStringField("topic", topic);
            g.writeNumberField("partition", partition);
            g.writeNumberField("offset", offset);
            g.writeStringField("payload", payload);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
