package io.logriver.launcher.filemode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.testing.TestBroker;
import io.logriver.topology.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounting on the generator's own data, spread over two partitions and two tasks of every bolt: every record read
 * is aggregated, filtered, invalid or late exactly once, and the dead-letter topic holds every reject.
 */
class AccountingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;
    private static FileMode.Summary summary;
    private static long lines;
    private static List<String> output;
    private static List<String> dlq;

    @BeforeAll
    static void run() throws Exception {
        broker = new TestBroker();
        Path dir = broker.workDir;
        RecordGenerator gen = new RecordGenerator(11, 200);
        List<String> requests = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        long t0 = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            RecordGenerator.Generated g = gen.next(t0 + i * 5L);
            requests.add(g.request());
            if (g.newSession() != null) {
                sessions.add(g.newSession());
            }
        }
        lines = requests.size();
        Files.write(dir.resolve("requests.jsonl"), requests, StandardCharsets.UTF_8);
        Files.write(dir.resolve("sessions.jsonl"), sessions, StandardCharsets.UTF_8);
        List<String> overrides = new ArrayList<>(List.of(LogriverConfig.JOIN_WAIT_MS + "=200"));
        for (String component : List.of("spout", "parse", "join", "aggregate", "sink")) {
            overrides.add(LogriverConfig.PARALLELISM_PREFIX + component + "=2");
        }
        LogriverConfig c = broker.config(overrides);
        summary = new FileMode(Progress.quiet(), Mode.CORE).run(c, dir.resolve("requests.jsonl"), dir.resolve("sessions.jsonl"),
                dir.resolve("out.jsonl"), dir.resolve("dlq.jsonl"), dir, 2);
        output = Files.readAllLines(dir.resolve("out.jsonl"));
        dlq = Files.readAllLines(dir.resolve("dlq.jsonl"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyRecordIsCountedExactlyOnce() {
        assertEquals(lines, summary.read());
        assertEquals(summary.read(), summary.aggregated() + summary.filtered() + summary.invalid() + summary.late());
        assertTrue(summary.invalid() > 0 && summary.filtered() > 0 && summary.late() > 0, summary.toJson());
    }

    @Test
    void deadLetterTopicHoldsEveryReject() throws Exception {
        long late = 0;
        long invalid = 0;
        for (String line : dlq) {
            JsonNode n = JSON.readTree(line);
            if (n.get("topic").asText().startsWith("weblogs-")) {
                if (n.get("reason").asText().equals("late")) {
                    late++;
                } else {
                    invalid++;
                }
            }
        }
        assertEquals(summary.invalid(), invalid);
        assertEquals(summary.late(), late);
    }

    @Test
    void windowsAddUpToTheAggregatedRecords() throws Exception {
        long counted = 0;
        for (String line : output) {
            JsonNode n = JSON.readTree(line);
            counted += n.get("count").asLong();
            assertTrue(n.get("p50").asLong() <= n.get("p95").asLong() && n.get("p95").asLong() <= n.get("p99").asLong()
                    && n.get("p99").asLong() <= n.get("max").asLong(), line);
        }
        assertEquals(summary.windows(), output.size());
        assertEquals(summary.aggregated(), counted);
    }
}
