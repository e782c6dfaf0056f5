package io.logriver.config;

import io.logriver.logic.AppliedHook;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every logriver setting, typed and validated. Each key is declared once below, as a {@link Key} (name, how its value
 * is read and checked, what it means); the set of known keys, the validation, the flat map and the README's table
 * (ReadmeKeysTest) all come from the declarations. Defaults live in {@code resources/logriver.yaml}, the file a user
 * copies for {@code --config}, beside Storm's keys and the mode profiles that only YAML can hold; {@link ConfigLoader}
 * layers {@code --config FILE} and {@code -c key=value} on top. Keys starting with {@code topology.} or
 * {@code storm.} are Storm's own and pass through to the topology configuration unchanged.
 *
 * @param settings every declared key's value as read, by name: what {@link #toMap()} shows
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
        String latencyHook,
        Trident trident,
        StateStore state,
        Map<String, Object> storm,
        Map<String, Object> profiles,
        Map<String, Object> settings) implements Serializable {

    private static final KeyTable TABLE = new KeyTable();
    private static final String NO_HOOK = "none";

    // Every logriver key, declared once, in the order of the README's configuration table.
    public static final Key<String> BOOTSTRAP_SERVERS = TABLE.add(Key.of("logriver.kafka.bootstrap.servers",
            LogriverConfig::servers,
            "the broker, `HOST:PORT[,HOST:PORT...]`; `run` starts one there (loopback only) if none answers"));
    public static final Key<String> CONSUMER_GROUP = TABLE.add(Key.string("logriver.kafka.consumer.group",
            "consumer group of the spouts; core's offsets and both modes' Redis state are kept under it (Trident keeps"
                    + " its offsets in Storm's ZooKeeper, under an id made from it)"));
    /** Where a spout starts when it has no offsets yet (the names of Storm's FirstPollOffsetStrategy). */
    public static final List<String> FIRST_POLL_STRATEGIES = List.of("UNCOMMITTED_EARLIEST", "UNCOMMITTED_LATEST",
            "UNCOMMITTED_TIMESTAMP", "EARLIEST", "LATEST", "TIMESTAMP");
    public static final Key<String> FIRST_POLL = TABLE.add(Key.oneOf("logriver.kafka.first.poll",
            FIRST_POLL_STRATEGIES, "where a spout without offsets starts: Storm's FirstPollOffsetStrategy"
                    + " (`UNCOMMITTED_EARLIEST`, `UNCOMMITTED_LATEST`, `UNCOMMITTED_TIMESTAMP`, `EARLIEST`, `LATEST`,"
                    + " `TIMESTAMP`)"));
    public static final Key<Long> START_TIMESTAMP_MS = TABLE.add(Key.longAtLeast("logriver.kafka.start.timestamp.ms",
            0, "start time of the `*TIMESTAMP` strategies, epoch ms (live Trident runs set it to the run's start)"));
    public static final Key<Long> OFFSET_COMMIT_PERIOD_MS = TABLE.add(Key.longAtLeast(
            "logriver.kafka.offset.commit.period.ms", 1,
            "core: ms between the spouts' commits of acknowledged offsets (Storm's KafkaSpout default is 30 s)"));
    public static final Key<String> TOPIC_WEBLOGS = TABLE.add(Key.string("logriver.topic.weblogs", "request records"));
    public static final Key<String> TOPIC_SESSIONS = TABLE.add(Key.string("logriver.topic.sessions",
            "session records (created compacted)"));
    public static final Key<String> TOPIC_STATS = TABLE.add(Key.string("logriver.topic.stats",
            "final window records"));
    public static final Key<String> TOPIC_DLQ = TABLE.add(Key.string("logriver.topic.dlq", "dead letters"));
    public static final Key<Integer> TOPIC_PARTITIONS = TABLE.add(Key.intAtLeast("logriver.topic.partitions", 1,
            "partitions of `weblogs` when logriver creates it (an existing topic's own count is used)"));
    public static final Key<String> STATE_BACKEND = TABLE.add(Key.oneOf("logriver.state.backend", StateBackend.ids(),
            "where the topologies' state lives: `redis` (durable) or `memory` (lost with a worker)"));
    /** Read as {@code redis://HOST:PORT} ({@code HOST:PORT} is accepted too). */
    public static final Key<String> REDIS_URL = TABLE.add(Key.of("logriver.redis.url", LogriverConfig::redisUrl,
            "the Redis server of the `redis` backend (`HOST:PORT` also accepted); `run` starts one there (loopback"
                    + " only) if none answers"));
    public static final Key<Long> REDIS_WAIT_MS = TABLE.add(Key.longAtLeast("logriver.redis.wait.ms", 0,
            "core with `redis`: how long a state call waits for a Redis it cannot reach (a restart, a full disk) before"
                    + " the worker stops, ms; 0: no wait"));
    /** How core's stateful bolts write a checkpoint: on a thread of their own, or on the executor's (Storm's way). */
    public static final List<String> CHECKPOINT_WRITES = List.of("inline", "background");
    public static final Key<String> CHECKPOINT_WRITE = TABLE.add(Key.oneOf("logriver.state.checkpoint.write",
            CHECKPOINT_WRITES, "core with `redis`: `inline` (Storm's own: the bolt waits for Redis) or `background` (a"
                    + " checkpoint's writes run beside the tuples; its acknowledgement still waits for them)"));
    public static final Key<Long> WINDOW_SIZE_MS = TABLE.add(Key.longAtLeast("logriver.window.size.ms", 1,
            "window size, ms (tumbling, aligned on the epoch)"));
    public static final Key<Long> LATENESS_MS = TABLE.add(Key.longAtLeast("logriver.window.lateness.ms", 0,
            "allowed lateness, ms: a partition's watermark is its highest event time less this"));
    public static final Key<Long> JOIN_WAIT_MS = TABLE.add(Key.longAtLeast("logriver.join.wait.ms", 0,
            "core: longest wait of a request for its session, ms; then it goes on as a join miss"));
    public static final Key<Long> CLOCK_INTERVAL_MS = TABLE.add(Key.longAtLeast("logriver.clock.interval.ms", 1,
            "ms between clock ticks: the resolution of the join wait (a request leaves up to one interval early, never"
                    + " late) and of the sink's acknowledgements when idle"));
    public static final Key<Long> MAX_FUTURE_MS = TABLE.add(Key.longAtLeast("logriver.time.max.future.ms", 0,
            "a request more than this many ms ahead of the wall clock is invalid (`future-time`), and one ahead by"
                    + " less moves its partition's watermark only up to the clock"
                    + " ([why](docs/data.md#event-time-that-cannot-run-away)); `0` switches both off"));
    public static final Key<List<String>> DROP_LEVELS = TABLE.add(Key.stringList("logriver.filter.drop.levels",
            "dropped levels, any case"));
    public static final Key<List<String>> DROP_URL_PREFIXES = TABLE.add(Key.stringList(
            "logriver.filter.drop.url.prefixes", "dropped webURL prefixes"));
    public static final String PARALLELISM_PREFIX = "logriver.parallelism.";
    private static final String PARALLELISM = "core: executors per component (`.spout` both Kafka spouts, `.parse`"
            + " both parse bolts, which filter too, `.join` the partition stage); any number gives the same results";
    static final Key<Integer> PARALLELISM_SPOUT = TABLE.add(Key.intAtLeast(PARALLELISM_PREFIX + "spout", 1,
            PARALLELISM));
    static final Key<Integer> PARALLELISM_PARSE = TABLE.add(Key.intAtLeast(PARALLELISM_PREFIX + "parse", 1,
            PARALLELISM));
    static final Key<Integer> PARALLELISM_JOIN = TABLE.add(Key.intAtLeast(PARALLELISM_PREFIX + "join", 1,
            PARALLELISM));
    static final Key<Integer> PARALLELISM_AGGREGATE = TABLE.add(Key.intAtLeast(PARALLELISM_PREFIX + "aggregate", 1,
            PARALLELISM));
    static final Key<Integer> PARALLELISM_SINK = TABLE.add(Key.intAtLeast(PARALLELISM_PREFIX + "sink", 1,
            PARALLELISM));
    /** {@code shuffle}: any sink task; {@code local-or-shuffle}: a sink task of the same worker when there is one. */
    public static final List<String> SINK_GROUPINGS = List.of("shuffle", "local-or-shuffle");
    public static final Key<String> SINK_GROUPING = TABLE.add(Key.oneOf("logriver.sink.grouping", SINK_GROUPINGS,
            "core: how dead letters and window records reach the `to-kafka` tasks: `shuffle` (any task) or"
                    + " `local-or-shuffle` (a task of the same worker first)"));
    public static final Key<Integer> QUIET_PARK_MICROS = TABLE.add(Key.intAtLeast("logriver.core.quiet.park.microsec",
            1, "core: µs an idle executor off the requests' path parks before it looks again (the session spout and"
                    + " parse, the clock, the aggregators, `to-kafka`); the requests' path parks"
                    + " `logriver.core.topology.bolt.wait.park.microsec`"));
    public static final Key<Integer> GENERATOR_RATE = TABLE.add(Key.intAtLeast("logriver.generator.rate", 1,
            "requests/s of the generator of `run` and `generate`").launcherOnly());
    public static final Key<Integer> GENERATOR_SESSIONS = TABLE.add(Key.intAtLeast("logriver.generator.sessions", 1,
            "sessions alive at once in the generator").launcherOnly());
    public static final Key<Long> GENERATOR_SEED = TABLE.add(Key.longAtLeast("logriver.generator.seed", 0,
            "the generator's random seed; the same seed gives the same data").launcherOnly());
    public static final Key<Integer> LIVE_VIEW_INTERVAL_S = TABLE.add(Key.intAtLeast("logriver.liveview.interval.s", 1,
            "seconds between live-view lines").launcherOnly());
    public static final Key<Integer> METRICS_INTERVAL_S = TABLE.add(Key.intAtLeast("logriver.metrics.interval.s", 1,
            "the latency histograms (`logriver.latency.us`, `.join.wait.us`, `.stage.us`) report the last complete"
                    + " interval of this many seconds"));
    public static final Key<String> LATENCY_HOOK = TABLE.add(Key.of("logriver.latency.hook",
            LogriverConfig::hookClass, "`none`, or a class (`io.logriver.logic.AppliedHook`) each task tells of every"
                    + " request applied to its window, with its times; `bin/logriver bench` plugs its probe in here"));
    public static final Key<String> TRIDENT_PROFILE = TABLE.add(Key.oneOf("logriver.trident.profile",
            TridentProfile.ids(),
            "Trident's batch setting ([Trident profiles](#trident-profiles)): `throughput` or `latency`"));
    public static final Key<Integer> TRIDENT_MAX_POLL_RECORDS = TABLE.add(Key.intAtLeast(
            "logriver.trident.max.poll.records", 0, "Trident: records per spout task and batch, at most (Kafka's"
                    + " `max.poll.records` of the Trident spout); `0`: the profile's"));
    public static final Key<Integer> TRIDENT_PARALLELISM = TABLE.add(Key.intAtLeast("logriver.trident.parallelism", 1,
            "Trident: tasks of each stage (the spouts too); any number gives the same results, but it must not change"
                    + " under a consumer group that has Trident state ([limits](docs/limits.md))"));
    public static final Key<Integer> TRIDENT_FETCH_WAIT_MS = TABLE.add(Key.intAtLeast("logriver.trident.fetch.wait.ms",
            1, "Trident: ms the broker holds a batch's fetch of a partition with no new records (the spout polls twice"
                    + " that); it bounds what a quiet partition adds to a batch"));

    /** Keys logriver no longer reads, with what to set instead: a configuration that sets one is refused. */
    private static final Map<String, String> RETIRED = Map.of(PARALLELISM_PREFIX + "filter",
            "the filter runs in the parse bolt: set " + PARALLELISM_PARSE);

    /** Every logriver key (Storm's own and the mode profiles aside), in declaration order. */
    static final List<Key<?>> DECLARED = TABLE.keys();
    /** The names of every logriver key. */
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
     * @param maxPollSetting records per spout task and batch as set; 0: the profile's
     * @param fetchWaitMs how long the broker holds a batch's fetch of a partition with no new records (the spout's
     *                    poll waits twice that): every batch polls every partition of both topics in turn, so a quiet
     *                    partition delays the whole batch by this much
     */
    public record Trident(TridentProfile profile, int maxPollSetting, int parallelism, int fetchWaitMs)
            implements Serializable {
        /** Records per spout task and batch: as set, or the profile's. */
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
     * @param backgroundWrites core's checkpoints are written beside the tuples, not by the executor's thread
     */
    public record StateStore(StateBackend backend, String redisHost, int redisPort, boolean backgroundWrites)
            implements Serializable {
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
        Settings v = new Settings(new ConfigValues(values));
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
                v.get(SINK_GROUPING), v.get(LATENCY_HOOK),
                new Trident(TridentProfile.of(v.get(TRIDENT_PROFILE)), v.get(TRIDENT_MAX_POLL_RECORDS),
                        v.get(TRIDENT_PARALLELISM), v.get(TRIDENT_FETCH_WAIT_MS)),
                stateStore(v.get(STATE_BACKEND), v.get(REDIS_URL), v.get(CHECKPOINT_WRITE)),
                Map.copyOf(storm), Map.copyOf(profiles), Collections.unmodifiableMap(v.values));
    }

    /** Every declared key's value in a flat map, read and checked in declaration order (the first error stops it). */
    private static final class Settings {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Settings(ConfigValues raw) {
            DECLARED.forEach(key -> values.put(key.name(), key.read(raw)));
        }

        /** The value of a declared key, of the type its declaration reads. */
        @SuppressWarnings("unchecked") // put there by key.read, which returns a T
        <T> T get(Key<T> key) {
            return (T) values.get(key.name());
        }
    }

    /** {@code HOST:PORT[,HOST:PORT...]}. */
    /** {@code none}, or the name of a class that {@link AppliedHook#of} can make (made once here to check it). */
    private static String hookClass(ConfigValues v, String key) {
        String name = v.string(key);
        if (name.equals(NO_HOOK)) {
            return name;
        }
        try {
            AppliedHook.of(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage() + " (`none`, or a class implementing "
                    + AppliedHook.class.getName() + ")");
        }
        return name;
    }

    /** A new hook of {@code logriver.latency.hook} for a task: {@link AppliedHook#NONE} for {@code none}. */
    public static AppliedHook newLatencyHook(String hookClass) {
        return hookClass.equals(NO_HOOK) ? AppliedHook.NONE : AppliedHook.of(hookClass);
    }

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

    /** {@code redis://HOST:PORT} or {@code HOST:PORT}, read as {@code redis://HOST:PORT}. */
    private static String redisUrl(ConfigValues v, String key) {
        String url = v.string(key);
        String hostPort = url.startsWith("redis://") ? url.substring("redis://".length()) : url;
        if (hostPort.endsWith("/")) {
            hostPort = hostPort.substring(0, hostPort.length() - 1);
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")
                || Integer.parseInt(hostPort.substring(colon + 1)) > 65535 || hostPort.substring(0, colon).contains("/")) {
            throw ConfigValues.bad(key, url, "redis://HOST:PORT");
        }
        return "redis://" + hostPort;
    }

    /** The state store of a backend and a URL {@link #redisUrl} has read. */
    private static StateStore stateStore(String backend, String url, String checkpointWrite) {
        String hostPort = url.substring("redis://".length());
        int colon = hostPort.lastIndexOf(':');
        return new StateStore(StateBackend.of(backend), hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)), checkpointWrite.equals("background"));
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

    /** {@link #QUIET_PARK_MICROS}: how long core's executors off the requests' path park when idle, µs. */
    public int quietParkMicros() {
        return (Integer) settings.get(QUIET_PARK_MICROS.name());
    }

    /** Every setting as flat key/value pairs, as the Storm UI shows them in the topology configuration. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(storm);
        m.putAll(profiles);
        m.putAll(settings);
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
        return with(Map.of(STATE_BACKEND.name(), backend.id()));
    }

    /** A copy with some keys replaced, validated again. */
    public LogriverConfig with(Map<String, Object> overrides) {
        Map<String, Object> m = new LinkedHashMap<>(toMap());
        m.putAll(overrides);
        return fromMap(m);
    }
}
