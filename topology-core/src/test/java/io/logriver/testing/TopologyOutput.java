package io.logriver.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.parse.DeadLetter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** What a topology run on in-memory sources must have written for a data set: its reference, and every dead letter. */
public final class TopologyOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopologyOutput() {
    }

    /** The records, as bytes. */
    public static List<byte[]> bytes(List<String> lines) {
        return lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The dead letters a topology writes for {@code data}: its invalid requests and sessions, and the late requests. */
    public static int deadLetters(ItDataSet data, Reference expected) {
        return (int) (expected.invalid + expected.late + data.invalidSessions);
    }

    /**
     * The window records equal the reference's, and the dead letters are the data set's invalid requests (with their
     * reasons), its late requests (with their lines) and its invalid sessions.
     */
    public static void check(ItDataSet data, Reference expected, Collected out, LogriverConfig.Topics topics) {
        assertTrue(out.failed.isEmpty(), "records failed: " + out);
        assertEquals(expected.windows.stream().sorted().toList(), out.messages(topics.stats()));
        List<JsonNode> dead = out.messages(topics.dlq()).stream().map(TopologyOutput::json).toList();
        assertEquals(data.requests.stream().map(ItDataSet.Planned::invalidReason).filter(Objects::nonNull).sorted()
                .toList(), reasons(dead, topics.weblogs(), false));
        assertEquals(expected.lateLines.stream().sorted().toList(), dead.stream()
                .filter(d -> d.get("reason").asText().equals(DeadLetter.LATE))
                .map(d -> d.get("payload").asText()).sorted().toList());
        assertEquals(data.invalidSessions, reasons(dead, topics.sessions(), false).size());
    }

    /** Polls {@code done} until it holds, for at most {@code seconds}; fails saying what {@code out} holds. */
    public static void await(BooleanSupplier done, int seconds, Collected out) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean() && out.failed.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the end of the input did not come through in " + seconds
                    + " s: " + out);
            Thread.sleep(100);
        }
    }

    /** The reasons of the dead letters of {@code topic}, sorted: the late ones or the others. */
    private static List<String> reasons(List<JsonNode> deadLetters, String topic, boolean late) {
        return deadLetters.stream().filter(d -> d.get("topic").asText().equals(topic))
                .map(d -> d.get("reason").asText()).filter(r -> r.equals(DeadLetter.LATE) == late).sorted().toList();
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
