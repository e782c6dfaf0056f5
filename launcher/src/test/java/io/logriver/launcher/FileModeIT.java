package io.logriver.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
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

/**
 * File mode end to end on a real Kafka broker and LocalCluster, through the production topology: a generated data
 * set with invalid, filtered, late and unknown-session records, checked against {@link Reference}.
 */
class FileModeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;
    private static ItDataSet data;
    private static Reference expected;
    private static FileMode.Summary summary;
    private static List<String> output;
    private static List<String> dlq;

    @BeforeAll
    static void runFileMode() throws Exception {
        broker = new TestBroker();
        data = ItDataSet.generate(7, 3000);
        LogriverConfig c = ConfigLoader.load(null,
                List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + broker.bootstrapServers(),
                        LogriverConfig.JOIN_WAIT_MS + "=300"));
        expected = Reference.of(data, c.windowSizeMs(), c.latenessMs());
        Path dir = broker.workDir;
        Files.write(dir.resolve("expected.jsonl"), expected.windows, StandardCharsets.UTF_8);
        Path requests = Files.write(dir.resolve("requests.jsonl"),
                data.requests.stream().map(ItDataSet.Planned::line).toList(), StandardCharsets.UTF_8);
        Path sessions = Files.write(dir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        summary = new FileMode(Progress.quiet()).run(c, requests, sessions, dir.resolve("out.jsonl"),
                dir.resolve("dlq.jsonl"), dir);
        output = Files.readAllLines(dir.resolve("out.jsonl"));
        dlq = Files.readAllLines(dir.resolve("dlq.jsonl"));
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

    @Test
    void windowsEqualTheReference() {
        assertEquals(expected.windows.size(), output.size(), "window records; see expected.jsonl and out.jsonl in "
                + broker.workDir);
        for (int i = 0; i < output.size(); i++) {
            assertEquals(expected.windows.get(i), output.get(i), "line " + (i + 1) + " of out.jsonl in " + broker.workDir);
        }
    }

    @Test
    void summaryCountsEveryRecordOnce() {
        FileMode.Summary want = new FileMode.Summary(data.requests.size(), expected.aggregated, expected.filtered,
                expected.invalid, expected.late, expected.windows.size());
        assertEquals(want, summary);
        assertEquals(summary.read(), summary.aggregated() + summary.filtered() + summary.invalid() + summary.late());
    }

    @Test
    void deadLetterTopicHoldsEveryReject() throws Exception {
        Map<String, Integer> invalidByReason = new HashMap<>();
        List<String> latePayloads = new ArrayList<>();
        int invalidSessions = 0;
        for (String line : dlq) {
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
