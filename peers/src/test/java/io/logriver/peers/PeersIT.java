package io.logriver.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.peers.flink.FlinkPeer;
import io.logriver.peers.host.HostedPeer;
import io.logriver.peers.kstreams.KStreamsPeer;
import io.logriver.process.Deadline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both peers on a real Kafka broker, side by side on the same input: Kafka Streams and Flink on a MiniCluster in this
 * JVM, and Flink in a JVM of its own. On {@link PeerDataSet}, which keeps clear of where the engines differ, each one's
 * window records equal logriver's (computed from the data set's facts), and its dead letters name every invalid
 * request. Each run writes its own output topics.
 */
class PeersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBLOGS = "weblogs";
    private static final String SESSIONS = "sessions";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> RUNS = List.of("kstreams", "flink", "flink-jvm");

    private static TestBroker broker;
    private static PeerDataSet data;
    private static LogriverConfig config;
    private static final Map<String, Peer> peers = new LinkedHashMap<>();
    private static final Map<String, List<String>> windows = new HashMap<>();
    private static final Map<String, List<String>> deadLetters = new HashMap<>();
    private static long aggregated;

    @BeforeAll
    static void runPeers() throws Exception {
        long t0 = System.nanoTime();
        broker = new TestBroker();
        say(t0, "broker up");
        data = PeerDataSet.generate(11, 2500);
        config = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + broker.bootstrapServers(),
                LogriverConfig.TOPIC_WEBLOGS + "=" + WEBLOGS, LogriverConfig.TOPIC_SESSIONS + "=" + SESSIONS,
                LogriverConfig.LATENCY_HOOK + "=" + LatencyProbe.HOOK));
        Topics topics = new Topics(broker);
        List<String> others = new ArrayList<>(List.of(WEBLOGS));
        RUNS.forEach(run -> others.addAll(List.of(stats(run), dlq(run))));
        topics.create(SESSIONS, others);
        topics.write(SESSIONS, data.sessions.stream().map(s -> Topics.record(s.key(), s.line())).toList());
        Map<String, Function<PeerSettings, Peer>> engines = Map.of("kstreams", KStreamsPeer::new,
                "flink", FlinkPeer::new, "flink-jvm", s -> new HostedPeer("flink", s));
        List<Callable<Void>> starts = new ArrayList<>();
        for (String run : RUNS) {
            LogriverConfig c = config.with(Map.of(LogriverConfig.TOPIC_STATS.name(), stats(run),
                    LogriverConfig.TOPIC_DLQ.name(), dlq(run)));
            PeerSettings s = PeerSettings.of(c, "it-" + run, broker.dir.resolve(run));
            if (run.startsWith("flink")) {
                s = s.withEngine("execution.checkpointing.interval", "500 ms");
            }
            Peer peer = engines.get(run).apply(s);
            peers.put(run, peer);
            starts.add(() -> start(peer, t0, run));
        }
        ExecutorService side = Executors.newFixedThreadPool(starts.size());
        try {
            for (Future<Void> started : side.invokeAll(starts)) {
                started.get();
            }
        } finally {
            side.shutdown();
        }
        List<Map.Entry<String, String>> requests = new ArrayList<>();
        data.requests.forEach(p -> requests.add(Topics.record(null, p.line())));
        requests.add(Topics.record(null, data.closingRequest(config.windowSizeMs(), config.latenessMs())));
        topics.write(WEBLOGS, requests);
        say(t0, "requests written");
        List<String> expected = data.expectedWindows(config.windowSizeMs());
        long invalid = data.requests.stream().filter(p -> p.invalidReason() != null).count();
        for (String run : RUNS) {
            windows.put(run, topics.readAtLeast(stats(run), expected.size(), TIMEOUT));
            int sessionLetters = run.startsWith("flink") ? 3 : 0;
            deadLetters.put(run, topics.readAtLeast(dlq(run), (int) invalid + sessionLetters, TIMEOUT));
            say(t0, run + " output read");
        }
        aggregated = expected.stream().mapToLong(w -> field(w, "count").asLong()).sum() + 1; // and the closing one
    }

    /** Starts a peer; they start side by side, as each start mostly waits. */
    private static Void start(Peer peer, long t0, String run) throws InterruptedException {
        peer.start();
        say(t0, run + " started");
        return null;
    }

    /** Progress, in the test's output file (target/failsafe-reports). */
    private static void say(long t0, String what) {
        System.out.printf("%6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    private static String stats(String run) {
        return "weblog-stats-" + run;
    }

    private static String dlq(String run) {
        return "weblogs-dlq-" + run;
    }

    @AfterAll
    static void stop() {
        peers.values().forEach(Peer::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void dataSetKeepsClearOfTheDifferences() {
        assertEquals(0, data.lateByLogriversRule(config.windowSizeMs(), config.latenessMs()));
        List<String> expected = data.expectedWindows(config.windowSizeMs());
        assertTrue(expected.size() > 100, "windows " + expected.size());
        assertTrue(expected.stream().anyMatch(w -> w.contains("\"orgID\":\"unknown\"")), "join misses");
        assertTrue(expected.stream().anyMatch(w -> w.contains("\"orgID\":\"org-moved-")), "session updates");
        assertTrue(expected.stream().anyMatch(w -> !w.contains("\"errors\":0,")), "errors");
        assertTrue(data.requests.stream().filter(p -> p.invalidReason() != null).count() > 30, "invalid requests");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kstreams", "flink", "flink-jvm"})
    void windowsEqualLogriversOnce(String run) {
        List<String> expected = data.expectedWindows(config.windowSizeMs());
        List<String> actual = windows.get(run).stream().sorted(Comparator.comparing((String w) -> text(w, "windowStart"))
                .thenComparing(w -> text(w, "orgID")).thenComparing(w -> text(w, "webURL"))).toList();
        assertEquals(expected.size(), actual.size(), "window records of " + run);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "window record " + i + " of " + run);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kstreams", "flink", "flink-jvm"})
    void deadLettersNameEveryInvalidRequestWhereItWasRead(String run) {
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < data.requests.size(); i++) {
            if (data.requests.get(i).invalidReason() != null) {
                expected.put((long) i, data.requests.get(i).invalidReason()); // one partition: offset = line number
            }
        }
        Map<Long, String> actual = new HashMap<>();
        long sessionLetters = 0;
        for (String d : deadLetters.get(run)) {
            if (text(d, "topic").equals(WEBLOGS)) {
                assertEquals(0, field(d, "partition").asInt(), d);
                assertEquals(null, actual.put(field(d, "offset").asLong(), text(d, "reason")), "twice: " + d);
            } else {
                assertEquals(SESSIONS, text(d, "topic"), d);
                sessionLetters++;
            }
        }
        assertEquals(expected, actual);
        // Kafka Streams' global table takes its topic as it is: nothing there can dead-letter an invalid session
        assertEquals(run.startsWith("flink") ? 3 : 0, sessionLetters, "session dead letters of " + run);
    }

    @Test
    void probeCountsEveryRecordAppliedToItsWindowOnce() throws InterruptedException {
        // Kafka Streams and the MiniCluster share this JVM's probe
        Latencies here = peers.get("kstreams").latencies();
        assertEquals(2 * aggregated, here.applied());
        assertEquals(2 * aggregated, here.takeEndToEnd().getTotalCount(), "every request carried its send time");
        // the Flink JVM reports its own once a second
        Latencies own = peers.get("flink-jvm").latencies();
        Deadline.await(Duration.ofSeconds(10), Duration.ofMillis(100), () -> own.applied() >= aggregated);
        assertEquals(aggregated, own.applied());
        assertEquals(aggregated, own.takeInTopology().getTotalCount());
    }

    @Test
    void everyServerListensOnLoopbackOnly() throws IOException {
        // this JVM (Kafka Streams, the MiniCluster), the Flink JVM and the broker
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle p : Stream.concat(Stream.of(ProcessHandle.current()),
                ProcessHandle.current().descendants()).toList()) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
                fds.map(PeersIT::linkTarget).filter(t -> t.startsWith("socket:["))
                        .forEach(t -> inodes.add(t.substring(8, t.length() - 1)));
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    listening.add(f[1]);
                }
            }
        }
        assertTrue(listening.size() >= 3, "the broker's two listeners and Flink's REST endpoints: " + listening);
        for (String local : listening) {
            String address = local.substring(0, local.indexOf(':'));
            assertTrue(address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"),
                    "listens beyond 127.0.0.1: " + local + " (hex address:port of /proc/net/tcp)");
        }
    }

    private static String linkTarget(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }

    private static JsonNode field(String json, String name) {
        try {
            return JSON.readTree(json).get(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String json, String name) {
        return field(json, name).asText();
    }
}
