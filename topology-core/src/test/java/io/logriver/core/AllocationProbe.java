package io.logriver.core;

import com.codahale.metrics.Counter;
import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricSet;
import io.logriver.config.ConfigLoader;
import io.logriver.core.bolt.AggregateBolt;
import io.logriver.core.bolt.ParseBolt;
import io.logriver.core.bolt.PartitionBolt;
import io.logriver.core.bolt.SessionSnapshot;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.window.Windows;
import io.logriver.names.Names;
import io.logriver.storm.spout.RewindingKafkaSpout;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.storm.state.InMemoryKeyValueState;
import org.apache.storm.task.GeneralTopologyContext;
import org.apache.storm.task.IOutputCollector;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.TupleImpl;

/**
 * Bytes that logriver's own code allocates per request record on the core path, outside Storm: the record translator
 * of the Kafka spout, {@code parse}, the partition stage (durable: its checkpoint written every 3,000 records) and
 * {@code aggregate}, each run on every record before the next stage (so each thread's allocation counter measures one
 * stage), with Storm's metric types (histograms on Storm's decaying reservoir where a bolt asks Storm for one). What
 * Storm allocates around a tuple (its executor, queues, acker) is not in these figures. Records have the shape of the
 * live generator's: the same fields, ISO timestamps, string durations; 400 live sessions, a new one every 200 requests.
 * Two rounds warm the JIT up before the measured one. Run, after {@code mvn -B -q install -DskipTests}:
 * <pre>
 * mvn -q -pl topology-core exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.logriver.core.AllocationProbe \
 *     -Dexec.args=200000
 * </pre>
 */
public final class AllocationProbe {
    private static final int CHECKPOINT_EVERY = 3_000;
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final String[] URLS = {"/app/page/analyze", "/app/page/dashboard", "/app/api/chartdata",
        "/app/api/search", "/app/page/home", "/static/js/app.js", "/health"};

