package io.logriver.peers.kstreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka Streams peer's topology, production builder and serdes, in Kafka Streams' TopologyTestDriver (no broker):
 * what it writes for each kind of input, and where it differs from logriver (peers/README.md).
 */
class KStreamsJobTest {
    private static final long T0 = Instant.parse("2017-06-03T18:40:00Z").toEpochMilli();

    @TempDir
    Path state;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> sessions;
    private TestInputTopic<String, String> requests;
    private TestOutputTopic<String, String> windows;
    private TestOutputTopic<String, String> deadLetters;

    @BeforeEach
    void start() {
        LogriverConfig c = ConfigLoader.defaultConfig();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(KStreamsJob.build(c), p);
        LogriverConfig.Topics t = c.topics();
        sessions = driver.createInputTopic(t.sessions(), new StringSerializer(), new StringSerializer());
        requests = driver.createInputTopic(t.weblogs(), new StringSerializer(), new StringSerializer());
        windows = driver.createOutputTopic(t.stats(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(t.dlq(), new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static String session(String id, String org) {
        return "{\"sessionID\":\"" + id + "\",\"userID\":\"u\",\"orgID\":\"" + org + "\"}";
    }

    private static String request(long t, String url, String session, long duration, String level) {
        return "{\"timestamp\":" + t + ",\"webURL\":\"" + url + "\",\"sessionID\":\"" + session
                + "\",\"durationMillis\":" + duration + ",\"level\":\"" + level + "\"}";
    }

    @Test
    void eachWindowKeyIsWrittenOnceItsWindowHasClosed() {
        sessions.pipeInput("s1", session("s1", "org-a"));
        requests.pipeInput(request(T0 + 1000, "/a?x=1", "s1", 30, "INFO"));
        requests.pipeInput(request(T0 + 2000, "/a", "s1", 10, "ERROR"));
        requests.pipeInput(request(T0 + 3000, "/a", "ghost", 20, "INFO"));
        requests.pipeInput(request(T0 + 14_999, "/b", "s1", 5, "INFO"));
        assertTrue(windows.isEmpty(), "the window is open until its end + 5 s");
        requests.pipeInput(request(T0 + 15_000, "/b", "s1", 5, "INFO"));
        assertEquals(List.of(
                "{\"windowStart\":\"2017-06-03T18:40:00Z\",\"windowEnd\":\"2017-06-03T18:40:10Z\",\"orgID\":\"org-a\","
                        + "\"webURL\":\"/a\",\"count\":2,\"errors\":1,\"p50\":10,\"p95\":30,\"p99\":30,\"max\":30,"
                        + "\"final\":true}",
                "{\"windowStart\":\"2017-06-03T18:40:00Z\",\"windowEnd\":\"2017-06-03T18:40:10Z\",\"orgID\":\"unknown\","
                        + "\"webURL\":\"/a\",\"count\":1,\"errors\":0,\"p50\":20,\"p95\":20,\"p99\":20,\"max\":20,"
                        + "\"final\":true}"),
                windows.readValuesToList().stream().sorted().toList());
    }

    @Test
    void invalidRequestsAreDeadLetteredAndFilteredOnesDropped() {
        requests.pipeInput("THIS IS A PARSE ERROR");
        requests.pipeInput(request(T0, "/static/app.js", "s1", 1, "INFO"));
        requests.pipeInput(request(T0, "/a", "s1", 1, "debug"));
        requests.pipeInput(request(System.currentTimeMillis() + 3_600_000, "/a", "s1", 1, "INFO"));
        requests.pipeInput(request(T0 + 60_000, "/a", "s1", 1, "INFO"));
        List<String> dead = deadLetters.readValuesToList();
        assertEquals("{\"reason\":\"not-json\",\"topic\":\"weblogs\",\"partition\":0,\"offset\":0,"
                + "\"payload\":\"THIS IS A PARSE ERROR\"}", dead.get(0));
        assertTrue(dead.get(1).startsWith("{\"reason\":\"future-time\",\"topic\":\"weblogs\",\"partition\":0,"
                + "\"offset\":3,"), dead.get(1));
        assertEquals(2, dead.size());
        assertTrue(windows.isEmpty(), "filtered requests reach no window");
    }

    @Test
    void aLateRequestIsDroppedWithoutADeadLetter() {
        requests.pipeInput(request(T0 + 1000, "/a", "s1", 1, "INFO"));
        requests.pipeInput(request(T0 + 15_000, "/a", "s1", 1, "INFO"));
        requests.pipeInput(request(T0 + 2000, "/a", "s1", 99, "INFO")); // its window closed at T0 + 15 s
        assertEquals(1, windows.readValuesToList().size());
        assertTrue(deadLetters.isEmpty(), "Kafka Streams drops it and counts it in its dropped-records metric");
    }

    @Test
    void anInvalidSessionRecordRemovesItsKeyFromTheTable() {
        sessions.pipeInput("s1", session("s1", "org-a"));
        sessions.pipeInput("s1", "{\"sessionID\":\"s1\",\"userID\":\"u\"}");
        requests.pipeInput(request(T0, "/a", "s1", 1, "INFO"));
        requests.pipeInput(request(T0 + 15_000, "/b", "s1", 1, "INFO"));
        assertTrue(windows.readValuesToList().get(0).contains("\"orgID\":\"unknown\""),
                "logriver ignores the invalid record and keeps org-a");
        assertTrue(deadLetters.isEmpty(), "a global table has no place to dead-letter it");
    }
}
