package io.logriver.launcher.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.filemode.FileMode;
import io.logriver.launcher.filemode.ResultFiles;
import io.logriver.broker.KafkaBroker;
import io.logriver.launcher.kafka.RecordFiles;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.launcher.redis.Redis;
import io.logriver.launcher.redis.RedisServer;
import io.logriver.launcher.testing.Await;
import io.logriver.launcher.testing.TestBroker;
import io.logriver.launcher.ui.LocalUi;
import io.logriver.names.Names;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import io.logriver.topology.Mode;
import io.logriver.ui.server.UiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.storm.generated.ErrorInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The Trident topology's state in Redis, in a local cluster: the topology is killed mid-stream and submitted again
 * under the same consumer group (new executors that read their state back from Redis, as a restarted worker does),
 * then Redis is stopped while batches are being committed and started again; the window records still equal the
 * reference, each written once or again with the same content. Then a new local cluster (a new ZooKeeper: Trident's
 * transaction ids start again) reads the same topics under the same consumer group: it must start from an empty state
 * of its own, not from the one the first cluster left, and write the reference again.
 */
class TridentRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestBroker broker;
    private static RedisServer redis;
    private static Reference expected;
    private static LogriverConfig config;
    private static List<String> restarted;
    private static String redisError;
    private static List<String> freshCluster;
    private static Set<String> namespaces;
    /** What run's UI answered on the fresh cluster, by path (ID: the topology's id, BOLT: a bolt's). */
    private static final Map<String, String> localUi = new TreeMap<>();
    private static long committedBeforeKill;
    private static long readAfterRestart;
    private static long replayedAfterRestart;

    @BeforeAll
    static void run() throws Exception {
        broker = new TestBroker();
        Path dir = broker.workDir;
        int redisPort = KafkaBroker.freePort();
        redis = RedisServer.start(dir.resolve("redis"), redisPort, Progress.quiet());
        ItDataSet data = ItDataSet.generate(31, 4000);
        LogriverConfig base = ConfigLoader.load(null, List.of(
                LogriverConfig.BOOTSTRAP_SERVERS + "=" + broker.bootstrapServers(),
                LogriverConfig.REDIS_URL + "=redis://127.0.0.1:" + redisPort,
                LogriverConfig.TRIDENT_MAX_POLL_RECORDS + "=50",
                "logriver.trident.topology.trident.batch.emit.interval.millis=20"));
        config = FileMode.forRun(base, "restart", 1);
        expected = Reference.of(data, config.windowSizeMs(), config.latenessMs());
        List<String> lines = data.requests.stream().map(ItDataSet.Planned::line).toList();
        Path firstHalf = Files.write(dir.resolve("requests-1.jsonl"), lines.subList(0, 2000), StandardCharsets.UTF_8);
        Path secondHalf = Files.write(dir.resolve("requests-2.jsonl"), lines.subList(2000, lines.size()),
                StandardCharsets.UTF_8);
        Path sessions = Files.write(dir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        try (Topics topics = new Topics(broker.bootstrapServers());
             RecordFiles files = new RecordFiles(broker.bootstrapServers())) {
            config = topics.ensure(config, 1);
            files.produce(sessions, config.topics().sessions(), true);
            files.send(firstHalf, config.topics().weblogs(), false, RecordFiles.Pace.NOW);
            restartAndRedisOutage(files, secondHalf, redisPort);
            restarted = windows(config.topics().stats());
            LogriverConfig fresh = config.with(Map.of(LogriverConfig.TOPIC_STATS.name(),
                    config.topics().stats() + "-fresh"));
            topics.ensure(fresh, 1);
            freshCluster(fresh);
            freshCluster = windows(fresh.topics().stats());
        }
        namespaces = namespaces(redisPort);
    }

    /** The topology killed mid-stream and submitted again; then Redis stopped under it, and started again. */
    private static void restartAndRedisOutage(RecordFiles files, Path secondHalf, int redisPort) throws Exception {
        try (LocalStorm storm = LocalStorm.start(broker.workDir.resolve("storm-1"))) {
            submit(storm, "restart-1", config);
            JmxMetrics first = new JmxMetrics("restart-1");
            await("a third of the first half read", () -> first.sum(Names.M_READ) >= 700);
            storm.kill("restart-1");
            committedBeforeKill = first.sum(Names.M_AGGREGATED);
            await("restart-1 gone", () -> gone(storm, "restart-1") && first.allNames().isEmpty());

            submit(storm, "restart-2", config);
            JmxMetrics second = new JmxMetrics("restart-2");
            files.produce(secondHalf, config.topics().weblogs(), false);
            await("part of the second half read", () -> second.sum(Names.M_READ) >= 2000);
            redis.close();
            await("a batch failed on Redis", () -> (redisError = redisError(storm, "restart-2", redisPort)) != null);
            System.out.println("with Redis stopped: " + redisError.lines().findFirst().orElse(""));
            redis = RedisServer.start(broker.workDir.resolve("redis"), redisPort, Progress.quiet());
            await("restart-2 at the end of its input", () -> ended(second));
            readAfterRestart = second.sum(Names.M_READ);
            replayedAfterRestart = second.sum(Names.M_REPLAYED);
            System.out.println("restart-2 read " + readAfterRestart + " (every attempt of a batch counts), "
                    + replayedAfterRestart + " already in the state; restart-1 committed " + committedBeforeKill);
        }
    }

    /** The same topics and consumer group, in a new local cluster: a new ZooKeeper. */
    private static void freshCluster(LogriverConfig fresh) throws Exception {
        try (LocalStorm storm = LocalStorm.start(broker.workDir.resolve("storm-2"))) {
            submit(storm, "fresh", fresh);
            JmxMetrics m = new JmxMetrics("fresh");
            await("fresh at the end of its input", () -> ended(m));
            try (UiServer ui = LocalUi.start(storm, 0, false)) { // run's UI, on this local cluster
                String id = storm.cluster().getTopologySummaries().get(0).get_id();
                String bolt = storm.cluster().getTopologyInfo(id).get_executors().stream()
                        .map(e -> e.get_component_id()).filter(c -> c.startsWith("b-")).sorted().findFirst()
                        .orElseThrow();
                for (String path : List.of("api/v1/topology/" + id, "api/v1/topology/" + id + "/component/" + bolt,
                        "api/v1/cluster/configuration", "api/logriver/topology/" + id)) {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(ui.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
                    localUi.put(path.replace(id, "ID").replace(bolt, "BOLT"), r.statusCode() + " " + r.body());
                }
            }
        }
    }

    /** The Trident state namespaces of the consumer group in Redis. */
    private static Set<String> namespaces(int redisPort) {
        Set<String> found = new TreeSet<>();
        try (Jedis jedis = new Jedis("127.0.0.1", redisPort)) {
            for (String key : jedis.keys("logriver:trident:" + config.consumerGroup() + "-trident-*:stage:0:txid")) {
                found.add(key.substring(0, key.indexOf(":stage:")));
            }
        }
        return found;
    }

    private static void submit(LocalStorm storm, String name, LogriverConfig c) throws Exception {
        storm.submit(name, Mode.TRIDENT.stormConfig(c), Mode.TRIDENT.topology(c));
    }

    private static boolean gone(LocalStorm storm, String name) throws Exception {
        return storm.cluster().getTopologySummaries().stream().noneMatch(t -> t.get_name().equals(name));
    }

    /** The first error a component of the topology reported that names the Redis server, or null. */
    private static String redisError(LocalStorm storm, String name, int port) throws Exception {
        for (List<ErrorInfo> errors : storm.cluster().getTopologyInfoByName(name).get_errors().values()) {
            for (ErrorInfo e : errors) {
                if (e.get_error().contains("Redis at redis://127.0.0.1:" + port)) {
                    return e.get_error();
                }
            }
        }
        return null;
    }

    /** Every window is out: the merger drained, and the sink wrote every window record it emitted. */
    private static boolean ended(JmxMetrics m) {
        return m.sum(Names.M_END_OF_INPUT) > 0 && m.sum(Names.M_SINK_WRITTEN + ".stats") >= m.sum(Names.M_WINDOWS);
    }

    private static void await(String what, Await.Probe<Boolean> condition) throws Exception {
        Await.until(what, Duration.ofMinutes(3), condition, done -> done);
    }

    /**
     * The window records of the topic, one per window in the reference's order; fails if a window was written twice
     * with different content.
     */
    private static List<String> windows(String topic) throws Exception {
        Map<List<String>, String> byWindow = new HashMap<>();
        List<String> all = ResultFiles.readAll(broker.bootstrapServers(), topic);
        for (String w : all) {
            JsonNode n = JSON.readTree(w);
            List<String> key = List.of(n.get("windowStart").asText(), n.get("orgID").asText(), n.get("webURL").asText());
            String before = byWindow.put(key, w);
            if (before != null && !before.equals(w)) {
                throw new AssertionError("window " + key + " written as " + before + " and as " + w);
            }
        }
        System.out.println(topic + ": " + byWindow.size() + " windows, " + (all.size() - byWindow.size())
                + " written again with the same content");
        List<List<String>> keys = new ArrayList<>(byWindow.keySet());
        keys.sort(Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
        return keys.stream().map(byWindow::get).toList();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRestartAndARedisOutageChangeNoWindow() {
        assertTrue(committedBeforeKill > 0, "the first topology committed batches");
        // Read from the topic's start, every record the first committed would reach the partition stage again and
        // be counted as already in the state; the read counter cannot say it, as it counts every attempt of a batch
        // that failed while Redis was down.
        assertTrue(replayedAfterRestart < committedBeforeKill, "the second went on from the first's offsets: "
                + replayedAfterRestart + " records it read were already in the state, the first committed "
                + committedBeforeKill + " (read " + readAfterRestart + ")");
        assertEquals(expected.windows, restarted);
    }

    @Test
    void aFailureToReachRedisNamesItsAddress() {
        assertTrue(redisError.contains("Redis at redis://127.0.0.1:") && redisError.contains("(logriver.redis.url)"),
                redisError);
    }

    @Test
    void runsUiServesTheTopologyComponentAndConfigurationOfItsLocalCluster() {
        assertEquals(4, localUi.size(), localUi.toString());
        localUi.forEach((path, answer) -> assertTrue(answer.startsWith("200 {"), path + ": " + answer));
        assertTrue(localUi.get("api/v1/topology/ID").contains("\"name\":\"fresh\""), localUi.toString());
        assertTrue(localUi.get("api/logriver/topology/ID").contains("\"mode\":\"trident\""), localUi.toString());
    }

    @Test
    void aNewClusterStartsFromAnEmptyStateOfItsOwn() {
        assertEquals(expected.windows, freshCluster);
        assertEquals(2, namespaces.size(), "one namespace per ZooKeeper: " + namespaces);
    }
}