    private final Random random = new Random(42);
    private final List<String> sessions = new ArrayList<>();
    private final List<String> newSessions = new ArrayList<>();
    private final Lean out = new Lean();
    private final KafkaRecordTranslator translator = new KafkaRecordTranslator();
    private final ParseBolt parse = new ParseBolt(new FilterRules(List.of("DEBUG", "TRACE"),
            List.of("/static/", "/health")), FutureTimeRule.of(300_000));
    private final PartitionBolt partition = new PartitionBolt(new Windows(10_000), 5_000, FutureTimeRule.of(300_000),
            2_000, 100, new PartitionBolt.Topics("weblogs", "dlq"), SessionSnapshot.none(), true, "none");
    private final AggregateBolt aggregate = new AggregateBolt(new Windows(10_000), 1, "weblog-stats", true);
    private long offset;
    private long txid;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        AllocationProbe probe = new AllocationProbe();
        probe.prepare();
        probe.round(n, false);
        probe.round(n, false);
        probe.round(n, true);
    }

    private void prepare() {
        Map<String, Object> conf = new HashMap<>(ConfigLoader.defaultConfig().topologyMap());
        parse.prepare(conf, context(), new OutputCollector(out));
        partition.prepare(conf, context(), new OutputCollector(out));
        partition.initState(new InMemoryKeyValueState<>());
        aggregate.prepare(conf, context(), new OutputCollector(out));
        aggregate.initState(new InMemoryKeyValueState<>());
    }

    /**
     * A context whose metrics are of the types Storm's registry gives. Not a Mockito mock: mocking TopologyContext
     * instruments the class, and every tuple's field lookup (through its context) would then allocate in Mockito.
     */
    private static TopologyContext context() {
        return new TopologyContext(null, new HashMap<>(), new HashMap<>(), null, new HashMap<>(), null, "probe", null,
                null, 1, null, null, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new AtomicBoolean(false), null) {
            @Override
            public Counter registerCounter(String name) {
                return new Counter();
            }

            @Override
            public Histogram registerHistogram(String name) {
                return new Histogram(new ExponentiallyDecayingReservoir());
            }

            @Override
            public <T> Gauge<T> registerGauge(String name, Gauge<T> gauge) {
                return gauge;
            }

            @Override
            public void registerMetricSet(String prefix, MetricSet set) {
                // logriver's own histograms: nothing to register here
            }
        };
    }

    /** The output fields of every stream a probed bolt reads, for the tuples' field lookups. */
    private static final List<String> SOURCES = List.of(Names.WEBLOGS_SPOUT, Names.PARSE, Names.PARSE_SESSIONS,
            Names.CLOCK_SPOUT, Names.PARTITION_STAGE);
    private static final GeneralTopologyContext TUPLES = new GeneralTopologyContext(null, new HashMap<>(),
            Map.of(0, SOURCES.get(0), 1, SOURCES.get(1), 2, SOURCES.get(2), 3, SOURCES.get(3), 4, SOURCES.get(4)),
            null, Map.of(
                    Names.WEBLOGS_SPOUT, Map.of("default", KafkaRecordTranslator.FIELDS),
                    Names.PARSE, Map.of("default", ParseBolt.FIELDS),
                    Names.PARSE_SESSIONS, Map.of("default", new Fields(Names.PARTITION, Names.OFFSET, Names.SESSION)),
                    Names.CLOCK_SPOUT, Map.of("default", new Fields(Names.NOW)),
                    Names.PARTITION_STAGE, Map.of("default", PartitionBolt.PARTIAL,
                            Names.WATERMARK_STREAM, new Fields(Names.PARTITION, Names.WATERMARK))),
            "probe");

    private void round(int n, boolean report) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(n);
        List<Tuple> sessionTuples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long now = START + offset / 3; // 3,000 records a second of event time
            records.add(record(now));
            sessionTuples.add(newSessions.isEmpty() ? null : sessionTuple(newSessions.remove(0)));
        }
        List<List<Object>> translated = new ArrayList<>(n);
        long translate = measure(() -> records.forEach(r -> translated.add(translator.apply(r))));
        long incarnation = RewindingKafkaSpout.nextIncarnation(); // as the spout sets it: after the stage's restore
        translated.forEach(v -> v.set(KafkaRecordTranslator.INCARNATION_INDEX, incarnation));
        List<Tuple> spoutTuples = tuples(translated, Names.WEBLOGS_SPOUT, "default");
        out.clear(n);
        long parsing = measure(() -> spoutTuples.forEach(parse::execute));
        List<Tuple> parsed = tuples(out.values(), Names.PARSE, "default");
        out.clear(2 * n);
        Tuple clock = tuple(List.of(0L), Names.CLOCK_SPOUT, "default");
        long partitioning = measure(() -> {
            for (int i = 0; i < n; i++) {
                if (sessionTuples.get(i) != null) {
                    partition.execute(sessionTuples.get(i));
                }
                partition.execute(parsed.get(i));
                if (i % 300 == 0) {
                    partition.execute(clock);
                }
                if (i % CHECKPOINT_EVERY == 0) {
                    partition.prePrepare(++txid);
                }
            }
        });
        List<Tuple> shares = new ArrayList<>();
        for (int i = 0; i < out.values().size(); i++) {
            String stream = out.streams().get(i);
            if (stream.equals("default") || stream.equals(Names.WATERMARK_STREAM)) {
                shares.add(tuple(out.values().get(i), Names.PARTITION_STAGE, stream));
            }
        }
        out.clear(n);
        long aggregating = measure(() -> {
            shares.forEach(aggregate::execute);
            aggregate.prePrepare(++txid);
        });
        if (report) {
            System.out.printf("bytes allocated per request record, %,d records (%,d shares and watermarks to aggregate):%n",
                    n, shares.size());
            System.out.printf("  translate %,8.0f%n  parse     %,8.0f%n  partition %,8.0f%n  aggregate %,8.0f%n"
                    + "  total     %,8.0f%n", per(translate, n), per(parsing, n), per(partitioning, n),
                    per(aggregating, n), per(translate + parsing + partitioning + aggregating, n));
        }
    }

    private static double per(long bytes, int n) {
        return (double) bytes / n;
    }

    private static long measure(Runnable r) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        r.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /** The next request record at {@code now}, in the shape of the live generator's, on partition 0. */
    private ConsumerRecord<String, byte[]> record(long now) {
        if (sessions.size() < 400 || random.nextInt(200) == 0) {
            String id = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            sessions.add(id);
            newSessions.add(id);
        }
        String session = sessions.get(random.nextInt(sessions.size()));
        long eventTime = now - random.nextInt(50);
        String level = random.nextInt(100) < 5 ? "DEBUG" : random.nextInt(100) == 0 ? "ERROR" : "INFO";
        String json = "{\"timestamp\":\"" + Instant.ofEpochMilli(eventTime) + "\",\"method\":\"GET\",\"webURL\":\""
                + URLS[random.nextInt(URLS.length)] + "\",\"webParams\":\"null\",\"sessionID\":\"" + session
                + "\",\"requestID\":\"" + new UUID(random.nextLong(), random.nextLong())
                + "\",\"class\":\"com.orgmanager.handlers.RequestHandler\",\"startMillis\":\"" + eventTime
                + "\",\"durationMillis\":\"" + Math.round(Math.exp(3.3 + random.nextGaussian() * 0.9))
                + "\",\"status\":200,\"level\":\"" + level + "\",\"message\":\"Duration Log\"}";
        RecordHeaders headers = new RecordHeaders();
        headers.add(Names.SCHED_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array());
        byte[] value = json.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>("weblogs", 0, offset++, eventTime, TimestampType.CREATE_TIME, -1, value.length,
                session, value, headers, java.util.Optional.empty());
    }

    private static Tuple sessionTuple(String id) {
        io.logriver.logic.parse.Session s = new io.logriver.logic.parse.Session(id, "user-1", "org-" + Math.floorMod(id.hashCode(), 25));
        return tuple(List.of(0, 0L, s),
                Names.PARSE_SESSIONS, "default");
    }

    private static List<Tuple> tuples(List<List<Object>> values, String component, String stream) {
        List<Tuple> out = new ArrayList<>(values.size());
        for (List<Object> v : values) {
            out.add(tuple(v, component, stream));
        }
        return out;
    }

    private static Tuple tuple(List<Object> values, String component, String stream) {
        return new TupleImpl(TUPLES, values, component, SOURCES.indexOf(component), stream);
    }

    /** Keeps what the bolts emit, without allocating in the measured part (its lists are sized beforehand). */
    private static final class Lean implements IOutputCollector {
        private List<String> streams = new ArrayList<>();
        private List<List<Object>> values = new ArrayList<>();

        void clear(int capacity) {
            streams = new ArrayList<>(capacity + CHECKPOINT_EVERY);
            values = new ArrayList<>(capacity + CHECKPOINT_EVERY);
        }

        List<String> streams() {
            return streams;
        }

        List<List<Object>> values() {
            return values;
        }

        @Override
        public List<Integer> emit(String streamId, Collection<Tuple> anchors, List<Object> tuple) {
            streams.add(streamId);
            values.add(tuple);
            return null;
        }

        @Override
        public void emitDirect(int taskId, String streamId, Collection<Tuple> anchors, List<Object> tuple) {
        }

        @Override
        public void ack(Tuple input) {
        }

        @Override
        public void fail(Tuple input) {
        }

        @Override
        public void resetTimeout(Tuple input) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void reportError(Throwable error) {
        }
    }
}
