package io.logriver.core;

import io.logriver.config.LogriverConfig;
import io.logriver.core.bolt.AggregateBolt;
import io.logriver.core.bolt.CheckpointedBolt;
import io.logriver.core.bolt.ClockSpout;
import io.logriver.core.bolt.ParseBolt;
import io.logriver.core.bolt.ParseSessionsBolt;
import io.logriver.core.bolt.PartitionBolt;
import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.core.bolt.SinkBolt;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.storm.state.BackgroundCheckpointTopologyBuilder;
import io.logriver.storm.wait.ParkThenSleep;
import java.util.Map;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.state.KeyValueState;
import org.apache.storm.topology.BoltDeclarer;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.topology.IRichSpout;
import org.apache.storm.topology.IStatefulBolt;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.tuple.Fields;

/**
 * The record-at-a-time topology: parse (and filter), the partition stage (replays, lateness, join, each partition's
 * share of a window), aggregate (the shares added up, windows closed), write. Its sources and sink are parameters, so
 * tests run this very topology on the sources they choose. With the durable backend, the partition stage, the
 * aggregators and the sink are Storm stateful bolts, checkpointed to Redis.
 */
public final class CoreTopology {

    /**
     * The inputs: request records and session records, as tuples of {@link KafkaRecordTranslator#FIELDS}, and the
     * sessions written before the topology starts, which every partition task reads into its session table at start.
     */
    public record Sources(IRichSpout weblogs, IRichSpout sessions, SessionSnapshot sessionSnapshot) {
    }

    private CoreTopology() {
    }

    public static StormTopology build(LogriverConfig c, Sources sources, CheckpointedBolt sink) {
        LogriverConfig.Parallelism p = c.parallelism();
        LogriverConfig.Topics topics = c.topics();
        boolean durable = c.state().durable();
        Windows windows = new Windows(c.windowSizeMs());
        Fields partition = new Fields(Names.PARTITION);
        FutureTimeRule future = FutureTimeRule.of(c.maxFutureMs());
        // Storm's executors write a checkpoint on their own thread; ours write it beside the tuples
        TopologyBuilder b = durable && c.state().backgroundWrites() ? new BackgroundCheckpointTopologyBuilder()
                : new TopologyBuilder();

        // off the requests' path, idle executors park longer (logriver.core.quiet.park.microsec)
        Map<String, Object> quiet = Map.of(ParkThenSleep.COMPONENT_PARK_MICROS, c.quietParkMicros());
        b.setSpout(Names.WEBLOGS_SPOUT, sources.weblogs(), p.spout());
        b.setSpout(Names.SESSIONS_SPOUT, sources.sessions(), p.spout()).addConfigurations(quiet);
        b.setSpout(Names.CLOCK_SPOUT, new ClockSpout(c.clockIntervalMs()), 1).addConfigurations(quiet);

        b.setBolt(Names.PARSE, new ParseBolt(new FilterRules(c.dropLevels(), c.dropUrlPrefixes()), future), p.parse())
                .fieldsGrouping(Names.WEBLOGS_SPOUT, partition);
        b.setBolt(Names.PARSE_SESSIONS, new ParseSessionsBolt(topics.sessions(), topics.dlq()), p.parse())
                .fieldsGrouping(Names.SESSIONS_SPOUT, partition) // a session's records stay in order
                .addConfigurations(quiet);
        bolt(b, Names.PARTITION_STAGE, new PartitionBolt(windows, c.latenessMs(), future, c.joinWaitMs(), c.clockIntervalMs(),
                        new PartitionBolt.Topics(topics.weblogs(), topics.dlq()), sources.sessionSnapshot(), durable,
                        c.latencyHook()), p.join(), durable)
                .fieldsGrouping(Names.PARSE, partition)
                .allGrouping(Names.PARSE_SESSIONS)
                .allGrouping(Names.CLOCK_SPOUT);
        bolt(b, Names.AGGREGATE, new AggregateBolt(windows, topics.partitions(), topics.stats(), durable), p.aggregate(),
                durable)
                .fieldsGrouping(Names.PARTITION_STAGE, new Fields(Names.ORG_ID, Names.URL_KEY))
                .allGrouping(Names.PARTITION_STAGE, Names.WATERMARK_STREAM)
                .addConfigurations(quiet);
        BoltDeclarer toSink = bolt(b, Names.SINK, sink, p.sink(), durable).addConfigurations(quiet);
        boolean local = c.sinkGrouping().equals("local-or-shuffle");
        for (String[] in : new String[][] {{Names.PARSE_SESSIONS, Names.INVALID_STREAM},
                {Names.PARTITION_STAGE, Names.INVALID_STREAM}, {Names.PARTITION_STAGE, Names.LATE_STREAM},
                {Names.AGGREGATE, Names.WINDOWS_STREAM}}) {
            // any sink task will do: each record is written once, and file mode sorts the windows
            if (local) {
                toSink.localOrShuffleGrouping(in[0], in[1]);
            } else {
                toSink.shuffleGrouping(in[0], in[1]);
            }
        }
        toSink.allGrouping(Names.PARTITION_STAGE, Names.END_STREAM)
                .allGrouping(Names.PARSE_SESSIONS, Names.END_STREAM)
                .allGrouping(Names.AGGREGATE, Names.END_STREAM)
                .allGrouping(Names.CLOCK_SPOUT);
        return b.createTopology();
    }

    /**
     * The end-of-input markers each sink task counts once the whole input has gone through and been written (file
     * mode and the tests wait for them): the partition stage's, one per request partition; parse-sessions', at least
     * one (the session topic's first partition); each aggregator's, once every partition's windows are closed.
     */
    public static Map<String, Integer> endMarkersPerSinkTask(LogriverConfig c) {
        return Map.of(Names.PARTITION_STAGE, c.topics().partitions(), Names.PARSE_SESSIONS, 1,
                Names.AGGREGATE, c.parallelism().aggregate());
    }

    /** A checkpointed bolt (durable backend) or a plain one (state in memory only). */
    private static BoltDeclarer bolt(TopologyBuilder b, String id, CheckpointedBolt bolt, int parallelism,
                                     boolean durable) {
        return durable ? b.setBolt(id, (IStatefulBolt<KeyValueState<String, byte[]>>) bolt, parallelism)
                : b.setBolt(id, (IRichBolt) bolt, parallelism);
    }

    /** The production topology: Kafka spouts in, Kafka sink out. */
    public static StormTopology build(LogriverConfig c) {
        return build(c, KafkaSources.of(c), new SinkBolt(c.bootstrapServers(), c.state().durable()));
    }
}
