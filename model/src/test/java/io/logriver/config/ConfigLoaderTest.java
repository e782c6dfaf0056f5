package io.logriver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    static Stream<String> sizes() {
        return Stream.concat(Stream.of(LogriverConfig.WINDOW_SIZE_MS, LogriverConfig.CLOCK_INTERVAL_MS,
                        LogriverConfig.TOPIC_PARTITIONS, LogriverConfig.GENERATOR_RATE, LogriverConfig.GENERATOR_SESSIONS,
                        LogriverConfig.LIVE_VIEW_INTERVAL_S, LogriverConfig.METRICS_INTERVAL_S,
                        LogriverConfig.OFFSET_COMMIT_PERIOD_MS).map(Key::name),
                Stream.of("spout", "parse", "join", "aggregate", "sink").map(c -> LogriverConfig.PARALLELISM_PREFIX + c));
    }

    static Stream<String> zeroAllowed() {
        return Stream.of(LogriverConfig.LATENESS_MS, LogriverConfig.JOIN_WAIT_MS, LogriverConfig.GENERATOR_SEED)
                .map(Key::name);
    }

    static Stream<String> strings() {
        return Stream.of(LogriverConfig.TOPIC_WEBLOGS, LogriverConfig.TOPIC_DLQ, LogriverConfig.CONSUMER_GROUP)
                .map(Key::name);
    }

    private static LogriverConfig override(String... overrides) {
        return ConfigLoader.load(null, List.of(overrides));
    }

    private static void assertFailsNaming(String key, String... overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> override(overrides));
        assertTrue(e.getMessage().contains(key), () -> "message does not name " + key + ": " + e.getMessage());
    }

    @Test
    void defaults() {
        LogriverConfig c = ConfigLoader.defaultConfig();
        assertEquals("127.0.0.1:9092", c.bootstrapServers());
        assertEquals(new LogriverConfig.Topics("weblogs", "sessions", "weblog-stats", "weblogs-dlq", 2), c.topics());
        assertEquals(10_000, c.windowSizeMs());
        assertEquals(5_000, c.latenessMs());
        assertEquals(2_000, c.joinWaitMs());
        assertEquals(100, c.clockIntervalMs());
        assertEquals(List.of("DEBUG", "TRACE"), c.dropLevels());
        assertEquals(List.of("/static/", "/health"), c.dropUrlPrefixes());
        assertEquals(new LogriverConfig.Parallelism(1, 1, 1, 1, 1), c.parallelism());
        assertEquals("logriver-core", c.consumerGroup());
        assertEquals(new LogriverConfig.Generator(3_000, 400, 42), c.generator());
        assertEquals(5, c.liveViewIntervalS());
        assertEquals(5, c.metricsIntervalS());
        assertEquals(1_000, c.offsetCommitPeriodMs());
        assertEquals("shuffle", c.sinkGrouping());
        assertEquals(1, c.storm().get("topology.workers"));
        assertEquals(30, c.storm().get("topology.message.timeout.secs"));
        assertEquals(null, c.storm().get("topology.max.spout.pending"));
        assertEquals(100_000, c.stormFor(ModeProfile.CORE).get("topology.max.spout.pending"));
        assertEquals(200, c.stormFor(ModeProfile.CORE).get("topology.state.checkpoint.interval.ms"));
        assertEquals("-XX:+UseG1GC -XX:MaxGCPauseMillis=10", c.stormFor(ModeProfile.CORE).get("topology.worker.childopts"),
                "the collector the bench chose, for a cluster's core workers");
        assertEquals(new LogriverConfig.StateStore(StateBackend.REDIS, "127.0.0.1", 6379, false), c.state());
        assertEquals(TridentProfile.THROUGHPUT, c.trident().profile());
        assertEquals(4, c.stormFor(ModeProfile.TRIDENT).get("topology.max.spout.pending"));
        assertEquals(50, c.stormFor(ModeProfile.TRIDENT).get("topology.trident.batch.emit.interval.millis"));
        assertEquals(5_000, c.trident().maxPollRecords());
        assertEquals(null, c.stormFor(ModeProfile.CORE).get("topology.trident.batch.emit.interval.millis"));
        Object reporters = c.storm().get("topology.metrics.reporters");
        assertTrue(reporters instanceof List<?>, String.valueOf(reporters));
        Map<?, ?> reporter = (Map<?, ?>) ((List<?>) reporters).get(0);
        assertEquals("org.apache.storm.metrics2.reporters.ConsoleStormReporter", reporter.get("class"));
        assertEquals(".*-logriver\\..*", ((Map<?, ?>) reporter.get("filter")).get("expression"));
        assertEquals(10, reporter.get("report.period"));
        assertEquals(29, c.storm().get("storm.zookeeper.retry.times"), "Trident's coordinators outlast a ZooKeeper restart");
        assertEquals(2000, c.storm().get("storm.zookeeper.retry.intervalceiling.millis"));
        assertEquals(5, c.storm().size());
        assertTrue(c.storm().keySet().stream().allMatch(k -> k.startsWith("topology.") || k.startsWith("storm.")));
    }

    @Test
    void theTridentProfileGivesWhatTheUserLeavesUnset() throws Exception {
        LogriverConfig latency = ConfigLoader.load(null, List.of("logriver.trident.profile=latency"));
        assertEquals(2, latency.stormFor(ModeProfile.TRIDENT).get("topology.max.spout.pending"));
        assertEquals(10, latency.stormFor(ModeProfile.TRIDENT).get("topology.trident.batch.emit.interval.millis"));
        assertEquals(1_000, latency.trident().maxPollRecords());
        assertEquals(100, latency.stormFor(ModeProfile.TRIDENT).get("topology.bolt.wait.park.microsec"));
        LogriverConfig throughput = ConfigLoader.load(null, List.of());
        assertEquals(1_000, throughput.stormFor(ModeProfile.TRIDENT).get("topology.bolt.wait.park.microsec"));
        assertEquals(100, throughput.stormFor(ModeProfile.CORE).get("topology.bolt.wait.park.microsec"));
        assertEquals(500, ConfigLoader.load(null, List.of("logriver.trident.topology.bolt.wait.park.microsec=500"))
                .stormFor(ModeProfile.TRIDENT).get("topology.bolt.wait.park.microsec"));
        assertEquals(100_000, latency.stormFor(ModeProfile.CORE).get("topology.max.spout.pending"));
        LogriverConfig own = ConfigLoader.load(null, List.of("logriver.trident.profile=latency",
                "logriver.trident.topology.max.spout.pending=1", "logriver.trident.max.poll.records=300"));
        assertEquals(1, own.stormFor(ModeProfile.TRIDENT).get("topology.max.spout.pending"));
        assertEquals(10, own.stormFor(ModeProfile.TRIDENT).get("topology.trident.batch.emit.interval.millis"));
        assertEquals(300, own.trident().maxPollRecords());
        assertEquals(own, LogriverConfig.fromMap(own.toMap()));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("logriver.trident.profile=fast")));
        assertTrue(e.getMessage().contains("logriver.trident.profile"), e.getMessage());
    }

    @Test
    void defaultsResourceIsOnTheClassPath() {
        Map<String, Object> d = ConfigLoader.defaults();
        assertEquals(10_000, d.get(LogriverConfig.WINDOW_SIZE_MS.name()));
        assertEquals(List.of("DEBUG", "TRACE"), d.get(LogriverConfig.DROP_LEVELS.name()));
    }

    @Test
    void overridesAreReadAsYaml() {
        LogriverConfig c = override("logriver.window.size.ms=60000", "logriver.filter.drop.levels=[DEBUG]",
                "logriver.filter.drop.url.prefixes=[/static/, /assets/, /health]",
                "logriver.kafka.bootstrap.servers=broker1:9092,broker2:9093",
                "logriver.topic.weblogs=my-logs", "logriver.window.lateness.ms='2500'",
                "logriver.parallelism.join=4", "logriver.generator.seed=0", "logriver.join.wait.ms=0");
        assertEquals(60_000, c.windowSizeMs());
        assertEquals(List.of("DEBUG"), c.dropLevels());
        assertEquals(List.of("/static/", "/assets/", "/health"), c.dropUrlPrefixes());
        assertEquals("broker1:9092,broker2:9093", c.bootstrapServers());
        assertEquals("my-logs", c.topics().weblogs());
        assertEquals(2_500, c.latenessMs());
        assertEquals(4, c.parallelism().join());
        assertEquals(1, c.parallelism().spout());
        assertEquals(0, c.generator().seed());
        assertEquals(0, c.joinWaitMs());
    }

    @Test
    void lastOverrideWins() {
        assertEquals(20_000, override("logriver.window.size.ms=10", "logriver.window.size.ms=20000").windowSizeMs());
    }

    @Test
    void commaSeparatedListOverride() {
        LogriverConfig c = override("logriver.filter.drop.levels=DEBUG, TRACE,INFO");
        assertEquals(List.of("DEBUG", "TRACE", "INFO"), c.dropLevels());
        assertEquals(List.of(), override("logriver.filter.drop.levels=[]").dropLevels());
    }

    @Test
    void topologyAndStormKeysPassThrough() {
        LogriverConfig c = override("topology.workers=3", "topology.debug=true", "topology.new.key=[a, b]",
                "storm.zookeeper.port=2181");
        assertEquals(3, c.storm().get("topology.workers"));
        assertEquals(true, c.storm().get("topology.debug"));
        assertEquals(List.of("a", "b"), c.storm().get("topology.new.key"));
        assertEquals(2181, c.storm().get("storm.zookeeper.port"));
        assertEquals(30, c.storm().get("topology.message.timeout.secs"));
    }

    /** An empty topology value must be passed through or refused with a ConfigException naming the key. */
    @ParameterizedTest
    @ValueSource(strings = {"topology.debug=", "topology.debug=~", "topology.debug=null"})
    void nullTopologyValue(String o) {
        try {
            LogriverConfig c = override(o);
            assertTrue(c.storm().containsKey("topology.debug"));
        } catch (ConfigException e) {
            assertTrue(e.getMessage().contains("topology.debug"), e.getMessage());
        }
    }

    @Test
    void unknownKey() {
        assertFailsNaming("logriver.window.sise.ms", "logriver.window.sise.ms=10");
        assertFailsNaming("logriver.parallelism.parser", "logriver.parallelism.parser=2");
        assertFailsNaming("window.size.ms", "window.size.ms=10");
        assertFailsNaming("Logriver.window.size.ms", "Logriver.window.size.ms=10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "10s", "1e4", "[10]", "{a: 1}", "true", "99999999999999999999", "''"})
    void nonInteger(String value) {
        assertFailsNaming(LogriverConfig.WINDOW_SIZE_MS.name(), LogriverConfig.WINDOW_SIZE_MS + "=" + value);
        assertFailsNaming(LogriverConfig.LATENESS_MS.name(), LogriverConfig.LATENESS_MS + "=" + value);
        assertFailsNaming("logriver.parallelism.sink", "logriver.parallelism.sink=" + value);
        assertFailsNaming(LogriverConfig.TOPIC_PARTITIONS.name(), LogriverConfig.TOPIC_PARTITIONS + "=" + value);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void zeroOrNegativeSize(String key) {
        assertFailsNaming(key, key + "=0");
        assertFailsNaming(key, key + "=-1");
        assertFailsNaming(key, key + "='-5'");
    }

    @Test
    void aRetiredKeyIsRefusedWithWhatToSetInstead() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(null, List.of("logriver.parallelism.filter=2")));
        assertTrue(e.getMessage().startsWith("logriver.parallelism.filter: no longer a key"), e.getMessage());
        assertTrue(e.getMessage().contains("logriver.parallelism.parse"), e.getMessage());
    }

    @Test
    void sinkGroupingIsShuffleOrLocalOrShuffle() {
        assertEquals("local-or-shuffle", override(LogriverConfig.SINK_GROUPING + "=local-or-shuffle").sinkGrouping());
        assertFailsNaming(LogriverConfig.SINK_GROUPING.name(), LogriverConfig.SINK_GROUPING + "=fields");
    }

    @ParameterizedTest
    @MethodSource("zeroAllowed")
    void negativeWhereZeroIsAllowed(String key) {
        override(key + "=0");
        assertFailsNaming(key, key + "=-1");
    }

    @Test
    void intSettingsAboveIntRange() {
        assertFailsNaming(LogriverConfig.TOPIC_PARTITIONS.name(), LogriverConfig.TOPIC_PARTITIONS + "=2147483648");
        assertEquals(2_147_483_647, override(LogriverConfig.GENERATOR_RATE + "=2147483647").generator().rate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"''", "' '", "localhost", "localhost:", ":9092", "host:port", "host:-1",
        "host:123456", "host:9092:1", "a:1,,b:2", "a:1;b:2", "http://host:9092", "a b:1", "[a:1]", "9092"})
    void badBootstrapServers(String value) {
        assertFailsNaming(LogriverConfig.BOOTSTRAP_SERVERS.name(), LogriverConfig.BOOTSTRAP_SERVERS + "=" + value);
    }

    /** A port must be 1..65535 to be usable by Kafka. */
    @ParameterizedTest
    @ValueSource(strings = {"host:65536", "host:99999"})
    void bootstrapPortOutOfRange(String value) {
        assertFailsNaming(LogriverConfig.BOOTSTRAP_SERVERS.name(), LogriverConfig.BOOTSTRAP_SERVERS + "=" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9092", "10.0.0.1:1", "kafka-1.example.com:65535", "a:1, b:2"})
    void goodBootstrapServers(String value) {
        assertEquals(value, override(LogriverConfig.BOOTSTRAP_SERVERS + "=" + value).bootstrapServers());
    }

    @ParameterizedTest
    @MethodSource("strings")
    void emptyOrMissingStrings(String key) {
        assertFailsNaming(key, key + "=''");
        assertFailsNaming(key, key + "=");
        assertFailsNaming(key, key + "=[a]");
    }

    @Test
    void badListSettings() {
        assertFailsNaming(LogriverConfig.DROP_LEVELS.name(), LogriverConfig.DROP_LEVELS + "=[DEBUG, 5]");
        assertFailsNaming(LogriverConfig.DROP_LEVELS.name(), LogriverConfig.DROP_LEVELS + "=[DEBUG, '']");
        assertFailsNaming(LogriverConfig.DROP_URL_PREFIXES.name(), LogriverConfig.DROP_URL_PREFIXES + "=5");
        assertFailsNaming(LogriverConfig.DROP_URL_PREFIXES.name(), LogriverConfig.DROP_URL_PREFIXES + "={a: b}");
    }

    @Test
    void overrideSyntax() {
        assertThrows(ConfigException.class, () -> override("logriver.window.size.ms"));
        assertThrows(ConfigException.class, () -> override("=10"));
        assertFailsNaming(LogriverConfig.DROP_LEVELS.name(), LogriverConfig.DROP_LEVELS + "=[DEBUG");
        assertFailsNaming(LogriverConfig.DROP_LEVELS.name(), LogriverConfig.DROP_LEVELS + "={");
        // the key is trimmed, the value may contain '='
        assertEquals("a=b", override(" logriver.topic.dlq =a=b").topics().dlq());
    }

    @Test
    void fileIsLayeredBetweenDefaultsAndOverrides() throws IOException {
        Path f = dir.resolve("my.yaml");
        Files.writeString(f, "# comment\nlogriver.window.size.ms: 30000\nlogriver.join.wait.ms: 500\n"
                + "topology.workers: 4\nlogriver.filter.drop.levels:\n  - TRACE\n", StandardCharsets.UTF_8);
        LogriverConfig c = ConfigLoader.load(f, List.of("logriver.join.wait.ms=700"));
        assertEquals(30_000, c.windowSizeMs());
        assertEquals(700, c.joinWaitMs());
        assertEquals(4, c.storm().get("topology.workers"));
        assertEquals(List.of("TRACE"), c.dropLevels());
        assertEquals(5_000, c.latenessMs()); // from the defaults
    }

    @Test
    void emptyFileKeepsDefaults() throws IOException {
        Path f = dir.resolve("empty.yaml");
        Files.writeString(f, "# nothing\n");
        assertEquals(ConfigLoader.defaultConfig(), ConfigLoader.load(f, List.of()));
    }

    @Test
    void badFiles() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, List.of()));
        assertTrue(e.getMessage().contains("missing.yaml"), e.getMessage());
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- a\n- b\n");
        assertThrows(ConfigException.class, () -> ConfigLoader.load(list, List.of()));
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "logriver.window.size.ms: [1,\n");
        assertThrows(ConfigException.class, () -> ConfigLoader.load(broken, List.of()));
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "logriver.windows.size.ms: 10\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(unknown, List.of()));
        assertTrue(e.getMessage().contains("logriver.windows.size.ms"), e.getMessage());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "logriver.window.size.ms: 0\n");
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load(bad, List.of()));
        assertTrue(e.getMessage().contains(LogriverConfig.WINDOW_SIZE_MS.name()), e.getMessage());
    }
}
