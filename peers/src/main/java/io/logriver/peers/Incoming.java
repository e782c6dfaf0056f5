package io.logriver.peers;

import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Request;
import io.logriver.logic.parse.RequestParser;
import io.logriver.logic.time.HostClock;
import io.logriver.names.Names;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of the request topic as an engine reads it, parsed by logriver's {@link RequestParser}: the request, or
 * why it is invalid and what it was; where it was read; when it entered the engine ({@link HostClock}) and when the
 * benchmark scheduled its sending (-1 without that header).
 *
 * @param request       the valid request, or null
 * @param invalidReason why it is invalid, or null for a valid one
 * @param payload       the record's bytes when it is invalid (for its dead letter), else null
 */
public record Incoming(Request request, String invalidReason, byte[] payload, int partition, long offset,
                       long emitNanos, long schedNanos) {

    /**
     * Parses one record with logriver's parser and its rule for event times ahead of the wall clock; null for a
     * control record (logriver's end-of-input marker), which is not data.
     */
    public static Incoming read(byte[] value, Headers headers, int partition, long offset, FutureTimeRule future) {
        if (isControl(headers)) {
            return null;
        }
        long emitted = HostClock.nanos();
        ParseResult<Request> r = RequestParser.parse(value, future);
        return r.isOk()
                ? new Incoming(r.value(), null, null, partition, offset, emitted, scheduledNanos(headers))
                : new Incoming(null, r.reason(), value, partition, offset, emitted, scheduledNanos(headers));
    }

    public boolean isValid() {
        return request != null;
    }

    /** The dead letter of an invalid record read from {@code topic}. */
    public DeadLetter deadLetter(String topic) {
        return DeadLetter.of(invalidReason, topic, partition, offset, payload);
    }

    static boolean isControl(Headers headers) {
        Header h = headers.lastHeader(Names.CONTROL_HEADER);
        return h != null && Names.END_OF_INPUT.equals(new String(h.value(), StandardCharsets.UTF_8));
    }

    static long scheduledNanos(Headers headers) {
        Header h = headers.lastHeader(Names.SCHED_HEADER);
        return h == null || h.value() == null || h.value().length != Long.BYTES ? -1 : ByteBuffer.wrap(h.value()).getLong();
    }
}
