package io.logriver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogriverConfigTest {

    private static Map<String, Object> defaults() {
        return new HashMap<>(ConfigLoader.defaults());
    }

    private static void assertFailsNaming(String key, Map<String, Object> values) {
        ConfigException e = assertThrows(ConfigException.class, () -> LogriverConfig.fromMap(values));
        assertTrue(e.getMessage().contains(key), () -> "message does not name " + key + ": " + e.getMessage());
    }

    @Test
    void fromDefaults() {
        LogriverConfig c = LogriverConfig.fromMap(defaults());
        assertEquals(10_000, c.windowSizeMs());
        assertEquals(ConfigLoader.defaultConfig(), c);
    }

    @Test
    void theTopologyConfigurationLeavesOutTheLaunchersOwnKeys() {
        Map<String, Object> topology = ConfigLoader.defaultConfig().topologyMap();
        for (String key : List.of(LogriverConfig.GENERATOR_RATE.name(), LogriverConfig.GENERATOR_SESSIONS.name(),
                LogriverConfig.GENERATOR_SEED.name(), LogriverConfig.LIVE_VIEW_INTERVAL_S.name())) {
            assertFalse(topology.containsKey(key), key);
        }
        assertTrue(topology.containsKey(LogriverConfig.WINDOW_SIZE_MS.name()));
        assertTrue(topology.containsKey("topology.message.timeout.secs"));
    }

    @Test
    void maxFutureTimeIsFiveMinutesByDefaultZeroSwitchesItOffNegativeIsRefused() {
        assertEquals(300_000, LogriverConfig.fromMap(defaults()).maxFutureMs());
        Map<String, Object> m = defaults();
        m.put(LogriverConfig.MAX_FUTURE_MS.name(), 0);
        assertEquals(0, LogriverConfig.fromMap(m).maxFutureMs());
        m.put(LogriverConfig.MAX_FUTURE_MS.name(), -1);
        assertFailsNaming(LogriverConfig.MAX_FUTURE_MS.name(), m);
        m.put(LogriverConfig.MAX_FUTURE_MS.name(), "an hour");
        assertFailsNaming(LogriverConfig.MAX_FUTURE_MS.name(), m);
    }

    @Test
    void everyKeyIsRequired() {
        for (String key : LogriverConfig.KEYS) {
            Map<String, Object> m = defaults();
            m.remove(key);
            assertFailsNaming(key, m);
            m.put(key, null);
            assertFailsNaming(key, m);
        }
        Map<String, Object> m = defaults();
        m.remove("logriver.parallelism.aggregate");
        assertFailsNaming("logriver.parallelism.aggregate", m);
    }

    @Test
    void aComponentReadsAKeyFromItsTopologyConfigurationAsTheLoaderDoes() {
        Map<String, Object> conf = new HashMap<>(ConfigLoader.defaultConfig().topologyMap());
        assertEquals(5, LogriverConfig.METRICS_INTERVAL_S.in(conf));
        conf.put(LogriverConfig.METRICS_INTERVAL_S.name(), 7L); // as Storm's JSON gives numbers back
        assertEquals(7, LogriverConfig.METRICS_INTERVAL_S.in(conf));
        conf.remove(LogriverConfig.METRICS_INTERVAL_S.name());
        ConfigException e = assertThrows(ConfigException.class, () -> LogriverConfig.METRICS_INTERVAL_S.in(conf));
        assertTrue(e.getMessage().startsWith(LogriverConfig.METRICS_INTERVAL_S.name() + ": missing"), e.getMessage());
    }

    @Test
    void aKeyIsDeclaredOnceAndReadsAsItsName() {
        KeyTable table = new KeyTable();
        table.add(Key.string("a.b", "one"));
        assertThrows(IllegalStateException.class, () -> table.add(Key.bool("a.b", "two")));
        assertEquals(LogriverConfig.KEYS.size(), LogriverConfig.DECLARED.size());
        assertEquals("logriver.window.size.ms=1", LogriverConfig.WINDOW_SIZE_MS + "=1");
    }

    @Test
    void unknownKeysAreRefused() {
        for (String key : new String[]{"logriver.unknown", "logriver.parallelism.", "logriver.parallelism.x",
            "topologyworkers", "stormy.key", "foo"}) {
            Map<String, Object> m = defaults();
            m.put(key, 1);
            assertFailsNaming(key, m);
        }
    }

    @Test
    void stormKeysPassThroughUnchanged() {
        Map<String, Object> m = defaults();
        m.put("topology.anything.at.all", Map.of("nested", List.of(1, 2)));
        m.put("storm.local.dir", "/tmp/x");
        LogriverConfig c = LogriverConfig.fromMap(m);
        assertEquals(Map.of("nested", List.of(1, 2)), c.storm().get("topology.anything.at.all"));
        assertEquals("/tmp/x", c.storm().get("storm.local.dir"));
        assertFalse(c.storm().containsKey(LogriverConfig.WINDOW_SIZE_MS.name()));
        assertThrows(UnsupportedOperationException.class, () -> c.storm().put("topology.x", 1));
    }

    @Test
    void typedValuesFromStringsAndNumbers() {
        Map<String, Object> m = defaults();
        m.put(LogriverConfig.WINDOW_SIZE_MS.name(), " 30000 ");
        m.put(LogriverConfig.LATENESS_MS.name(), 1_000L);
        m.put(LogriverConfig.TOPIC_WEBLOGS.name(), "  logs  ");
        m.put(LogriverConfig.DROP_LEVELS.name(), "DEBUG,,TRACE , ");
        LogriverConfig c = LogriverConfig.fromMap(m);
        assertEquals(30_000, c.windowSizeMs());
        assertEquals(1_000, c.latenessMs());
        assertEquals("logs", c.topics().weblogs());
        assertEquals(List.of("DEBUG", "TRACE"), c.dropLevels());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 1.5, 0.0})
    void floatingPointIsNotAnInteger(double value) {
        Map<String, Object> m = defaults();
        m.put(LogriverConfig.WINDOW_SIZE_MS.name(), value);
        assertFailsNaming(LogriverConfig.WINDOW_SIZE_MS.name(), m);
    }

    @Test
    void toMapRoundTrips() {
        LogriverConfig c = ConfigLoader.load(null, List.of("logriver.window.size.ms=60000", "topology.workers=2",
                "logriver.parallelism.sink=3"));
        Map<String, Object> m = c.toMap();
        assertEquals(60_000L, m.get(LogriverConfig.WINDOW_SIZE_MS.name()));
        assertEquals(2, m.get("topology.workers"));
        assertEquals(3, m.get("logriver.parallelism.sink"));
        assertEquals(LogriverConfig.KEYS.size() + c.storm().size() + c.profiles().size(), m.size());
        assertEquals(c, LogriverConfig.fromMap(m));
    }

    @Test
    void withReplacesAndValidatesAgain() {
        LogriverConfig c = ConfigLoader.defaultConfig();
        LogriverConfig d = c.with(Map.of(LogriverConfig.JOIN_WAIT_MS.name(), 0, "topology.workers", 5));
        assertEquals(0, d.joinWaitMs());
        assertEquals(5, d.storm().get("topology.workers"));
        assertEquals(2_000, c.joinWaitMs());
        assertNotEquals(c, d);
        ConfigException e = assertThrows(ConfigException.class,
                () -> c.with(Map.of(LogriverConfig.WINDOW_SIZE_MS.name(), -10)));
        assertTrue(e.getMessage().contains(LogriverConfig.WINDOW_SIZE_MS.name()));
        assertThrows(ConfigException.class, () -> c.with(Map.of("logriver.nope", 1)));
    }

    @Test
    void isSerializable() throws IOException, ClassNotFoundException {
        LogriverConfig c = ConfigLoader.defaultConfig();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(c, in.readObject());
        }
    }
}
