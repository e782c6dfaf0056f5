package io.logriver.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.broker.KafkaBroker;
import io.logriver.config.ConfigLoader;
import io.logriver.config.Key;
import io.logriver.config.LogriverConfig;
import io.logriver.process.Processes;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.filemode.ResultFiles;
import io.logriver.launcher.kafka.RecordFiles;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.redis.RedisServer;
import io.logriver.launcher.submit.KillCommand;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.testing.Await;
import io.logriver.launcher.testing.WindowRecords;
import io.logriver.logic.parse.ParseResult;
import io.logriver.logic.parse.Session;
import io.logriver.logic.parse.SessionParser;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected on the dev cluster, one after the other, into one pair of topologies submitted from the shaded jar
 * in both modes (state in Redis; core's checkpoints written in the background, {@code logriver.state.checkpoint.write:
 * background}): the worker JVMs killed with {@code kill -9}, the broker stopped for 15 s, Redis
 * killed and started again. A known data set goes in a quarter at a time; each fault strikes as the second half of
 * its quarter is written, once the first half's windows are out: records in flight, windows open. After each fault,
 * the windows that the data so far closes are compared with {@link Reference}'s, computed independently from the same
 * requests; after the last quarter and the end of the input, every window. A window key counts by its last record, as a compacted topic keeps it; records
 * written again after a restart are counted and must repeat the same content.
 */
