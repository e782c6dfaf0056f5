package io.logriver.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.cluster.LoopbackLocalCluster;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.testing.Collected;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.MemoryRecords;
import io.logriver.testing.Reference;
import io.logriver.testing.TopologyOutput;
import java.util.ArrayList;
import java.util.List;
import org.apache.storm.Config;
import org.junit.jupiter.api.Test;

/**
 * The production core topology on LocalCluster without a broker (as Kafka Streams' TopologyTestDriver runs a
 * topology): a generated data set with invalid, filtered, late and unknown-session records comes from in-memory
 * sources over two partitions, the sessions also as the snapshot every partition task reads at start, and a collecting
 * sink gathers what the topology writes. The window records equal {@link Reference}'s, computed without the
 * production classes, and every dead letter is there with its reason.
 */
class CoreTopologyIT {
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
        List<byte[]> sessions = TopologyOutput.bytes(data.sessionLines);
        CoreTopology.Sources sources = new CoreTopology.Sources(
                new MemorySpout(run, MemoryRecords.spread(TopologyOutput.bytes(data.requests.stream()
                        .map(ItDataSet.Planned::line).toList()), PARTITIONS)),
                new MemorySpout(run, MemoryRecords.spread(sessions, 1)), SessionSnapshot.of(sessions));

        Collected out = Collected.of(run);
        try (LoopbackLocalCluster storm = LoopbackLocalCluster.startTemporary()) {
            Config conf = StormConfigs.of(c, ModeProfile.CORE);
            conf.put(Config.TOPOLOGY_TESTING_ALWAYS_TRY_SERIALIZE, true); // every tuple through Kryo, as between workers
            storm.cluster().submitTopology(run, conf, CoreTopology.build(c, sources, new CollectingSink(run)));
            // every sink task has counted every end-of-input marker: everything before them went through
            TopologyOutput.await(() -> out.ended(CoreTopology.endMarkersPerSinkTask(c), c.parallelism().sink()), 180,
                    out);
            storm.kill(run);
        }
        TopologyOutput.check(data, expected, out, c.topics());
    }
}
