package io.logriver.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dev cluster end to end: {@code cluster up} on free ports (ZooKeeper, Nimbus, a Supervisor, Kafka, each its own
 * JVM), {@code submit} of the shaded topology jar in both modes (core and Trident, a worker JVM each), the window
 * records of a known data set against {@link Reference}, {@code stats} (the Storm UI's figures and logriver's metrics), {@code kill}, and {@code cluster
 * down} leaving no process behind, even the worker of a Supervisor that crashed.
 */
class ClusterIT {
    private static final String NAME = "logriver-core";
    private static final String TRIDENT = "logriver-trident";
    /** The Trident topology beside the core one, in the second slot, with outputs of its own. */
    private static final List<String> TRIDENT_OUTPUTS = List.of(LogriverConfig.TOPIC_STATS + "=weblog-stats-trident",
            LogriverConfig.TOPIC_DLQ + "=weblogs-dlq-trident", LogriverConfig.CONSUMER_GROUP + "=logriver-trident");
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static Path workDir;
    private static ClusterLayout layout;
    private static ClusterState state;

    @BeforeAll
    static void up() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "it-cluster-").toAbsolutePath();
        layout = ClusterLayout.in(workDir);
        new ClusterCommand().run(List.of("up", "--ports", "free", "--work-dir", workDir.toString()));
        state = ClusterState.load(layout);
    }

    @AfterAll
    static void down() throws Exception {
        if (layout != null) {
            new DevCluster(layout, Progress.quiet()).down(); // whatever the tests left running
        }
    }

    @Test
    void submitsBothModesProcessesReportsKillsAndStopsWithNothingLeftAfterACrash() throws Exception {
        LogriverConfig c = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + state.kafka(),
                LogriverConfig.JOIN_WAIT_MS + "=300", LogriverConfig.TOPIC_PARTITIONS + "=1"));
        ItDataSet data = ItDataSet.generate(5, 1500);
        Reference expected = Reference.of(data, c.windowSizeMs(), c.latenessMs());
        produce(c, data);
        submit("core", List.of("-c", LogriverConfig.JOIN_WAIT_MS + "=300"));
        submit("trident", List.of("--name", TRIDENT, "-c", LogriverConfig.JOIN_WAIT_MS + "=300",
                "-c", TRIDENT_OUTPUTS.get(0), "-c", TRIDENT_OUTPUTS.get(1), "-c", TRIDENT_OUTPUTS.get(2)));

        assertWindowsEqualTheReference(c, expected);
        assertWindowsEqualTheReference(c.with(Map.of(LogriverConfig.TOPIC_STATS, "weblog-stats-trident")), expected);
        String stats = await("stats with every record accounted for", () -> run(new StatsCommand()::run, NAME),
                s -> s.contains("read " + String.format("%,d", data.requests.size()) + " = ") && acked(s) > 0);
        assertAccounting(stats, data, expected);
        assertTrue(emitted(stats) > 0 && acked(stats) > 0, stats);
        assertEquals("a topology named " + NAME + " is already running on Nimbus at " + state.nimbusAddress()
                + ": bin/logriver kill " + NAME + " first, or choose another --name",
                assertThrows(IllegalStateException.class, () -> submit("core", List.of())).getMessage());

        List<ProcessHandle> processes = new ClusterProcesses(layout).all();
        assertEquals(9, processes.size(), "Kafka, Redis, ZooKeeper, Nimbus, Supervisor, two workers and their LogWriters");
        List<String> listening = ListeningSockets.of(processes);
        assertTrue(listening.size() >= 4, "listening sockets " + listening);
        assertTrue(listening.stream().allMatch(ListeningSockets::isLoopback), "not all on 127.0.0.1: " + listening);

        ProcessHandle supervisor = new ClusterProcesses(layout).daemon(ClusterState.SUPERVISOR).orElseThrow();
        supervisor.destroyForcibly(); // a crash
        supervisor.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(8, new ClusterProcesses(layout).all().size(), "its workers live on, as after a real crash");

        for (String name : List.of(NAME, TRIDENT)) {
            new KillCommand().run(List.of(name, "--wait", "0", "--work-dir", workDir.toString()));
        }
        assertTrue(run(new ListCommand()::run).contains("no topologies on Nimbus at " + state.nimbusAddress()));

        new ClusterCommand().run(List.of("down", "--work-dir", workDir.toString()));
        assertTrue(processes.stream().noneMatch(ProcessHandle::isAlive), "still alive after down: "
                + processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        assertTrue(new ClusterProcesses(layout).all().isEmpty());
    }

    @Test
    void namesTheAddressWhenNimbusOrKafkaDoesNotAnswer() {
        Exception nimbus = assertThrows(IllegalStateException.class, () -> new ListCommand().run(
                List.of("--nimbus", "127.0.0.1:1"), System.out));
        assertTrue(nimbus.getMessage().startsWith("Nimbus at 127.0.0.1:1 does not answer"), nimbus.getMessage());
        Exception kafka = assertThrows(IllegalStateException.class,
                () -> submit("core", List.of("--kafka", "127.0.0.1:1")));
        assertTrue(kafka.getMessage().startsWith("no Kafka broker answers at 127.0.0.1:1"), kafka.getMessage());
    }

    private static void produce(LogriverConfig c, ItDataSet data) throws Exception {
        Path requests = Files.write(workDir.resolve("requests.jsonl"),
                data.requests.stream().map(ItDataSet.Planned::line).toList(), StandardCharsets.UTF_8);
        Path sessions = Files.write(workDir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        try (Topics topics = new Topics(c.bootstrapServers()); RecordFiles files = new RecordFiles(c.bootstrapServers())) {
            topics.ensure(c, 1);
            files.produce(sessions, c.topics().sessions(), true); // before the join starts: it loads them first
            files.produce(requests, c.topics().weblogs(), false); // then end-of-input closes every window
        }
    }

    private static void submit(String mode, List<String> extra) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("--mode", mode, "--work-dir", workDir.toString()));
        argv.addAll(extra);
        new SubmitCommand().run(argv);
    }

    private static void assertWindowsEqualTheReference(LogriverConfig c, Reference expected) throws Exception {
        await("all " + expected.windows.size() + " window records in " + c.topics().stats(),
                () -> ResultFiles.readAll(c.bootstrapServers(), c.topics().stats()).size(),
                n -> n >= expected.windows.size());
        Path out = workDir.resolve("out.jsonl");
        ResultFiles.write(c, out, null);
        assertEquals(expected.windows, Files.readAllLines(out), "see " + out);
    }

    private static void assertAccounting(String stats, ItDataSet data, Reference expected) {
        String want = String.format("read %,d = aggregated %,d + filtered %,d + invalid %,d + late %,d",
                data.requests.size(), expected.aggregated, expected.filtered, expected.invalid, expected.late);
        assertTrue(stats.contains(want + "\n"), "expected '" + want + "' in\n" + stats);
        assertTrue(stats.contains("windows " + String.format("%,d", expected.windows.size()) + " "), stats);
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
            List<String> argv = new java.util.ArrayList<>(List.of(names));
            argv.addAll(List.of("--work-dir", workDir.toString()));
            command.run(argv, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until the value passes, or fails at the deadline showing the last value. */
    private static <T> T await(String what, Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            assertFalse(System.nanoTime() > deadline, "no " + what + " within " + DEADLINE + "; last:\n" + last);
            Thread.sleep(500);
            last = probe.get();
        }
        return last;
    }
}