@Tag("dev-cluster") // run one at a time: each fills both cores (launcher/pom.xml)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final ItDataSet DATA = ItDataSet.generate(11, 12_000);
    private static final int QUARTER = DATA.requests.size() / 4;
    private static final String PREFIX = "fault-";
    private static Path workDir;
    private static ClusterLayout layout;
    private static ClusterState state;
    private static LogriverConfig defaults;
    private static final Map<String, LogriverConfig> MODES = new TreeMap<>();
    private static final List<String> SUBMITTED = new ArrayList<>();
    private static Producer producer;
    private static String weblogs;

    @BeforeAll
    static void upAndSubmitBothModes() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "it-fault-").toAbsolutePath();
        layout = ClusterLayout.in(workDir);
        new ClusterCommand().run(List.of("up", "--ports", "free", "--work-dir", workDir.toString()));
        state = ClusterState.load(layout);
        defaults = ConfigLoader.defaultConfig();
        LogriverConfig base = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + state.kafka(),
                LogriverConfig.TOPIC_PARTITIONS + "=1", LogriverConfig.JOIN_WAIT_MS + "=300"));
        weblogs = base.topics().weblogs();
        for (String mode : List.of("core", "trident")) {
            MODES.put(mode, base.with(Map.of(LogriverConfig.TOPIC_STATS.name(), "stats-" + mode,
                    LogriverConfig.TOPIC_DLQ.name(), "dlq-" + mode,
                    LogriverConfig.CONSUMER_GROUP.name(), "group-" + mode,
                    // core's checkpoints written by logriver's executor; Storm's, the default, meets faults in SoakIT
                    LogriverConfig.CHECKPOINT_WRITE.name(), mode.equals("core") ? "background" : "inline")));
        }
        producer = new Producer(state.kafka());
        try (Topics topics = new Topics(state.kafka())) {
            topics.ensure(base, 1);
        }
        producer.send(base.topics().sessions(), DATA.sessionLines, true);
        for (Map.Entry<String, LogriverConfig> m : MODES.entrySet()) {
            submit(m.getKey(), PREFIX + m.getKey(), m.getValue());
            SUBMITTED.add(PREFIX + m.getKey());
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (producer != null) {
            producer.close();
        }
        try {
            for (String name : SUBMITTED) {
                new KillCommand().run(List.of(name, "--wait", "0", "--work-dir", workDir.toString()));
            }
        } finally {
            if (layout != null) {
                new DevCluster(layout, Progress.quiet()).down();
            }
        }
    }

    @Test
    @Order(1)
    void workersKilledWithSigkill() throws Exception {
        strike(1, () -> {
            List<ProcessHandle> workers = new ClusterProcesses(layout).workers().stream()
                    .filter(p -> ClusterProcesses.commandLine(p).contains(" " + PREFIX)
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
    @Order(2)
    void brokerStoppedFor15Seconds() throws Exception {
        strike(2, () -> {
            ProcessHandle broker = new ClusterProcesses(layout).daemon(ClusterState.KAFKA).orElseThrow();
            Processes.stop(broker, Duration.ofSeconds(30));
            Thread.sleep(15_000); // the fault lasts 15 s
            KafkaBroker.startDetached(layout.kafka(), state.kafkaPort(), Progress.quiet()::say);
        });
    }

    @Test
    @Order(3)
    void redisKilledAndStartedAgain() throws Exception {
        strike(3, () -> {
            ProcessHandle redis = new ClusterProcesses(layout).daemon(ClusterState.REDIS).orElseThrow();
            redis.destroyForcibly();
            redis.onExit().get(30, TimeUnit.SECONDS);
            Thread.sleep(10_000); // the fault lasts 10 s: checkpoints fail meanwhile
            RedisServer.startDetached(layout.redis(), state.redisPort(), Progress.quiet());
        });
    }

    @Test
    @Order(4)
    void afterTheFaultsEveryWindowEqualsTheReference() throws Exception {
        producer.send(weblogs, lines(3 * QUARTER, DATA.requests.size()), false);
        producer.endOfInput(weblogs);
        List<String> windows = Reference.of(DATA, defaults.windowSizeMs(), defaults.latenessMs()).windows;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, LogriverConfig> m : MODES.entrySet()) {
            failures.addAll(check("in the end", m.getKey(), m.getValue(), windows));
            List<String> records = ResultFiles.readAll(state.kafka(), m.getValue().topics().stats());
            System.out.printf("FaultIT %s: %d window records for %d keys: %d written again%n", m.getKey(),
                    records.size(), windows.size(), records.size() - windows.size());
            failures.addAll(WindowRecords.rewritten(m.getKey(), records));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    interface Fault {
        void inject() throws Exception;
    }

    /**
     * Writes the first half of quarter {@code q} of the data and waits until both modes have written the windows it
     * closes; writes the second half and injects the fault at once, with those records in flight and windows open;
     * then both modes must have written exactly the windows the data so far closes.
     */
    private static void strike(int q, Fault fault) throws Exception {
        int from = (q - 1) * QUARTER;
        int half = from + QUARTER / 2;
        List<String> closedByHalf = closedAfter(half);
        producer.send(weblogs, lines(from, half), false);
        for (LogriverConfig c : MODES.values()) {
            Await.until(closedByHalf.size() + " windows in " + c.topics().stats(), DEADLINE,
                    () -> lastByKey(c).size(), n -> n >= closedByHalf.size());
        }
        producer.send(weblogs, lines(half, q * QUARTER), false);
        fault.inject();
        List<String> closed = closedAfter(q * QUARTER);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, LogriverConfig> m : MODES.entrySet()) {
            failures.addAll(check("after quarter " + q, m.getKey(), m.getValue(), closed));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The window records of the windows that the first {@code n} requests close, as the reference computes them. */
    private static List<String> closedAfter(int n) {
        return Reference.of(DATA.first(n), defaults.windowSizeMs(), defaults.latenessMs()).closed;
    }

    private static List<String> lines(int from, int to) {
        return DATA.requests.subList(from, to).stream().map(ItDataSet.Planned::line).toList();
    }

    /** Once {@code mode} has written as many window keys as expected, its last record of each key equals them. */
    private static List<String> check(String when, String mode, LogriverConfig c, List<String> expected)
            throws Exception {
        Map<String, String> last = Await.until(expected.size() + " windows in " + c.topics().stats(), DEADLINE,
                () -> lastByKey(c), m -> m.size() >= expected.size());
        List<String> got = new ArrayList<>(last.values());
        if (got.equals(expected)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(got);
        List<String> wrong = new ArrayList<>(got);
        wrong.removeAll(expected);
        return List.of(mode + " " + when + ": " + missing.size() + " expected windows missing or different, "
                + wrong.size() + " unexpected; first missing " + missing.stream().limit(2).toList()
                + ", first unexpected " + wrong.stream().limit(2).toList());
    }

    /** The last record of each window key in the stats topic, ordered as the reference orders them. */
    private static Map<String, String> lastByKey(LogriverConfig c) throws Exception {
        return WindowRecords.lastByKey(ResultFiles.readAll(c.bootstrapServers(), c.topics().stats()));
    }

    private static void submit(String mode, String name, LogriverConfig c) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--mode", mode, "--name", name, "--work-dir", workDir.toString()));
        for (Key<?> key : List.of(LogriverConfig.TOPIC_WEBLOGS, LogriverConfig.TOPIC_SESSIONS, LogriverConfig.TOPIC_STATS,
                LogriverConfig.TOPIC_DLQ, LogriverConfig.CONSUMER_GROUP, LogriverConfig.JOIN_WAIT_MS,
                LogriverConfig.CHECKPOINT_WRITE)) {
            argv.addAll(List.of("-c", key + "=" + c.toMap().get(key.name())));
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
