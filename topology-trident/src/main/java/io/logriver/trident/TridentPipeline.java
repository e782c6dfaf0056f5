package io.logriver.trident;

import io.logriver.config.LogriverConfig;
import io.logriver.core.KafkaRecordTranslator;
import io.logriver.core.bolt.PartitionBolt;
import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.trident.ops.Accepted;
import io.logriver.trident.ops.Constant;
import io.logriver.trident.ops.CountingKafkaUpdater;
import io.logriver.trident.ops.KindIs;
import io.logriver.trident.ops.NotNull;
import io.logriver.trident.ops.ParseRequests;
import io.logriver.trident.ops.ParseSessions;
import io.logriver.trident.ops.SessionLookup;
import io.logriver.trident.ops.SessionState;
import io.logriver.trident.ops.SessionUpdater;
import io.logriver.trident.state.StoreLocation;
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
 * The micro-batch topology: the same validate, filter, join, late and aggregate as the core topology, on the same
 * logic classes, in Trident batches. As in core, a partition stage (fields-grouped on the Kafka partition) keeps each
 * partition's watermark and its share of every open window, and hands a share on once the window is final for that
 * partition; a merger (fields-grouped on the window key) adds the shares up and closes each window once the lowest
 * watermark passes it. Both run in the commit phase, where batches come in order, on states that undo a replayed
 * batch's first attempt entirely, so a replayed batch never counts twice and a worker restart loses nothing.
 */
public final class TridentPipeline {

    /**
     * Request and session records, as tuples of {@link KafkaRecordTranslator#FIELDS}, and the sessions written before
     * the topology starts, which every session state reads when it is made.
     */
    public record Sources(ITridentDataSource weblogs, ITridentDataSource sessions, SessionSnapshot sessionSnapshot) {
    }

    /** Where (key, message) rows go: final window records, and dead letters. */
    public record Sinks(StateFactory stats, StateFactory deadLetters) {
    }

    /**
     * Places for a test to put a failure, so batches fail and replay: on the request stream as the spout emits it (the
     * batch fails before any commit), and on the window records before the sink (after the partition stage committed
     * the batch, before the merger did). Identity in production.
     */
    public record Hooks(UnaryOperator<Stream> afterSpout, UnaryOperator<Stream> beforeSink) {
        public static final Hooks NONE = new Hooks(UnaryOperator.identity(), UnaryOperator.identity());
    }

    private static final Fields ROW = new Fields(Names.KEY, Names.MESSAGE);
    private static final Fields TOPIC = new Fields(Names.TOPIC);

    private TridentPipeline() {
    }

    /** The production topology: Kafka in and out. */
    public static StormTopology build(LogriverConfig c) {
        return build(c, TridentKafka.sources(c), TridentKafka.sinks(c), Hooks.NONE);
    }

