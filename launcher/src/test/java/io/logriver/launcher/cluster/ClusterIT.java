package io.logriver.launcher.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.filemode.ResultFiles;
import io.logriver.launcher.kafka.RecordFiles;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.submit.KillCommand;
import io.logriver.launcher.submit.ListCommand;
import io.logriver.launcher.submit.RebalanceCommand;
import io.logriver.launcher.submit.StatsCommand;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.testing.Await;
import io.logriver.launcher.testing.TestCluster;
import io.logriver.launcher.testing.WindowRecords;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
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
 * The dev cluster end to end: {@code cluster up} on free ports (ZooKeeper, Nimbus, a Supervisor with four slots,
 * Kafka, each its own JVM), {@code submit} of the shaded topology jar in both modes side by side, each in two workers
 * with two tasks of every stage on two partitions, so tuples cross workers through Netty, serialized. Their window
 * records equal {@link Reference}'s, through two rebalances mid-stream (two workers to one and back), which lose
 * nothing: the windows open at that moment are in Redis, and close as the next data comes. Then {@code stats} (the Storm UI's
 * figures, each worker, and logriver's metrics), every listening socket on 127.0.0.1, {@code kill}, and
 * {@code cluster down} leaving no process behind, even the workers of a Supervisor that crashed.
 */
@Tag("dev-cluster") // run one at a time: each fills both cores (launcher/pom.xml)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final String NAME = "logriver-core";
    private static final String TRIDENT = "logriver-trident";
    /** The Trident topology beside the core one, with outputs of its own. */
    private static final List<String> TRIDENT_OUTPUTS = List.of(LogriverConfig.TOPIC_STATS + "=weblog-stats-trident",
            LogriverConfig.TOPIC_DLQ + "=weblogs-dlq-trident", LogriverConfig.CONSUMER_GROUP + "=logriver-trident");
    private static final int PARTITIONS = 2;
    /** Two workers, two tasks of every stage (both modes), a short join wait. */
    private static final List<String> SPREAD = List.of("topology.workers=2", LogriverConfig.TRIDENT_PARALLELISM + "=2",
            LogriverConfig.PARALLELISM_PREFIX + "spout=2", LogriverConfig.PARALLELISM_PREFIX + "parse=2",
            LogriverConfig.PARALLELISM_PREFIX + "join=2",
            LogriverConfig.PARALLELISM_PREFIX + "aggregate=2", LogriverConfig.PARALLELISM_PREFIX + "sink=2",
            LogriverConfig.JOIN_WAIT_MS + "=300");
    private static final long HOUR = 3_600_000L;
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static TestCluster cluster;
    private static Path workDir;
    private static ClusterLayout layout;
    private static ClusterState state;

    @BeforeAll
    static void up() throws Exception {
        cluster = TestCluster.up("it-cluster-", 4);
        workDir = cluster.workDir;
        layout = cluster.layout;
        state = cluster.state;
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster != null) {
            cluster.close(); // whatever the tests left running
        }
    }

    @Test
    @Order(2) // it ends with cluster down
    void bothModesInTwoWorkersEqualTheReferenceThroughRebalancesAndStopWithNothingLeft() throws Exception {
        LogriverConfig c = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + state.kafka(),
                LogriverConfig.TOPIC_PARTITIONS + "=" + PARTITIONS));
        LogriverConfig trident = c.with(Map.of(LogriverConfig.TOPIC_STATS.name(), "weblog-stats-trident"));
        ItDataSet a = ItDataSet.generate(5, 1500, ItDataSet.T0);
        produceSessions(c, a);
        submit("core", List.of());
        submit("trident", List.of("--name", TRIDENT, "-c", TRIDENT_OUTPUTS.get(0), "-c", TRIDENT_OUTPUTS.get(1),
                "-c", TRIDENT_OUTPUTS.get(2)));

        // two workers each: the windows the data closes, exactly; then the figures and the sockets
        Reference first = produce(c, a, false);
        assertWindows(first.closed, c, trident);
        assertStats(a.requests.size(), first, first.closed.size(), 2);
        List<ProcessHandle> processes = new ClusterProcesses(layout).all();
        assertEquals(14, processes.size(),
                "Kafka, Redis, ZooKeeper, Nimbus, Supervisor, the Storm UI, four workers and their LogWriters");
        assertEverySocketOnLoopbackAndAWorkerOnEachUsedSlot(processes, 4);
        assertEquals("a topology named " + NAME + " is already running on Nimbus at " + state.nimbusAddress()
                + ": bin/logriver kill " + NAME + " first, or choose another --name",
                assertThrows(IllegalStateException.class, () -> submit("core", List.of())).getMessage());

        // rebalanced to one worker mid-stream: the windows open then are kept, and close with the next data
        rebalance(1);
        ItDataSet b = ItDataSet.generate(6, 1000, ItDataSet.T0 + HOUR);
        produce(c, b, false);
        assertWindows(reference(a.then(b)).closed, c, trident);

        // and back to two: the same, and the end of the input closes every window
        rebalance(2);
        ItDataSet last = ItDataSet.generate(7, 1000, ItDataSet.T0 + 2 * HOUR);
        produce(c, last, true);
        assertWindows(reference(a.then(b).then(last)).windows, c, trident);

        crashSupervisorKillAndStop();
    }

    /** A crashed Supervisor leaves its workers running; kill and {@code cluster down} leave nothing behind. */
    private static void crashSupervisorKillAndStop() throws Exception {
        List<ProcessHandle> processes = new ClusterProcesses(layout).all();
        ProcessHandle supervisor = new ClusterProcesses(layout).daemon(ClusterState.SUPERVISOR).orElseThrow();
        supervisor.destroyForcibly(); // a crash
        supervisor.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(processes.size() - 1, new ClusterProcesses(layout).all().size(),
                "its workers live on, as after a real crash");
        for (String name : List.of(NAME, TRIDENT)) {
            new KillCommand().run(List.of(name, "--wait", "0", "--work-dir", workDir.toString()));
        }
        assertTrue(run(new ListCommand()::run).contains("no topologies on Nimbus at " + state.nimbusAddress()));

        new ClusterCommand().run(List.of("down", "--work-dir", workDir.toString()));
        assertTrue(processes.stream().noneMatch(ProcessHandle::isAlive), "still alive after down: "
                + processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        assertTrue(new ClusterProcesses(layout).all().isEmpty());
        assertTrue(new ClusterProcesses(layout).unlisted().isEmpty());
    }

    @Test
    @Order(1) // while the cluster's broker answers: the Redis case gets past the Kafka check
    void namesTheAddressWhenNimbusKafkaOrRedisDoesNotAnswer() {
        Exception nimbus = assertThrows(IllegalStateException.class, () -> new ListCommand().run(
                List.of("--nimbus", "127.0.0.1:1"), System.out));
        assertTrue(nimbus.getMessage().startsWith("Nimbus at 127.0.0.1:1 does not answer"), nimbus.getMessage());
        Exception kafka = assertThrows(IllegalStateException.class,
                () -> submit("core", List.of("--kafka", "127.0.0.1:1")));
        assertTrue(kafka.getMessage().startsWith("no Kafka broker answers at 127.0.0.1:1"), kafka.getMessage());
        Exception redis = assertThrows(IllegalStateException.class,
                () -> submit("core", List.of("--redis", "127.0.0.1:1")));
        assertEquals("no Redis answers at 127.0.0.1:1 (--redis HOST:PORT or logriver.redis.url; or "
                + "logriver.state.backend=memory, whose state a worker crash loses)", redis.getMessage());
    }

    /** The session records, before the topologies start: every join loads them first. */
    private static void produceSessions(LogriverConfig c, ItDataSet data) throws Exception {
        Path sessions = Files.write(workDir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        try (Topics topics = new Topics(c.bootstrapServers()); RecordFiles files = new RecordFiles(c.bootstrapServers())) {
            topics.ensure(c, 1);
            files.produce(sessions, c.topics().sessions(), true);
        }
    }

    /**
     * Writes request i to partition i mod {@link #PARTITIONS}, as {@link Reference} spreads them, then the end of
     * the input if asked; returns the reference of these requests alone, as a topology that starts with them sees them.
     */
    private static Reference produce(LogriverConfig c, ItDataSet data, boolean endOfInput) throws Exception {
        Properties p = RecordFiles.inOrder(c.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < data.requests.size(); i++) {
                producer.send(new ProducerRecord<>(c.topics().weblogs(), i % PARTITIONS, null,
                        data.requests.get(i).line().getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (endOfInput) {
            try (RecordFiles files = new RecordFiles(c.bootstrapServers())) {
                files.endOfInput(c.topics().weblogs());
            }
        }
        return reference(data);
    }

    /** The reference of requests written as {@link #produce} writes them, with the default window and lateness. */
    private static Reference reference(ItDataSet data) {
        LogriverConfig c = ConfigLoader.defaultConfig();
        return Reference.of(data, c.windowSizeMs(), c.latenessMs(), PARTITIONS);
    }

    private static void submit(String mode, List<String> extra) throws Exception {
        List<String> argv = new ArrayList<>(List.of("--mode", mode, "--work-dir", workDir.toString()));
        for (String setting : SPREAD) {
            argv.addAll(List.of("-c", setting));
        }
        argv.addAll(extra);
        new SubmitCommand().run(argv);
    }

    /** Both topologies to {@code workers} workers; the rebalance command returns once Nimbus has them active. */
    private static void rebalance(int workers) throws Exception {
        for (String name : List.of(NAME, TRIDENT)) {
            new RebalanceCommand().run(List.of(name, "--workers", Integer.toString(workers), "--wait", "2",
                    "--work-dir", workDir.toString()));
        }
        for (String name : List.of(NAME, TRIDENT)) {
            Await.until(name + " in " + workers + " workers", DEADLINE, () -> run(new StatsCommand()::run, name),
                    s -> workerLines(s) == workers && s.contains(" ACTIVE, "));
        }
    }

    /** Each topology's topic holds exactly {@code expected} (window records sorted as file mode sorts them). */
    /**
     * Each topology's stats topic, read as a consumer of a compacted topic reads it (the last record of each window
     * key), equals {@code expected}; a rebalance may replay tuples, so a window record may be written again, but only
     * with the same content.
     */
    private static void assertWindows(List<String> expected, LogriverConfig... topologies) throws Exception {
        for (LogriverConfig c : topologies) {
            Map<String, String> last = Await.until(expected.size() + " window keys in " + c.topics().stats(), DEADLINE,
                    () -> WindowRecords.lastByKey(ResultFiles.readAll(c.bootstrapServers(), c.topics().stats())),
                    m -> m.size() >= expected.size());
            assertEquals(expected, new ArrayList<>(last.values()), c.topics().stats());
            List<String> all = ResultFiles.readAll(c.bootstrapServers(), c.topics().stats());
            System.out.printf("ClusterIT %s: %d window records for %d keys%n", c.topics().stats(), all.size(),
                    expected.size());
            List<String> rewritten = WindowRecords.rewritten(c.topics().stats(), all);
            assertTrue(rewritten.isEmpty(), String.join("\n", rewritten));
        }
    }

    /** The core topology's stats: its workers, and every record of {@code r} counted once by its current workers. */
    private static void assertStats(int records, Reference r, int windows, int workers) throws Exception {
        String want = String.format("read %,d = aggregated %,d + filtered %,d + invalid %,d + late %,d",
                records, r.aggregated, r.filtered, r.invalid, r.late);
        String stats = Await.until("stats with '" + want + "'", DEADLINE, () -> run(new StatsCommand()::run, NAME),
                s -> s.contains(want + "\n") && acked(s) > 0);
        assertTrue(stats.contains("windows " + String.format("%,d", windows) + " "), stats);
        assertTrue(emitted(stats) > 0, stats);
        assertEquals(workers, workerLines(stats), stats);
    }

    /** The worker lines of {@code stats}: "127.0.0.1:PORT up ...". */
    private static long workerLines(String stats) {
        return stats.lines().filter(l -> l.matches("  127\\.0\\.0\\.1:\\d+ +up \\d+s, .*")).count();
    }

    /** Every listening socket of the cluster is on 127.0.0.1, and {@code workers} of them are on worker slots. */
    private static void assertEverySocketOnLoopbackAndAWorkerOnEachUsedSlot(List<ProcessHandle> processes, int workers)
            throws Exception {
        List<String> listening = ListeningSockets.of(processes);
        assertTrue(listening.stream().allMatch(ListeningSockets::isLoopback), "not all on 127.0.0.1: " + listening);
        long onSlots = listening.stream().filter(s -> state.slots().contains(ListeningSockets.port(s))).count();
        assertEquals(workers, onSlots, "the workers' Netty servers, on their slots: " + listening);
    }

    private static long emitted(String stats) {
        return figure(stats, "emitted");
    }

    private static long acked(String stats) {
        return figure(stats, "acked");
    }

    /** A figure of the topology's all-time line. */
    private static long figure(String stats, String name) {
        Matcher m = Pattern.compile("all time .*" + name + " ([\\d,]+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    /** A command that prints its result. */
    interface Command {
        int run(List<String> argv, PrintStream out) throws Exception;
    }

    /** What a command prints, run against this test's cluster. */
    private static String run(Command command, String... names) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            List<String> argv = new ArrayList<>(List.of(names));
            argv.addAll(List.of("--work-dir", workDir.toString()));
            command.run(argv, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
