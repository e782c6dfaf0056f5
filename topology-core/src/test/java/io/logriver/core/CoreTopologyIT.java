package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.logic.DeadLetter;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.LoopbackCluster;
import io.logriver.testing.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.storm.Config;
import org.apache.storm.generated.KillOptions;
import org.junit.jupiter.api.Test;

/**
 * The production core topology on LocalCluster without a broker (as Kafka Streams' TopologyTestDriver runs a
 * topology): a generated data set with invalid, filtered, late and unknown-session records comes from in-memory
 * sources over two partitions, the sessions also as the snapshot every partition task reads at start, and a collecting
 * sink gathers what the topology writes. The window records equal {@link Reference}'s, computed without the
 * production classes, and every dead letter is there with its reason.
 */
class CoreTopologyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 2;

    @Test
    void windowRecordsAndDeadLettersEqualTheReferenceWithoutABroker() throws Exception {
        ItDataSet data = ItDataSet.generate(7, 2000);
        List<String> overrides = new ArrayList<>(List.of(LogriverConfig.STATE_BACKEND + "=memory",
                LogriverConfig.TOPIC_PARTITIONS + "=" + PARTITIONS, LogriverConfig.JOIN_WAIT_MS + "=300"));
        for (String stage : List.of("parse", "join", "aggregate", "sink")) {
            overrides.add(LogriverConfig.PARALLELISM_PREFIX + stage + "=2");
        }
        LogriverConfig c = ConfigLoader.load(null, overrides);
        Reference expected = Reference.of(data, c.windowSizeMs(), c.latenessMs(), PARTITIONS);
        assertTrue(expected.invalid > 0 && expected.filtered > 0 && expected.late > 0 && expected.windows.size() > 20,
                "the data set takes every path");
        String run = "core-topology-it";
        List<byte[]> sessions = bytes(data.sessionLines);
        CoreTopology.Sources sources = new CoreTopology.Sources(
                new MemorySpout(run, MemorySpout.spread(bytes(data.requests.stream().map(ItDataSet.Planned::line)
                        .toList()), PARTITIONS)),
                new MemorySpout(run, List.of(sessions)), SessionSnapshot.of(sessions));

        Collected out = Collected.of(run);
        try (LoopbackCluster storm = new LoopbackCluster()) {
            Config conf = StormConfigs.of(c, "core");
            conf.put(Config.TOPOLOGY_TESTING_ALWAYS_TRY_SERIALIZE, true); // every tuple through Kryo, as between workers
            storm.cluster().submitTopology(run, conf, CoreTopology.build(c, sources, new CollectingSink(run)));
            awaitEnd(out, c);
            KillOptions now = new KillOptions();
            now.set_wait_secs(0);
            storm.cluster().killTopologyWithOpts(run, now);
        }

        assertTrue(out.failed.isEmpty(), "records failed: " + out);
        assertEquals(expected.windows.stream().sorted().toList(), out.messages(c.topics().stats()));
        List<JsonNode> deadLetters = new ArrayList<>();
        for (String m : out.messages(c.topics().dlq())) {
            deadLetters.add(JSON.readTree(m));
        }
        assertEquals(data.requests.stream().map(ItDataSet.Planned::invalidReason).filter(Objects::nonNull).sorted()
                .toList(), reasons(deadLetters, c.topics().weblogs(), false));
        assertEquals(expected.lateLines.stream().sorted().toList(), deadLetters.stream()
                .filter(d -> d.get("reason").asText().equals(DeadLetter.LATE))
                .map(d -> d.get("payload").asText()).sorted().toList());
        assertEquals(data.invalidSessions, reasons(deadLetters, c.topics().sessions(), false).size());
    }

    /** The reasons of the dead letters of {@code topic}, sorted: the late ones or the others. */
    private static List<String> reasons(List<JsonNode> deadLetters, String topic, boolean late) {
        return deadLetters.stream().filter(d -> d.get("topic").asText().equals(topic))
                .map(d -> d.get("reason").asText()).filter(r -> r.equals(DeadLetter.LATE) == late).sorted().toList();
    }

    /** Until every sink task has counted every end-of-input marker (or a record failed), polling with a deadline. */
    private static void awaitEnd(Collected out, LogriverConfig c) throws InterruptedException {
        Map<String, Integer> markers = CoreTopology.endMarkersPerSinkTask(c);
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!out.ended(markers, c.parallelism().sink()) && out.failed.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the end of the input did not come through in 180 s: " + out);
            Thread.sleep(100);
        }
    }

    private static List<byte[]> bytes(List<String> lines) {
        return lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
