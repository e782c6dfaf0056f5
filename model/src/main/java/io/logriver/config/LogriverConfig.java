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
    static final String PARALLELISM_SPOUT = PARALLELISM_PREFIX + "spout";
    static final String PARALLELISM_PARSE = PARALLELISM_PREFIX + "parse";
    static final String PARALLELISM_JOIN = PARALLELISM_PREFIX + "join";
    static final String PARALLELISM_AGGREGATE = PARALLELISM_PREFIX + "aggregate";
    static final String PARALLELISM_SINK = PARALLELISM_PREFIX + "sink";
    public static final String CONSUMER_GROUP = "logriver.kafka.consumer.group";
    /** Where a spout starts when it has no offsets yet (the names of Storm's FirstPollOffsetStrategy). */
    public static final List<String> FIRST_POLL_STRATEGIES = List.of("UNCOMMITTED_EARLIEST", "UNCOMMITTED_LATEST",
            "UNCOMMITTED_TIMESTAMP", "EARLIEST", "LATEST", "TIMESTAMP");
    public static final String FIRST_POLL = "logriver.kafka.first.poll";
    public static final String START_TIMESTAMP_MS = "logriver.kafka.start.timestamp.ms";
    public static final String GENERATOR_RATE = "logriver.generator.rate";
    public static final String GENERATOR_SESSIONS = "logriver.generator.sessions";
    public static final String GENERATOR_SEED = "logriver.generator.seed";
    public static final String LIVE_VIEW_INTERVAL_S = "logriver.liveview.interval.s";
    /** Latency histograms report the values of the last complete interval of this many seconds. */
    public static final String METRICS_INTERVAL_S = "logriver.metrics.interval.s";
    /** How often the core Kafka spouts commit the offsets of acknowledged records. */
    public static final String OFFSET_COMMIT_PERIOD_MS = "logriver.kafka.offset.commit.period.ms";
    /** {@code shuffle}: any sink task; {@code local-or-shuffle}: a sink task of the same worker when there is one. */
    public static final List<String> SINK_GROUPINGS = List.of("shuffle", "local-or-shuffle");
    /** How core's dead letters and window records reach the sink tasks. */
    public static final String SINK_GROUPING = "logriver.sink.grouping";
    public static final String BENCH_PROBE = "logriver.bench.probe";
    public static final String TRIDENT_PROFILE = "logriver.trident.profile";
    public static final String TRIDENT_MAX_POLL_RECORDS = "logriver.trident.max.poll.records";
    public static final String TRIDENT_PARALLELISM = "logriver.trident.parallelism";
    public static final String TRIDENT_FETCH_WAIT_MS = "logriver.trident.fetch.wait.ms";
    public static final String STATE_BACKEND = "logriver.state.backend";
    /** {@code redis://HOST:PORT} or {@code HOST:PORT}; read as part of {@link StateStore}. */
    public static final String REDIS_URL = "logriver.redis.url";

    /** Every logriver key with how its value is read and checked, and where the typed configuration holds it. */
    private static final KeyTable TABLE = new KeyTable()
            .key(BOOTSTRAP_SERVERS, LogriverConfig::servers, LogriverConfig::bootstrapServers)
            .key(TOPIC_WEBLOGS, ConfigValues::string, c -> c.topics().weblogs())
            .key(TOPIC_SESSIONS, ConfigValues::string, c -> c.topics().sessions())
            .key(TOPIC_STATS, ConfigValues::string, c -> c.topics().stats())
            .key(TOPIC_DLQ, ConfigValues::string, c -> c.topics().dlq())
            .key(TOPIC_PARTITIONS, ConfigValues::positiveInt, c -> c.topics().partitions())
            .key(WINDOW_SIZE_MS, ConfigValues::positiveLong, LogriverConfig::windowSizeMs)
            .key(LATENESS_MS, (v, k) -> v.longAtLeast(k, 0), LogriverConfig::latenessMs)
            .key(JOIN_WAIT_MS, (v, k) -> v.longAtLeast(k, 0), LogriverConfig::joinWaitMs)
            .key(CLOCK_INTERVAL_MS, ConfigValues::positiveLong, LogriverConfig::clockIntervalMs)
            .key(MAX_FUTURE_MS, (v, k) -> v.longAtLeast(k, 0), LogriverConfig::maxFutureMs)
            .key(DROP_LEVELS, ConfigValues::stringList, LogriverConfig::dropLevels)
            .key(DROP_URL_PREFIXES, ConfigValues::stringList, LogriverConfig::dropUrlPrefixes)
            .key(PARALLELISM_SPOUT, ConfigValues::positiveInt, c -> c.parallelism().spout())
            .key(PARALLELISM_PARSE, ConfigValues::positiveInt, c -> c.parallelism().parse())
            .key(PARALLELISM_JOIN, ConfigValues::positiveInt, c -> c.parallelism().join())
            .key(PARALLELISM_AGGREGATE, ConfigValues::positiveInt, c -> c.parallelism().aggregate())
            .key(PARALLELISM_SINK, ConfigValues::positiveInt, c -> c.parallelism().sink())
            .key(CONSUMER_GROUP, ConfigValues::string, LogriverConfig::consumerGroup)
            .key(FIRST_POLL, (v, k) -> v.oneOf(k, FIRST_POLL_STRATEGIES), LogriverConfig::firstPoll)
            .key(START_TIMESTAMP_MS, (v, k) -> v.longAtLeast(k, 0), LogriverConfig::startTimestampMs)
            .launcherKey(GENERATOR_RATE, ConfigValues::positiveInt, c -> c.generator().rate())
            .launcherKey(GENERATOR_SESSIONS, ConfigValues::positiveInt, c -> c.generator().sessions())
            .launcherKey(GENERATOR_SEED, (v, k) -> v.longAtLeast(k, 0), c -> c.generator().seed())
            .launcherKey(LIVE_VIEW_INTERVAL_S, ConfigValues::positiveInt, LogriverConfig::liveViewIntervalS)
            .key(METRICS_INTERVAL_S, ConfigValues::positiveInt, LogriverConfig::metricsIntervalS)
            .key(OFFSET_COMMIT_PERIOD_MS, ConfigValues::positiveLong, LogriverConfig::offsetCommitPeriodMs)
            .key(SINK_GROUPING, (v, k) -> v.oneOf(k, SINK_GROUPINGS), LogriverConfig::sinkGrouping)
            .key(BENCH_PROBE, ConfigValues::bool, LogriverConfig::benchProbe)
            .key(TRIDENT_PROFILE, (v, k) -> v.oneOf(k, TridentProfile.ids()), c -> c.trident().profile().id())
            .key(TRIDENT_MAX_POLL_RECORDS, (v, k) -> v.intAtLeast(k, 0), c -> c.trident().maxPollSetting())
            .key(TRIDENT_PARALLELISM, ConfigValues::positiveInt, c -> c.trident().parallelism())
            .key(TRIDENT_FETCH_WAIT_MS, ConfigValues::positiveInt, c -> c.trident().fetchWaitMs())
            .key(STATE_BACKEND, (v, k) -> v.oneOf(k, StateBackend.ids()), c -> c.state().backend().id())
            .key(REDIS_URL, ConfigValues::string, c -> "redis://" + c.state().redisAddress());

    /** Keys logriver no longer reads, with what to set instead: a configuration that sets one is refused. */
    private static final Map<String, String> RETIRED = Map.of(PARALLELISM_PREFIX + "filter",
            "the filter runs in the parse bolt: set " + PARALLELISM_PARSE);

    /** Every logriver key (Storm's own and the mode profiles aside). */
    static final Set<String> KEYS = TABLE.names();

    /** Topic names, and the partition count of the request topic. */
    public record Topics(String weblogs, String sessions, String stats, String dlq, int partitions)
            implements Serializable {
    }

    /** Executors per component. */
    public record Parallelism(int spout, int parse, int join, int aggregate, int sink)
            implements Serializable {
    }

    /**
     * Trident's own settings (its batch interval and spout pending are Storm keys, set per mode).
     *
     * @param profile        the named batch setting, which gives what the user leaves unset
     * @param maxPollSetting records per partition and batch as set; 0: the profile's
     * @param fetchWaitMs how long the broker holds a batch's fetch of a partition with no new records (the spout's
     *                    poll waits twice that): every batch polls every partition of both topics in turn, so a quiet
     *                    partition delays the whole batch by this much
     */
    public record Trident(TridentProfile profile, int maxPollSetting, int parallelism, int fetchWaitMs)
            implements Serializable {
        /** Records per partition and batch: as set, or the profile's. */
        public int maxPollRecords() {
            return maxPollSetting > 0 ? maxPollSetting : profile.maxPollRecords();
        }
    }

    /**
     * Where state lives.
     *
     * @param backend   where state lives
     * @param redisHost the Redis server of the {@code redis} backend
     * @param redisPort its port
     */
    public record StateStore(StateBackend backend, String redisHost, int redisPort) implements Serializable {
        public boolean durable() {
            return backend.durable();
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
            } else if (RETIRED.containsKey(k)) {
                throw new ConfigException(k + ": no longer a key (" + RETIRED.get(k) + ")");
            } else if (!KEYS.contains(k)) {
                throw new ConfigException(k + ": unknown configuration key (logriver keys are listed in README.md)");
            }
        }
        KeyTable.Values v = TABLE.read(new ConfigValues(values));
        return new LogriverConfig(v.get(BOOTSTRAP_SERVERS),
                new Topics(v.get(TOPIC_WEBLOGS), v.get(TOPIC_SESSIONS), v.get(TOPIC_STATS), v.get(TOPIC_DLQ),
                        v.get(TOPIC_PARTITIONS)),
                v.get(WINDOW_SIZE_MS), v.get(LATENESS_MS), v.get(JOIN_WAIT_MS), v.get(CLOCK_INTERVAL_MS),
                v.get(MAX_FUTURE_MS), v.get(DROP_LEVELS), v.get(DROP_URL_PREFIXES),
                new Parallelism(v.get(PARALLELISM_SPOUT), v.get(PARALLELISM_PARSE),
                        v.get(PARALLELISM_JOIN), v.get(PARALLELISM_AGGREGATE), v.get(PARALLELISM_SINK)),
                v.get(CONSUMER_GROUP), v.get(FIRST_POLL), v.get(START_TIMESTAMP_MS),
                new Generator(v.get(GENERATOR_RATE), v.get(GENERATOR_SESSIONS), v.get(GENERATOR_SEED)),
                v.get(LIVE_VIEW_INTERVAL_S), v.get(METRICS_INTERVAL_S), v.get(OFFSET_COMMIT_PERIOD_MS),
                v.get(SINK_GROUPING), v.get(BENCH_PROBE),
                new Trident(TridentProfile.of(v.get(TRIDENT_PROFILE)), v.get(TRIDENT_MAX_POLL_RECORDS),
                        v.get(TRIDENT_PARALLELISM), v.get(TRIDENT_FETCH_WAIT_MS)),
                stateStore(v.get(STATE_BACKEND), v.get(REDIS_URL)),
                Map.copyOf(storm), Map.copyOf(profiles));
    }

    /** {@code HOST:PORT[,HOST:PORT...]}. */
    private static String servers(ConfigValues v, String key) {
        String servers = v.string(key);
        for (String server : servers.split(",")) {
            String hostPort = server.trim();
            if (!hostPort.matches("[^:\\s]+:\\d{1,5}")
                    || Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) > 65535) {
                throw ConfigValues.bad(key, servers, "HOST:PORT[,HOST:PORT...]");
            }
        }
        return servers;
    }

    /** {@code redis://HOST:PORT} or {@code HOST:PORT}. */
    private static StateStore stateStore(String backend, String url) {
        String hostPort = url.startsWith("redis://") ? url.substring("redis://".length()) : url;
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")
                || Integer.parseInt(hostPort.substring(colon + 1)) > 65535 || hostPort.substring(0, colon).contains("/")) {
            throw ConfigValues.bad(REDIS_URL, url, "redis://HOST:PORT");
        }
        return new StateStore(StateBackend.of(backend), hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** The Storm key a mode profile key overrides ({@code logriver.trident.topology.X} gives {@code topology.X}), or null. */
    static String stormKeyOfProfile(String key) {
        for (ModeProfile mode : ModeProfile.values()) {
            String prefix = mode.prefix();
            if (key.startsWith(prefix + "topology.") || key.startsWith(prefix + "storm.")) {
                return key.substring(prefix.length());
            }
        }
        return null;
    }

    /**
     * Storm's settings for one mode: the common ones, then (Trident) those of {@code logriver.trident.profile}, then the
     * mode's own ({@code logriver.MODE.topology.X}).
     */
    public Map<String, Object> stormFor(ModeProfile mode) {
        Map<String, Object> m = new TreeMap<>(storm);
        if (mode == ModeProfile.TRIDENT) {
            m.putAll(trident.profile().stormSettings());
        }
        String prefix = mode.prefix();
        profiles.forEach((k, value) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), value);
            }
        });
        return m;
    }

    /** Every setting as flat key/value pairs, as the Storm UI shows them in the topology configuration. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(storm);
        m.putAll(profiles);
        m.putAll(TABLE.values(this));
        return m;
    }

    /**
     * What a topology's configuration holds: {@link #toMap()} less the launcher's own keys (the generator, the live
     * view), which no topology reads.
     */
    public Map<String, Object> topologyMap() {
        Map<String, Object> m = toMap();
        m.keySet().removeAll(TABLE.launcherOnly());
        return m;
    }

    /** A copy whose state lives in {@code backend}. */
    public LogriverConfig withStateBackend(StateBackend backend) {
        return with(Map.of(STATE_BACKEND, backend.id()));
    }

    /** A copy with some keys replaced, validated again. */
    public LogriverConfig with(Map<String, Object> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(toMap());
        m.putAll(overrides);
        return fromMap(m);
    }
}
