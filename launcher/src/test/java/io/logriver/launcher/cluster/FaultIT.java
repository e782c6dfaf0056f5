package io.logriver.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Processes;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.filemode.ResultFiles;
import io.logriver.launcher.kafka.KafkaBroker;
import io.logriver.launcher.kafka.RecordFiles;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.redis.RedisServer;
import io.logriver.launcher.submit.KillCommand;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.testing.Await;
import io.logriver.logic.ParseResult;
import io.logriver.logic.Session;
import io.logriver.logic.SessionParser;
import io.logriver.names.Names;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults injected on the dev cluster, against topologies submitted from the shaded jar in both modes at once (state in
 * Redis): the worker JVMs killed with {@code kill -9}, the broker stopped for 15 s, Redis killed and started again.
 * Each fault strikes mid-stream, with windows open: half of a known data set is in, some windows are out. Then the
 * rest of the data goes in, and the window records (the last of each key, as a compacted topic keeps them) are
 * compared with {@link Reference}, computed independently. Records written again after a restart are counted.
 */
class FaultIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ItDataSet DATA = ItDataSet.generate(11, 12_000);
    private static Path workDir;
    private static ClusterLayout layout;
    private static ClusterState state;
    private static Reference expected;

    @BeforeAll
    static void up() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "it-fault-").toAbsolutePath();
        layout = ClusterLayout.in(workDir);
        new ClusterCommand().run(List.of("up", "--ports", "free", "--work-dir", workDir.toString()));
        state = ClusterState.load(layout);
        LogriverConfig c = ConfigLoader.defaultConfig();
        expected = Reference.of(DATA, c.windowSizeMs(), c.latenessMs());
    }

    @AfterAll
    static void down() throws Exception {
        if (layout != null) {
            new DevCluster(layout, Progress.quiet()).down();
        }
    }

    @Test
    void workersKilledWithSigkill() throws Exception {
        run("kill", () -> {
            List<ProcessHandle> workers = new ClusterProcesses(layout).workers().stream()
                    .filter(p -> ClusterProcesses.commandLine(p).contains(" fault-kill-")
                            && !ClusterProcesses.commandLine(p).contains("org.apache.storm.LogWriter"))
                    .toList();
            assertEquals(2, workers.size(), "a worker JVM per topology");
            workers.forEach(ProcessHandle::destroyForcibly); // SIGKILL: no shutdown hook, no last commit
            for (ProcessHandle w : workers) {
                w.onExit().get(30, TimeUnit.SECONDS);
            }
        });
    }

    @Test
    void brokerStoppedFor15Seconds() throws Exception {
        run("broker", () -> {
            ProcessHandle broker = new ClusterProcesses(layout).daemon(ClusterState.KAFKA).orElseThrow();
            Processes.stop(broker, Duration.ofSeconds(30));
            Thread.sleep(15_000); // the fault lasts 15 s
            KafkaBroker.startDetached(layout.kafka(), state.kafkaPort(), Progress.quiet());
        });
    }

    @Test
    void redisKilledAndStartedAgain() throws Exception {
        run("redis", () -> {
            ProcessHandle redis = new ClusterProcesses(layout).daemon(ClusterState.REDIS).orElseThrow();
            redis.destroyForcibly();
            redis.onExit().get(30, TimeUnit.SECONDS);
            Thread.sleep(10_000); // the fault lasts 10 s: checkpoints fail meanwhile
            RedisServer.startDetached(layout.redis(), state.redisPort(), Progress.quiet());
        });
    }

    interface Fault {
        void inject() throws Exception;
    }

    /** Both modes, side by side, through one fault. */
    private static void run(String fault, Fault inject) throws Exception {
        String weblogs = "weblogs-" + fault;
        String sessions = "sessions-" + fault;
        LogriverConfig base = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + state.kafka(),
                LogriverConfig.TOPIC_WEBLOGS + "=" + weblogs, LogriverConfig.TOPIC_SESSIONS + "=" + sessions,
                LogriverConfig.TOPIC_PARTITIONS + "=1", LogriverConfig.JOIN_WAIT_MS + "=300"));
        Map<String, LogriverConfig> modes = new TreeMap<>();
        for (String mode : List.of("core", "trident")) {
            String id = fault + "-" + mode;
            modes.put(mode, base.with(Map.of(LogriverConfig.TOPIC_STATS, "stats-" + id,
                    LogriverConfig.TOPIC_DLQ, "dlq-" + id, LogriverConfig.CONSUMER_GROUP, "group-" + id)));
        }
        List<String> submitted = new ArrayList<>();
        try (Topics topics = new Topics(state.kafka()); Producer producer = new Producer(state.kafka())) {
            topics.ensure(base, 1);
            producer.send(sessions, DATA.sessionLines, true);
            for (Map.Entry<String, LogriverConfig> m : modes.entrySet()) {
                submit(m.getKey(), "fault-" + fault + "-" + m.getKey(), m.getValue());
                submitted.add("fault-" + fault + "-" + m.getKey());
            }
            List<String> lines = DATA.requests.stream().map(ItDataSet.Planned::line).toList();
            int half = lines.size() / 2;
            producer.send(weblogs, lines.subList(0, half), false);
            for (LogriverConfig c : modes.values()) {
                Await.until("a quarter of the windows in " + c.topics().stats(), DEADLINE,
                        () -> lastByKey(c).size(), n -> n >= expected.windows.size() / 4);
            }
            inject.inject();
            producer.send(weblogs, lines.subList(half, lines.size()), false);
            producer.endOfInput(weblogs);
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, LogriverConfig> m : modes.entrySet()) {
                failures.addAll(check(fault, m.getKey(), m.getValue()));
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        } finally {
            for (String name : submitted) {
                new KillCommand().run(List.of(name, "--wait", "0", "--work-dir", workDir.toString()));
            }
        }
    }

    /** The window records equal the reference's, once each key's last record counts; prints what came twice. */
    private static List<String> check(String fault, String mode, LogriverConfig c) throws Exception {
        Map<String, String> last = Await.until("all " + expected.windows.size() + " windows in " + c.topics().stats(),
                DEADLINE, () -> lastByKey(c), m -> m.size() >= expected.windows.size());
        long records = ResultFiles.readAll(c.bootstrapServers(), c.topics().stats()).size();
        System.out.printf("FaultIT %s %s: %d window records for %d keys: %d written again%n", fault, mode, records,
                last.size(), records - last.size());
        List<String> failures = new ArrayList<>();
        failures.addAll(rewritten(fault, mode, c));
        List<String> got = new ArrayList<>(last.values());
        if (!got.equals(expected.windows)) {
            List<String> missing = new ArrayList<>(expected.windows);
            missing.removeAll(got);
            List<String> wrong = new ArrayList<>(got);
            wrong.removeAll(expected.windows);
            failures.add(fault + " " + mode + ": " + missing.size() + " expected windows missing or different, "
                    + wrong.size() + " unexpected; first missing " + missing.stream().limit(2).toList()
                    + ", first unexpected " + wrong.stream().limit(2).toList());
        }
        return failures;
    }

    /** Both modes write a window record again only with the same content: the keys written with two contents. */
    private static List<String> rewritten(String fault, String mode, LogriverConfig c) throws Exception {
        Map<String, String> first = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String w : ResultFiles.readAll(c.bootstrapServers(), c.topics().stats())) {
            JsonNode n = JSON.readTree(w);
            String key = n.get("windowStart").asText() + "|" + n.get("orgID").asText() + "|" + n.get("webURL").asText();
            String before = first.putIfAbsent(key, w);
            if (before != null && !before.equals(w)) {
                failures.add(fault + " " + mode + ": window " + key + " written as " + before + " and again as " + w);
            }
        }
        return failures;
    }

    /** The last record of each window key in the stats topic, ordered as the reference orders them. */
    private static Map<String, String> lastByKey(LogriverConfig c) throws Exception {
        Map<String, String> last = new TreeMap<>();
        for (String w : ResultFiles.readAll(c.bootstrapServers(), c.topics().stats())) {
            JsonNode n = JSON.readTree(w);
            last.put(n.get("windowStart").asText() + "\u0000" + n.get("orgID").asText() + "\u0000"
                    + n.get("webURL").asText(), w);
        }
        return last;
    }

    private static void submit(String mode, String name, LogriverConfig c) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--mode", mode, "--name", name, "--work-dir", workDir.toString()));
        for (String key : List.of(LogriverConfig.TOPIC_WEBLOGS, LogriverConfig.TOPIC_SESSIONS, LogriverConfig.TOPIC_STATS,
                LogriverConfig.TOPIC_DLQ, LogriverConfig.CONSUMER_GROUP, LogriverConfig.JOIN_WAIT_MS)) {
            argv.addAll(List.of("-c", key + "=" + c.toMap().get(key)));
        }
        new SubmitCommand().run(argv);
    }

    /** Writes lines to a topic in order, and the end-of-input marker. */
    private static final class Producer implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;

        Producer(String bootstrapServers) {
            Properties p = RecordFiles.inOrder(bootstrapServers);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        void send(String topic, List<String> lines, boolean keyed) throws Exception {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                byte[] value = lines.get(i).getBytes(StandardCharsets.UTF_8);
                ParseResult<Session> session = SessionParser.parse(value);
                // a compacted topic refuses records without a key
                String key = !keyed ? null : session.isOk() ? session.value().sessionID() : "invalid-line-" + i;
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(2, TimeUnit.MINUTES); // fails the test if a record was refused
            }
        }

        void endOfInput(String topic) throws Exception {
            ProducerRecord<String, byte[]> end = new ProducerRecord<>(topic, 0, Names.END_OF_INPUT, new byte[0]);
            end.headers().add(Names.CONTROL_HEADER, Names.END_OF_INPUT.getBytes(StandardCharsets.UTF_8));
            producer.send(end).get(2, TimeUnit.MINUTES);
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
