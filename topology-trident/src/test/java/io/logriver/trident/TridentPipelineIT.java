package io.logriver.trident;

import io.logriver.cluster.LoopbackLocalCluster;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.core.StormConfigs;
import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.testing.Collected;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.MemoryRecords;
import io.logriver.testing.Reference;
import io.logriver.testing.TopologyOutput;
import java.util.List;
import org.apache.storm.Config;
import org.junit.jupiter.api.Test;

/**
 * The production Trident topology on LocalCluster without a broker: the data set of {@code CoreTopologyIT} from
 * in-memory opaque partitioned spouts over two partitions, the sessions also as the snapshot every session state
 * reads when it is made, the state in memory, and collecting states in place of the Kafka sinks. The window records
 * equal {@link Reference}'s and every dead letter is there with its reason.
 */
class TridentPipelineIT {
    private static final int PARTITIONS = 2;

    @Test
    void windowRecordsAndDeadLettersEqualTheReferenceWithoutABroker() throws Exception {
        ItDataSet data = ItDataSet.generate(7, 2000);
        LogriverConfig c = ConfigLoader.load(null, List.of(LogriverConfig.STATE_BACKEND + "=memory",
                LogriverConfig.TOPIC_PARTITIONS + "=" + PARTITIONS, LogriverConfig.TRIDENT_PARALLELISM + "=2"));
        Reference expected = Reference.of(data, c.windowSizeMs(), c.latenessMs(), PARTITIONS);
        String run = "trident-pipeline-it";
        List<byte[]> sessions = TopologyOutput.bytes(data.sessionLines);
        TridentPipeline.Sources sources = new TridentPipeline.Sources(
                new MemoryTridentSpout(MemoryRecords.spread(TopologyOutput.bytes(data.requests.stream()
                        .map(ItDataSet.Planned::line).toList()), PARTITIONS), 250),
                new MemoryTridentSpout(MemoryRecords.spread(sessions, 1), 250), SessionSnapshot.of(sessions));
        TridentPipeline.Sinks sinks = new TridentPipeline.Sinks(CollectingKafkaState.factory(run, c.topics().stats()),
                CollectingKafkaState.factory(run, c.topics().dlq()));

        Collected out = Collected.of(run);
        try (LoopbackLocalCluster storm = LoopbackLocalCluster.startTemporary()) {
            Config conf = StormConfigs.of(c, ModeProfile.TRIDENT);
            conf.put(Config.TOPOLOGY_TESTING_ALWAYS_TRY_SERIALIZE, true); // every tuple through Kryo, as between workers
            storm.cluster().submitTopology(run, conf, TridentPipeline.build(c, sources, sinks,
                    TridentPipeline.Hooks.NONE));
            // every record the topology is to write has been written (a batch written twice would show as a mismatch)
            int records = expected.windows.size() + TopologyOutput.deadLetters(data, expected);
            TopologyOutput.await(() -> out.records.size() >= records, 180, out);
            storm.kill(run);
        }
        TopologyOutput.check(data, expected, out, c.topics());
    }
}
