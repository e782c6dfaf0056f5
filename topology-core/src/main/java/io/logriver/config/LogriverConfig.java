package io.logriver.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every logriver setting, typed and validated. Defaults live in {@code resources/logriver.yaml}; {@link ConfigLoader}
 * layers {@code --config FILE} and {@code -c key=value} on top. Keys starting with {@code topology.} or
 * {@code storm.} are Storm's own and pass through to the topology configuration unchanged.
 */
public record LogriverConfig(
        String bootstrapServers,
        Topics topics,
        long windowSizeMs,
        long latenessMs,
        long joinWaitMs,
        long clockIntervalMs,
        long maxFutureMs,
        List<String> dropLevels,
        List<String> dropUrlPrefixes,
        Parallelism parallelism,
        String consumerGroup,
        String firstPoll,
        long startTimestampMs,
        Generator generator,
        int liveViewIntervalS,
        int metricsIntervalS,
        long offsetCommitPeriodMs,
        String sinkGrouping,
        boolean benchProbe,
        Trident trident,
        StateStore state,
        Map<String, Object> storm,
        Map<String, Object> profiles) implements Serializable {

    public static final String BOOTSTRAP_SERVERS = "logriver.kafka.bootstrap.servers";
    public static final String TOPIC_WEBLOGS = "logriver.topic.weblogs";
    public static final String TOPIC_SESSIONS = "logriver.topic.sessions";
    public static final String TOPIC_STATS = "logriver.topic.stats";
    public static final String TOPIC_DLQ = "logriver.topic.dlq";
    public static final String TOPIC_PARTITIONS = "logriver.topic.partitions";
    public static final String WINDOW_SIZE_MS = "logriver.window.size.ms";
    public static final String LATENESS_MS = "logriver.window.lateness.ms";
    public static final String JOIN_WAIT_MS = "logriver.join.wait.ms";
    public static final String CLOCK_INTERVAL_MS = "logriver.clock.interval.ms";
    public static final String MAX_FUTURE_MS = "logriver.time.max.future.ms";
    public static final String DROP_LEVELS = "logriver.filter.drop.levels";
    public static final String DROP_URL_PREFIXES = "logriver.filter.drop.url.prefixes";
    public static final String PARALLELISM_PREFIX = "logriver.parallelism.";
    public static final String CONSUMER_GROUP = "logriver.kafka.consumer.group";
    public static final String FIRST_POLL = "logriver.kafka.first.poll";
    /** Where a spout starts when it has no offsets yet (the names of Storm's FirstPollOffsetStrategy). */
    public static final List<String> FIRST_POLL_STRATEGIES = List.of("UNCOMMITTED_EARLIEST", "UNCOMMITTED_LATEST",
            "UNCOMMITTED_TIMESTAMP", "EARLIEST", "LATEST", "TIMESTAMP");
    public static final String START_TIMESTAMP_MS = "logriver.kafka.start.timestamp.ms";
    public static final String GENERATOR_RATE = "logriver.generator.rate";
    public static final String GENERATOR_SESSIONS = "logriver.generator.sessions";
    public static final String GENERATOR_SEED = "logriver.generator.seed";
    public static final String LIVE_VIEW_INTERVAL_S = "logriver.liveview.interval.s";
    /** Latency histograms report the values of the last complete interval of this many seconds. */
    public static final String METRICS_INTERVAL_S = "logriver.metrics.interval.s";
    /** How often the core Kafka spouts commit the offsets of acknowledged records. */
    public static final String OFFSET_COMMIT_PERIOD_MS = "logriver.kafka.offset.commit.period.ms";
    /** How core's dead letters and window records reach the sink tasks. */
    public static final String SINK_GROUPING = "logriver.sink.grouping";
    /** {@code shuffle}: any sink task; {@code local-or-shuffle}: a sink task of the same worker when there is one. */
    public static final List<String> SINK_GROUPINGS = List.of("shuffle", "local-or-shuffle");
    public static final String BENCH_PROBE = "logriver.bench.probe";
    public static final String TRIDENT_MAX_POLL_RECORDS = "logriver.trident.max.poll.records";
    public static final String TRIDENT_PARALLELISM = "logriver.trident.parallelism";
    public static final String TRIDENT_FETCH_WAIT_MS = "logriver.trident.fetch.wait.ms";
    public static final String STATE_BACKEND = "logriver.state.backend";
    public static final String REDIS_URL = "logriver.redis.url";
    /** Where the topologies keep their state: Redis (durable), or the workers' memory (lost with a worker). */
    public static final List<String> STATE_BACKENDS = List.of("redis", "memory");
    /** The topology modes; {@code logriver.MODE.topology.KEY} overrides {@code topology.KEY} in that mode only. */
    public static final List<String> MODES = List.of("core", "trident");

    static final Set<String> KEYS = Set.of(BOOTSTRAP_SERVERS, TOPIC_WEBLOGS, TOPIC_SESSIONS, TOPIC_STATS, TOPIC_DLQ,
            TOPIC_PARTITIONS, WINDOW_SIZE_MS, LATENESS_MS, JOIN_WAIT_MS, CLOCK_INTERVAL_MS, MAX_FUTURE_MS, DROP_LEVELS,
            DROP_URL_PREFIXES, CONSUMER_GROUP, FIRST_POLL, START_TIMESTAMP_MS, GENERATOR_RATE, GENERATOR_SESSIONS, GENERATOR_SEED,
            LIVE_VIEW_INTERVAL_S, METRICS_INTERVAL_S, OFFSET_COMMIT_PERIOD_MS, SINK_GROUPING, BENCH_PROBE, TRIDENT_MAX_POLL_RECORDS, TRIDENT_PARALLELISM,
            TRIDENT_FETCH_WAIT_MS, STATE_BACKEND, REDIS_URL);

    /** Topic names, and the partition count of the request topic. */
    public record Topics(String weblogs, String sessions, String stats, String dlq, int partitions)
            implements Serializable {
    }

    /** Executors per component. */
    public record Parallelism(int spout, int parse, int filter, int join, int aggregate, int sink)
            implements Serializable {
        static final List<String> NAMES = List.of("spout", "parse", "filter", "join", "aggregate", "sink");
    }

    /**
     * Trident's own settings (its batch interval and spout pending are Storm keys, set per mode).
     *
     * @param fetchWaitMs how long the broker holds a batch's fetch of a partition with no new records (the spout's
     *                    poll waits twice that): every batch polls every partition of both topics in turn, so a quiet
     *                    partition delays the whole batch by this much
     */
    public record Trident(int maxPollRecords, int parallelism, int fetchWaitMs) implements Serializable {
    }

    /**
     * Where state lives.
     *
     * @param backend   {@code redis} or {@code memory}
     * @param redisHost the Redis server of the {@code redis} backend
     * @param redisPort its port
     */
    public record StateStore(String backend, String redisHost, int redisPort) implements Serializable {
        public boolean durable() {
            return backend.equals("redis");
        }

        /** HOST:PORT of the Redis server. */
        public String redisAddress() {
            return redisHost + ":" + redisPort;
        }
    }

    /** The data generator of {@code bin/logriver run}. */
    public record Generator(int rate, int sessions, long seed) implements Serializable {
    }

    /** Validates a flat key/value map (every key present) into the typed configuration. */
    public static LogriverConfig fromMap(Map<String, Object> values) {
        Map<String, Object> storm = new TreeMap<>();
        Map<String, Object> profiles = new TreeMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String k = e.getKey();
            String profiled = stormKeyOfProfile(k);
            if (k.startsWith("topology.") || k.startsWith("storm.") || profiled != null) {
                if (e.getValue() == null) {
                    throw new ConfigException(k + ": no value given");
                }
                (profiled == null ? storm : profiles).put(k, e.getValue());
            } else if (!KEYS.contains(k) && !(k.startsWith(PARALLELISM_PREFIX)
                    && Parallelism.NAMES.contains(k.substring(PARALLELISM_PREFIX.length())))) {
                throw new ConfigException(k + ": unknown configuration key (logriver keys are listed in README.md)");
            }
        }
        ConfigValues v = new ConfigValues(values);
        String servers = v.string(BOOTSTRAP_SERVERS);
        for (String server : servers.split(",")) {
            String hostPort = server.trim();
            if (!hostPort.matches("[^:\\s]+:\\d{1,5}")
                    || Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) > 65535) {
                throw ConfigValues.bad(BOOTSTRAP_SERVERS, servers, "HOST:PORT[,HOST:PORT...]");
            }
        }
        long windowSize = v.positiveLong(WINDOW_SIZE_MS);
        return new LogriverConfig(servers,
                new Topics(v.string(TOPIC_WEBLOGS), v.string(TOPIC_SESSIONS), v.string(TOPIC_STATS),
                        v.string(TOPIC_DLQ), v.positiveInt(TOPIC_PARTITIONS)),
                windowSize, v.longAtLeast(LATENESS_MS, 0), v.longAtLeast(JOIN_WAIT_MS, 0),
                v.positiveLong(CLOCK_INTERVAL_MS), v.longAtLeast(MAX_FUTURE_MS, 0), v.stringList(DROP_LEVELS),
                v.stringList(DROP_URL_PREFIXES),
                new Parallelism(p(v, "spout"), p(v, "parse"), p(v, "filter"), p(v, "join"), p(v, "aggregate"),
                        p(v, "sink")),
                v.string(CONSUMER_GROUP), v.oneOf(FIRST_POLL, FIRST_POLL_STRATEGIES),
                v.longAtLeast(START_TIMESTAMP_MS, 0),
                new Generator(v.positiveInt(GENERATOR_RATE), v.positiveInt(GENERATOR_SESSIONS),
                        v.longAtLeast(GENERATOR_SEED, 0)),
                v.positiveInt(LIVE_VIEW_INTERVAL_S), v.positiveInt(METRICS_INTERVAL_S),
                v.positiveLong(OFFSET_COMMIT_PERIOD_MS), v.oneOf(SINK_GROUPING, SINK_GROUPINGS), v.bool(BENCH_PROBE),
                new Trident(v.positiveInt(TRIDENT_MAX_POLL_RECORDS), v.positiveInt(TRIDENT_PARALLELISM),
                        v.positiveInt(TRIDENT_FETCH_WAIT_MS)),
                stateStore(v),
                Map.copyOf(storm), Map.copyOf(profiles));
    }

    /** {@code redis://HOST:PORT} or {@code HOST:PORT}. */
    private static StateStore stateStore(ConfigValues v) {
        String url = v.string(REDIS_URL);
        String hostPort = url.startsWith("redis://") ? url.substring("redis://".length()) : url;
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")
                || Integer.parseInt(hostPort.substring(colon + 1)) > 65535 || hostPort.substring(0, colon).contains("/")) {
            throw ConfigValues.bad(REDIS_URL, url, "redis://HOST:PORT");
        }
        return new StateStore(v.oneOf(STATE_BACKEND, STATE_BACKENDS), hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** The Storm key a mode profile key overrides ({@code logriver.trident.topology.X} gives {@code topology.X}), or null. */
    static String stormKeyOfProfile(String key) {
        for (String mode : MODES) {
            String prefix = "logriver." + mode + ".";
            if (key.startsWith(prefix + "topology.") || key.startsWith(prefix + "storm.")) {
                return key.substring(prefix.length());
            }
        }
        return null;
    }

    /** Storm's settings for one mode: the common ones, overridden by the mode's profile. */
    public Map<String, Object> stormFor(String mode) {
        if (!MODES.contains(mode)) {
            throw new ConfigException("mode " + mode + ": expected one of " + MODES);
        }
        Map<String, Object> m = new TreeMap<>(storm);
        String prefix = "logriver." + mode + ".";
        profiles.forEach((k, value) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), value);
            }
        });
        return m;
    }

    private static int p(ConfigValues v, String name) {
        return v.positiveInt(PARALLELISM_PREFIX + name);
    }

    /** Every setting as flat key/value pairs, as the Storm UI shows them in the topology configuration. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(storm);
        m.putAll(profiles);
        m.put(BOOTSTRAP_SERVERS, bootstrapServers);
        m.put(TOPIC_WEBLOGS, topics.weblogs());
        m.put(TOPIC_SESSIONS, topics.sessions());
        m.put(TOPIC_STATS, topics.stats());
        m.put(TOPIC_DLQ, topics.dlq());
        m.put(TOPIC_PARTITIONS, topics.partitions());
        m.put(WINDOW_SIZE_MS, windowSizeMs);
        m.put(LATENESS_MS, latenessMs);
        m.put(JOIN_WAIT_MS, joinWaitMs);
        m.put(CLOCK_INTERVAL_MS, clockIntervalMs);
        m.put(MAX_FUTURE_MS, maxFutureMs);
        m.put(DROP_LEVELS, dropLevels);
        m.put(DROP_URL_PREFIXES, dropUrlPrefixes);
        List<Integer> ps = List.of(parallelism.spout(), parallelism.parse(), parallelism.filter(),
                parallelism.join(), parallelism.aggregate(), parallelism.sink());
        for (int i = 0; i < ps.size(); i++) {
            m.put(PARALLELISM_PREFIX + Parallelism.NAMES.get(i), ps.get(i));
        }
        m.put(CONSUMER_GROUP, consumerGroup);
        m.put(FIRST_POLL, firstPoll);
        m.put(START_TIMESTAMP_MS, startTimestampMs);
        m.put(GENERATOR_RATE, generator.rate());
        m.put(GENERATOR_SESSIONS, generator.sessions());
        m.put(GENERATOR_SEED, generator.seed());
        m.put(LIVE_VIEW_INTERVAL_S, liveViewIntervalS);
        m.put(METRICS_INTERVAL_S, metricsIntervalS);
        m.put(OFFSET_COMMIT_PERIOD_MS, offsetCommitPeriodMs);
        m.put(SINK_GROUPING, sinkGrouping);
        m.put(BENCH_PROBE, benchProbe);
        m.put(TRIDENT_MAX_POLL_RECORDS, trident.maxPollRecords());
        m.put(TRIDENT_PARALLELISM, trident.parallelism());
        m.put(TRIDENT_FETCH_WAIT_MS, trident.fetchWaitMs());
        m.put(STATE_BACKEND, state.backend());
        m.put(REDIS_URL, "redis://" + state.redisAddress());
        return m;
    }

    /** A copy with some keys replaced, validated again. */
    public LogriverConfig with(Map<String, Object> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(toMap());
        m.putAll(overrides);
        return fromMap(m);
    }
}