    public static StormTopology build(LogriverConfig c, Sources sources, Sinks sinks, Hooks hooks) {
        TridentTopology t = new TridentTopology();
        int n = c.trident().parallelism();
        String weblogs = c.topics().weblogs();
        String sessions = c.topics().sessions();
        Windows windows = new Windows(c.windowSizeMs());
        StoreLocation store = new StoreLocation(c.state(), txId(c, weblogs));
        List<Stream> deadLetters = new ArrayList<>();

        // One batch group for both spouts: Storm's TridentBoltExecutor keys a bolt's batches by transaction id alone,
        // so two spouts with their own coordinators (two batch groups) colocated in one bolt (the session state and
        // the join's query must be) mix up their batches: a batch of one group reaches the other group's processors
        // before they started it (an NPE in StateQueryProcessor that halts the worker). Merging the two streams puts
        // both spouts under one coordinator, and every batch carries both topics' records.
        Stream both = t.merge(
                tagged(hooks.afterSpout().apply(t.newStream(txId(c, weblogs), sources.weblogs())
                        .name(Names.WEBLOGS_SPOUT)), weblogs),
                // unnamed: Trident names a bolt after its nodes, and the merge after its named inputs
                tagged(t.newStream(txId(c, sessions), sources.sessions()), sessions)).name(Names.PARSE);
        FutureTimeRule future = FutureTimeRule.of(c.maxFutureMs());
        ParseRequests parse = new ParseRequests(weblogs, future);
        Stream parsed = both.each(TOPIC, new KindIs(weblogs))
                .each(KafkaRecordTranslator.FIELDS, parse, new Fields(Names.REQUEST, Names.KEY, Names.MESSAGE))
                .name(Names.PARSE).parallelismHint(n);
        deadLetters.add(parsed.each(new Fields(Names.KEY), new NotNull()));

        Stream stage = parsed
                .each(new Fields(Names.CONTROL, Names.REQUEST), new Accepted(new FilterRules(c.dropLevels(),
                        c.dropUrlPrefixes()))).name(Names.FILTER)
                .stateQuery(sessionTable(both.each(TOPIC, new KindIs(sessions)), c, sources.sessionSnapshot(),
                                deadLetters),
                        new Fields(Names.REQUEST), new SessionLookup(), new Fields(Names.SESSION)).name(Names.JOIN)
                .project(CollectArrivals.INPUT)
                .partitionBy(new Fields(Names.PARTITION))
                .partitionAggregate(CollectArrivals.INPUT, new CollectArrivals(), CollectArrivals.OUTPUT)
                .name(Names.PARTITION_STAGE)
                .partitionPersist(new StageState.Factory(store, windows, c.latenessMs(), future), CollectArrivals.OUTPUT,
                        new StageUpdater(weblogs, c.latencyHook()), StageUpdater.OUTPUT)
                .parallelismHint(n).newValuesStream();
        // repartitioned here, so the stage's output is split in the stage's own bolt: only plain rows cross bolts
        deadLetters.add(part(stage, StageRows.Part.LATE).shuffle());

        Stream closed = t.multiReduce(List.of(PartitionBolt.PARTIAL, StageRows.Part.WATERMARKS.fields), List.of(
                        part(stage, StageRows.Part.SHARES)
                                .partitionBy(new Fields(Names.WINDOW_START, Names.ORG_ID, Names.URL_KEY)),
                        part(stage, StageRows.Part.WATERMARKS).broadcast()),
                        new MergerInput(), MergerInput.OUTPUT).name(Names.AGGREGATE)
                .partitionPersist(new MergerState.Factory(store, windows, c.topics().partitions()), MergerInput.OUTPUT,
                        new MergerUpdater(), MergerUpdater.OUTPUT)
                .parallelismHint(n).newValuesStream();
        hooks.beforeSink().apply(closed).name(Names.SINK)
                .partitionPersist(sinks.stats(), ROW, new CountingKafkaUpdater("stats"));

        // one sink per topic: two Kafka states in one bolt would register the same metric twice. Trident names a merge
        // after its named inputs (and a bolt after its nodes), so only the first input carries the sink's name.
        List<Stream> rows = new ArrayList<>();
        for (Stream s : deadLetters) {
            rows.add(s.name(rows.isEmpty() ? Names.SINK : null).project(ROW));
        }
        t.merge(ROW, rows).name(Names.SINK).partitionPersist(sinks.deadLetters(), ROW, new CountingKafkaUpdater("dlq"));
        return t.build();
    }

    /** One part of the partition stage's output, as plain rows. */
    private static Stream part(Stream stage, StageRows.Part part) {
        return stage.each(StageUpdater.OUTPUT, new StageRows(part), part.fields).project(part.fields);
    }

    /** The session table: valid session records into Trident state on every partition, invalid ones dead-lettered. */
    private static TridentState sessionTable(Stream records, LogriverConfig c, SessionSnapshot snapshot,
                                             List<Stream> deadLetters) {
        String topic = c.topics().sessions();
        Stream parsed = records
                .each(KafkaRecordTranslator.FIELDS, new ParseSessions(topic), new Fields(Names.SESSION, Names.KEY,
                        Names.MESSAGE)).name(Names.PARSE_SESSIONS);
        deadLetters.add(parsed.each(new Fields(Names.KEY), new NotNull()));
        return parsed.each(new Fields(Names.SESSION), new NotNull()).broadcast()
                .partitionPersist(new SessionState.Factory(snapshot),
                        new Fields(Names.SESSION, Names.PARTITION, Names.OFFSET), new SessionUpdater())
                .parallelismHint(c.trident().parallelism());
    }

    /** The spout's records with the topic they came from, so the two spouts' streams can be merged. */
    private static Stream tagged(Stream records, String topic) {
        return records.each(new Fields(), new Constant(topic), TOPIC);
    }

    /** The id under which Trident keeps a spout's transactional state (unique per consumer group and topic). */
    static String txId(LogriverConfig c, String topic) {
        return c.consumerGroup() + "-trident-" + topic;
    }
}
