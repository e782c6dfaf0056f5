package io.logriver.launcher.filemode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.LogriverConfig;
import io.logriver.config.StateBackend;
import io.logriver.launcher.testing.TestBroker;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import io.logriver.topology.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * File mode end to end on a real Kafka broker and LocalCluster, through the production topologies of both modes: a
 * generated data set with invalid, filtered, late and unknown-session records, checked against {@link Reference},
 * and the two modes against each other, byte for byte.
 */
class FileModeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;
    private static ItDataSet data;
    private static Reference expected;
    private static BothModes runs;
    /** The same runs, spread over two workers and three tasks of every stage. */
    private static BothModes spread;
    /** The same runs with the state in the workers' memory only. */
    private static BothModes memory;

    @BeforeAll
    static void runFileMode() throws Exception {
        broker = new TestBroker();
        data = ItDataSet.generate(7, 3000);
        LogriverConfig c = broker.config(List.of(LogriverConfig.JOIN_WAIT_MS + "=300"));
        expected = Reference.of(data, c.windowSizeMs(), c.latenessMs());
        Path dir = broker.workDir;
        Files.write(dir.resolve("expected.jsonl"), expected.windows, StandardCharsets.UTF_8);
        Path requests = Files.write(dir.resolve("requests.jsonl"),
                data.requests.stream().map(ItDataSet.Planned::line).toList(), StandardCharsets.UTF_8);
        Path sessions = Files.write(dir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        runs = BothModes.run(c, requests, sessions, dir, "");
        spread = BothModes.run(c.with(spreadOverWorkersAndTasks()), requests, sessions, dir, "-spread");
        memory = BothModes.run(c.withStateBackend(StateBackend.MEMORY), requests, sessions, dir,
                "-memory");
    }

    /**
     * Two workers, every tuple serialized with Kryo (in LocalCluster both workers share one JVM, so this setting makes
     * Storm serialize even the tuples that stay in a worker), three tasks of every stage: more tasks than partitions.
     */
    private static Map<String, Object> spreadOverWorkersAndTasks() {
        Map<String, Object> m = new HashMap<>(Map.of("topology.workers", 2, "topology.testing.always.try.serialize",
                true, LogriverConfig.TRIDENT_PARALLELISM.name(), 3));
        for (String stage : List.of("spout", "parse", "join", "aggregate", "sink")) {
            m.put(LogriverConfig.PARALLELISM_PREFIX + stage, 3);
        }
        return m;
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void dataSetHasEveryKindOfRecord() {
        assertTrue(expected.invalid > 20, "invalid " + expected.invalid);
        assertTrue(expected.filtered > 50, "filtered " + expected.filtered);
        assertTrue(expected.late > 5, "late " + expected.late);
        assertTrue(expected.windows.stream().anyMatch(w -> w.contains("\"orgID\":\"unknown\"")), "join misses");
        assertTrue(expected.windows.stream().anyMatch(w -> w.contains("\"orgID\":\"org-moved-")), "session updates");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void windowsEqualTheReference(Mode mode) {
        runs.assertWindows(mode, expected.windows); // expected.jsonl beside the output
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void summaryCountsEveryRecordOnce(Mode mode) {
        FileMode.Summary want = new FileMode.Summary(data.requests.size(), expected.aggregated, expected.filtered,
                expected.invalid, expected.late, expected.windows.size());
        FileMode.Summary s = runs.summary.get(mode);
        assertEquals(want, s);
        assertEquals(s.read(), s.aggregated() + s.filtered() + s.invalid() + s.late());
    }

    @Test
    void coreAndTridentWriteTheSameBytesAndSummary() {
        runs.assertModesAgree();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void twoWorkersAndThreeTasksOfEveryStageWriteTheSameBytes(Mode mode) {
        assertEquals(String.join("\n", runs.output.get(mode)), String.join("\n", spread.output.get(mode)),
                "out-" + mode.id() + "-spread.jsonl in " + broker.workDir);
        assertEquals(runs.summary.get(mode).toJson(), spread.summary.get(mode).toJson());
        assertEquals(withoutRunIds(runs.dlq.get(mode)), withoutRunIds(spread.dlq.get(mode)),
                "the same dead letters (several sink tasks write them in another order)");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void stateInMemoryOnlyWritesTheSameBytes(Mode mode) {
        assertEquals(String.join("\n", runs.output.get(mode)), String.join("\n", memory.output.get(mode)),
                "out-" + mode.id() + "-memory.jsonl in " + broker.workDir);
        assertEquals(runs.summary.get(mode).toJson(), memory.summary.get(mode).toJson());
    }

    /** Dead letters sorted, each run's own topic names ({@code weblogs-file-1a2b3c4d}) cut back to the configured one. */
    private static List<String> withoutRunIds(List<String> deadLetters) {
        return deadLetters.stream().map(d -> d.replaceAll("-file-[0-9a-f]{8}\"", "\"")).sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void deadLetterTopicHoldsEveryReject(Mode mode) throws Exception {
        Map<String, Integer> invalidByReason = new HashMap<>();
        List<String> latePayloads = new ArrayList<>();
        int invalidSessions = 0;
        for (String line : runs.dlq.get(mode)) {
            JsonNode n = JSON.readTree(line);
            String reason = n.get("reason").asText();
            String topic = n.get("topic").asText();
            assertTrue(n.get("payload").asText().getBytes(StandardCharsets.UTF_8).length <= 4096 + 3, line);
            if (topic.startsWith("sessions-")) {
                invalidSessions++;
            } else if (reason.equals("late")) {
                latePayloads.add(n.get("payload").asText());
            } else {
                invalidByReason.merge(reason, 1, Integer::sum);
            }
        }
        Map<String, Integer> want = new HashMap<>();
        data.requests.stream().filter(p -> p.invalidReason() != null)
                .forEach(p -> want.merge(p.invalidReason(), 1, Integer::sum));
        assertEquals(want, invalidByReason);
        assertEquals(expected.lateLines, latePayloads);
        assertEquals(data.invalidSessions, invalidSessions);
    }
}
