package io.logriver.trident;

import io.logriver.config.LogriverConfig;
import io.logriver.core.KafkaRecordTranslator;
import io.logriver.core.Names;
import io.logriver.logic.FilterRules;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.Windows;
import java.util.ArrayList;
import java.util.List;
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
    private static final Fields TOPIC = new Fields(Names.TOPIC);

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
        List<Stream> deadLetters = new ArrayList<>();

        String sessions = c.topics().sessions();
        // One batch group for both spouts: Storm's TridentBoltExecutor keys a bolt's batches by transaction id alone,
        // so two spouts with their own coordinators (two batch groups) colocated in one bolt (the session state and
        // the join's query must be) mix up their batches: a batch of one group reaches the other group's processors
        // before they started it (an NPE in StateQueryProcessor that halts the worker). Merging the two streams puts
        // both spouts under one coordinator, and every batch carries both topics' records.
        Stream both = t.merge(
                tagged(afterSpout.apply(t.newStream(txId(c, weblogs), sources.weblogs()).name(Names.WEBLOGS_SPOUT)),
                        weblogs),
                // unnamed: Trident names a bolt after its nodes, and the merge after its named inputs
                tagged(t.newStream(txId(c, sessions), sources.sessions()), sessions)).name(Names.PARSE);
        FutureTimeRule future = FutureTimeRule.of(c.maxFutureMs());
        ParseRequests parse = new ParseRequests(weblogs, future);
        Stream parsed = both.each(TOPIC, new KindIs(weblogs))
                .each(KafkaRecordTranslator.FIELDS, parse, new Fields(Names.REQUEST, Names.KEY, Names.MESSAGE))
                .name(Names.PARSE).parallelismHint(n);
        deadLetters.add(parsed.each(new Fields(Names.KEY), new NotNull()));

        Stream checked = parsed
                .each(new Fields(Names.CONTROL, Names.REQUEST), new Accepted(new FilterRules(c.dropLevels(),
                        c.dropUrlPrefixes()))).name(Names.FILTER)
                .partitionBy(new Fields(Names.PARTITION))
                .partitionPersist(new LatenessState.Factory(c.windowSizeMs(), c.latenessMs(), future),
                        LatenessUpdater.INPUT, new LatenessUpdater(new Windows(c.windowSizeMs()), weblogs),
                        LatenessUpdater.OUTPUT)
                .parallelismHint(n).newValuesStream();
        deadLetters.add(checked.each(KIND, new KindIs(LatenessUpdater.LATE)));

        Stream windowUpdates = checked.each(KIND, new KindIs(LatenessUpdater.RECORD))
                .stateQuery(sessionTable(both.each(TOPIC, new KindIs(sessions)), c, deadLetters), new Fields(Names.REQUEST),
                        new SessionLookup(), new Fields(Names.ORG_ID))
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
        deadLetters.add(closed.each(new Fields("sink"), new KindIs(CloserUpdater.DLQ)));
        // one sink per topic: two Kafka states in one bolt would register the same metric twice. Trident names a merge
        // after its named inputs (and a bolt after its nodes), so only the first input carries the sink's name.
        List<Stream> rows = new ArrayList<>();
        for (Stream s : deadLetters) {
            rows.add(s.name(rows.isEmpty() ? Names.SINK : null).project(ROW));
        }
        t.merge(ROW, rows).name(Names.SINK).partitionPersist(sinks.deadLetters(), ROW, new CountingKafkaUpdater("dlq"));
        return t.build();
    }

    /** The session table: valid session records into Trident state on every partition, invalid ones dead-lettered. */
    private static TridentState sessionTable(Stream records, LogriverConfig c, List<Stream> deadLetters) {
        String topic = c.topics().sessions();
        Stream parsed = records
                .each(KafkaRecordTranslator.FIELDS, new ParseSessions(topic), new Fields(Names.SESSION, Names.KEY,
                        Names.MESSAGE)).name(Names.PARSE_SESSIONS);
        deadLetters.add(parsed.each(new Fields(Names.KEY), new NotNull()));
        return parsed.each(new Fields(Names.SESSION), new NotNull()).broadcast()
                .partitionPersist(new SessionState.Factory(c.bootstrapServers(), topic),
                        new Fields(Names.SESSION, Names.PARTITION, Names.OFFSET), new SessionUpdater())
                .parallelismHint(c.trident().parallelism());
    }

    /** The spout's records with the topic they came from, so the two spouts' streams can be merged. */
    private static Stream tagged(Stream records, String topic) {
        return records.each(new Fields(), new Constant(topic), TOPIC);
    }

    /** The id under which Trident keeps a spout's transactional state (unique per consumer group and topic). */
    private static String txId(LogriverConfig c, String topic) {
        return c.consumerGroup() + "-trident-" + topic;
    }
}
