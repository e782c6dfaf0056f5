package io.logriver.core;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.FilterRules;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Windows;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.topology.IRichBolt;
import org.apache.storm.topology.IRichSpout;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.tuple.Fields;

/**
 * The record-at-a-time topology: parse, filter (and lateness), join, aggregate, write. Its sources and sink are
 * parameters, so tests run this very topology on the sources they choose.
 */
public final class CoreTopology {

    /** The two inputs: request records and session records, as tuples of {@link KafkaRecordTranslator#FIELDS}. */
    public record Sources(IRichSpout weblogs, IRichSpout sessions) {
    }

    private CoreTopology() {
    }

    public static StormTopology build(LogriverConfig c, Sources sources, IRichBolt sink) {
        LogriverConfig.Parallelism p = c.parallelism();
        LogriverConfig.Topics topics = c.topics();
        Windows windows = new Windows(c.windowSizeMs());
        Fields partition = new Fields(Names.PARTITION);
        FutureTimeRule future = FutureTimeRule.of(c.maxFutureMs());
        TopologyBuilder b = new TopologyBuilder();

        b.setSpout(Names.WEBLOGS_SPOUT, sources.weblogs(), p.spout());
        b.setSpout(Names.SESSIONS_SPOUT, sources.sessions(), p.spout());
        b.setSpout(Names.CLOCK_SPOUT, new ClockSpout(c.clockIntervalMs()), 1);

        b.setBolt(Names.PARSE, new ParseBolt(topics.weblogs(), topics.dlq(), future), p.parse())
                .fieldsGrouping(Names.WEBLOGS_SPOUT, partition);
        b.setBolt(Names.FILTER, new FilterBolt(new FilterRules(c.dropLevels(), c.dropUrlPrefixes()), windows,
                        c.latenessMs(), future, topics.weblogs(), topics.dlq()), p.filter())
                .fieldsGrouping(Names.PARSE, partition)
                .fieldsGrouping(Names.PARSE, Names.END_STREAM, partition);
        b.setBolt(Names.PARSE_SESSIONS, new ParseSessionsBolt(topics.sessions(), topics.dlq()), p.parse())
                .fieldsGrouping(Names.SESSIONS_SPOUT, partition); // a session's records stay in order
        b.setBolt(Names.JOIN, new JoinBolt(c.bootstrapServers(), topics.sessions(), c.windowSizeMs(),
                        c.joinWaitMs(), c.clockIntervalMs()), p.join())
                .fieldsGrouping(Names.FILTER, partition)
                .fieldsGrouping(Names.FILTER, Names.END_STREAM, partition)
                .allGrouping(Names.PARSE_SESSIONS)
                .allGrouping(Names.CLOCK_SPOUT);
        b.setBolt(Names.AGGREGATE, new AggregateBolt(windows, topics.partitions(), topics.stats(), topics.weblogs(),
                        topics.dlq(), c.benchProbe()), p.aggregate())
                .fieldsGrouping(Names.JOIN, new Fields(Names.ORG_ID, Names.URL_KEY))
                .allGrouping(Names.JOIN, Names.WATERMARK_STREAM);
        b.setBolt(Names.SINK, sink, p.sink())
                .shuffleGrouping(Names.PARSE, Names.INVALID_STREAM)
                .shuffleGrouping(Names.PARSE_SESSIONS, Names.INVALID_STREAM)
                .shuffleGrouping(Names.FILTER, Names.LATE_STREAM)
                .shuffleGrouping(Names.AGGREGATE, Names.LATE_STREAM)
                .shuffleGrouping(Names.AGGREGATE, Names.WINDOWS_STREAM)
                .allGrouping(Names.PARSE, Names.END_STREAM)
                .allGrouping(Names.FILTER, Names.END_STREAM)
                .allGrouping(Names.PARSE_SESSIONS, Names.END_STREAM)
                .allGrouping(Names.AGGREGATE, Names.END_STREAM)
                .allGrouping(Names.CLOCK_SPOUT);
        return b.createTopology();
    }

    /** The production topology: Kafka spouts in, Kafka sink out. */
    public static StormTopology build(LogriverConfig c) {
        return build(c, KafkaSources.of(c), new SinkBolt(c.bootstrapServers()));
    }
}
