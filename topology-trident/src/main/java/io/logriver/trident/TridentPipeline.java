package io.logriver.trident;

import io.logriver.config.LogriverConfig;
import io.logriver.core.KafkaRecordTranslator;
import io.logriver.core.Names;
import io.logriver.logic.FilterRules;
import io.logriver.logic.Windows;
import java.util.function.UnaryOperator;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.trident.Stream;
import org.apache.storm.trident.TridentState;
import org.apache.storm.trident.TridentTopology;
import org.apache.storm.trident.spout.ITridentDataSource;
import org.apache.storm.trident.state.StateFactory;
import org.apache.storm.tuple.Fields;

/**
 * The micro-batch topology: the same validate, filter, late, join and aggregate as the core topology, on the same
 * logic classes, in Trident batches. Lateness and window closing run in the commit phase, where batches come in
 * order; the aggregate is an opaque persistent aggregate, so a replayed batch never counts twice.
 */
public final class TridentPipeline {

    /** Request and session records, as tuples of {@link KafkaRecordTranslator#FIELDS}. */
    public record Sources(ITridentDataSource weblogs, ITridentDataSource sessions) {
    }

    /** Where (key, message) rows go: final window records, and dead letters. */
    public record Sinks(StateFactory stats, StateFactory deadLetters) {
    }

    private static final Fields ROW = new Fields(Names.KEY, Names.MESSAGE);
    private static final Fields KIND = new Fields("kind");

    private TridentPipeline() {
    }

    /** The production topology: Kafka in and out. */
    public static StormTopology build(LogriverConfig c) {
        return build(c, TridentKafka.sources(c), TridentKafka.sinks(c), UnaryOperator.identity());
    }

    /**
     * @param afterSpout applied to the request stream as the spout emits it: identity in production; a test puts a
     *                   failure there, so batches fail and replay
     */
    public static StormTopology build(LogriverConfig c, Sources sources, Sinks sinks, UnaryOperator<Stream> afterSpout) {
        TridentTopology t = new TridentTopology();
        int n = c.trident().parallelism();
        String weblogs = c.topics().weblogs();

        Stream parsed = afterSpout.apply(t.newStream(txId(c, weblogs), sources.weblogs()).name(Names.WEBLOGS_SPOUT))
                .each(KafkaRecordTranslator.FIELDS, new ParseRequests(weblogs), new Fields(Names.REQUEST, Names.KEY,
                        Names.MESSAGE)).name(Names.PARSE).parallelismHint(n);
        deadLetters(parsed.each(new Fields(Names.KEY), new NotNull()), sinks);

        Stream checked = parsed
                .each(new Fields(Names.CONTROL, Names.REQUEST), new Accepted(new FilterRules(c.dropLevels(),
                        c.dropUrlPrefixes()))).name(Names.FILTER)
                .partitionBy(new Fields(Names.PARTITION))
                .partitionPersist(new LatenessState.Factory(c.windowSizeMs(), c.latenessMs()), LatenessUpdater.INPUT,
                        new LatenessUpdater(new Windows(c.windowSizeMs()), weblogs), LatenessUpdater.OUTPUT)
                .parallelismHint(n).newValuesStream();
        deadLetters(checked.each(KIND, new KindIs(LatenessUpdater.LATE)), sinks);

        Stream windowUpdates = checked.each(KIND, new KindIs(LatenessUpdater.RECORD))
                .stateQuery(sessions(t, c, sources.sessions(), sinks), new Fields(Names.REQUEST), new SessionLookup(), new Fields(Names.ORG_ID))
                .name(Names.JOIN)
                .each(new Fields(Names.REQUEST), new ToAggregate(), new Fields(Names.URL_KEY, "durationMillis", "error"))
                .groupBy(new Fields(Names.WINDOW_START, Names.ORG_ID, Names.URL_KEY))
                .persistentAggregate(new WindowMapState.Factory(60 * c.windowSizeMs() + c.latenessMs()),
                        new Fields("durationMillis", "error"), new StatsCombiner(), new Fields("stats"))
                .parallelismHint(n).newValuesStream();

        Stream toClose = t.merge(CloserUpdater.INPUT,
                windowUpdates.name(Names.AGGREGATE)
                        .each(new Fields(), new Constant("window", -1, 0L, 0L, null, null), new Fields("kind",
                                Names.PARTITION, Names.WATERMARK, "batchSize", "emitTimes", "schedTimes"))
                        .project(CloserUpdater.INPUT),
                checked.each(KIND, new KindIs(LatenessUpdater.WATERMARK))
                        .each(new Fields(), new Constant("", "", null), new Fields(Names.ORG_ID, Names.URL_KEY, "stats"))
                        .project(CloserUpdater.INPUT));
        Stream closed = toClose.global()
                .partitionPersist(new CloserState.Factory(c.windowSizeMs(), c.topics().partitions()),
                        CloserUpdater.INPUT, new CloserUpdater(weblogs, c.benchProbe()), CloserUpdater.OUTPUT)
                .newValuesStream();
        closed.each(new Fields("sink"), new KindIs(CloserUpdater.STATS)).project(ROW).name(Names.SINK)
                .partitionPersist(sinks.stats(), ROW, new CountingKafkaUpdater("stats"));
        deadLetters(closed.each(new Fields("sink"), new KindIs(CloserUpdater.DLQ)), sinks);
        return t.build();
    }

    /** The session table: valid session records into Trident state on every partition, invalid ones dead-lettered. */
    private static TridentState sessions(TridentTopology t, LogriverConfig c, ITridentDataSource source, Sinks sinks) {
        String topic = c.topics().sessions();
        Stream parsed = t.newStream(txId(c, topic), source).name(Names.SESSIONS_SPOUT)
                .each(KafkaRecordTranslator.FIELDS, new ParseSessions(topic), new Fields(Names.SESSION, Names.KEY,
                        Names.MESSAGE)).name(Names.PARSE_SESSIONS);
        deadLetters(parsed.each(new Fields(Names.KEY), new NotNull()), sinks);
        return parsed.each(new Fields(Names.SESSION), new NotNull()).broadcast()
                .partitionPersist(new SessionState.Factory(c.bootstrapServers(), topic),
                        new Fields(Names.SESSION, Names.PARTITION, Names.OFFSET), new SessionUpdater())
                .parallelismHint(c.trident().parallelism());
    }

    private static void deadLetters(Stream rows, Sinks sinks) {
        rows.project(ROW).partitionPersist(sinks.deadLetters(), ROW, new CountingKafkaUpdater("dlq"));
    }

    /** The id under which Trident keeps a spout's transactional state (unique per consumer group and topic). */
    private static String txId(LogriverConfig c, String topic) {
        return c.consumerGroup() + "-trident-" + topic;
    }
}
