package io.logriver.launcher.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.filemode.ResultFiles;
import io.logriver.launcher.kafka.TopicFollower;
import io.logriver.launcher.submit.KillCommand;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.testing.Await;
import io.logriver.launcher.testing.TestCluster;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a user does with a submitted topology, on one dev cluster (free ports) for the whole class, through the
 * commands themselves: {@code replay} feeds a known data set to a core and a Trident topology side by side, the window
 * records {@code watch}'s consumer reads equal {@link Reference}'s, {@code watch} shows them raw, as a table and the
 * dead letters by reason; {@code reprocess} reads the same topic again into new topics, equal to the first run's; and
 * {@code generate} writes what it says it wrote.
 */
@Tag("dev-cluster") // run one at a time: each fills both cores (launcher/pom.xml)
class FeedWatchIT {
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String TRIDENT = "logriver-trident";
    private static final String STATS = "weblog-stats";
    private static final String TRIDENT_STATS = "weblog-stats-trident";
    private static TestCluster cluster;
    private static Path workDir;
    private static ClusterState state;

    @BeforeAll
    static void up() throws Exception {
        cluster = TestCluster.up("it-feed-", 4);
        workDir = cluster.workDir;
        state = cluster.state;
    }

    @AfterAll
    static void down() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void replayFeedsBothModesWatchShowsTheReferenceAndReprocessingWritesTheSameWindowsAgain() throws Exception {
        ItDataSet data = ItDataSet.generate(31, 1200);
        Path requests = Files.write(workDir.resolve("requests.jsonl"),
                data.requests.stream().map(ItDataSet.Planned::line).toList(), StandardCharsets.UTF_8);
        Path sessions = Files.write(workDir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        // the sessions first: both joins read the session topic to its end when they start, so every request joins
        assertEquals("{\"requests\":0,\"sessions\":" + data.sessionLines.size() + ",\"endOfInput\":false}",
                command(REPLAY, "--sessions", sessions.toString()).get(0));
        new SubmitCommand().run(List.of("--work-dir", workDir.toString()));
        new SubmitCommand().run(List.of("--mode", "trident", "--name", TRIDENT, "--work-dir", workDir.toString(),
                "-c", LogriverConfig.TOPIC_STATS + "=" + TRIDENT_STATS, "-c", LogriverConfig.TOPIC_DLQ
                        + "=weblogs-dlq-trident", "-c", LogriverConfig.CONSUMER_GROUP + "=logriver-trident"));
        assertEquals("{\"requests\":1200,\"sessions\":0,\"endOfInput\":true}",
                command(REPLAY, "--input", requests.toString(), "--end-of-input").get(0));

        LogriverConfig c = ConfigLoader.defaultConfig();
        Reference expected = Reference.of(data, c.windowSizeMs(), c.latenessMs(), c.topics().partitions());
        assertEquals(expected.windows, follow(STATS, expected.windows.size()), "core");
        assertEquals(expected.windows, follow(TRIDENT_STATS, expected.windows.size()), "trident");
        watchShowsThem(data, expected);

        reprocessBoth(expected.windows);
        for (String name : List.of("logriver-core", "logriver-core-weblog-stats-v2", "trident-v2")) {
            new KillCommand().run(List.of(name, "--wait", "0", "--work-dir", workDir.toString()));
        }
    }

    /** {@code watch}: the records raw, a table of one organisation's windows, and the dead letters by reason. */
    private static void watchShowsThem(ItDataSet data, Reference expected) throws Exception {
        List<String> raw = command(WATCH, "--json", "--from-beginning", "--until-idle", "2");
        assertEquals(expected.windows, ResultFiles.sorted(raw));

        List<String> table = command(WATCH, "--from-beginning", "--until-idle", "2", "--org", "org-1",
                "--url", "/app/page");
        TreeSet<String> windows = new TreeSet<>();
        for (String w : expected.windows) {
            if (w.contains("\"orgID\":\"org-1\",\"webURL\":\"/app/page")) {
                windows.add(w.substring(w.indexOf(':') + 2, w.indexOf('"', w.indexOf(':') + 2)));
            }
        }
        assertEquals(windows, new TreeSet<>(table.stream().filter(l -> l.startsWith("window "))
                .map(l -> l.split(" ")[1]).toList()), String.join("\n", table));
        assertTrue(table.stream().filter(l -> !l.startsWith("window ")).allMatch(l -> l.startsWith("    org-1    /app/page")),
                String.join("\n", table));

        Map<String, Long> reasons = new TreeMap<>();
        data.requests.stream().filter(p -> p.invalidReason() != null)
                .forEach(p -> reasons.merge(p.invalidReason() + " weblogs", 1L, Long::sum));
        reasons.put("late weblogs", expected.late);
        Map<String, Long> shown = new TreeMap<>();
        Pattern row = Pattern.compile("  (\\S+) +(\\S+) +([\\d,]+)  .*");
        for (String line : command(WATCH, "--dlq", "--from-beginning", "--until-idle", "2")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                shown.merge(m.group(1) + " " + m.group(2), Long.parseLong(m.group(3).replace(",", "")), (a, b) -> b);
            }
        }
        assertEquals((long) data.invalidSessions, shown.entrySet().stream().filter(e -> e.getKey().endsWith(" sessions"))
                .mapToLong(Map.Entry::getValue).sum(), shown.toString());
        shown.keySet().removeIf(k -> k.endsWith(" sessions"));
        assertEquals(reasons, shown);
    }

    /**
     * Kappa: a copy of each topology reads the request topic again, into topics of its own, under a new consumer group
     * (so with state of its own); their window records equal the first run's. The copy's output must be new.
     */
    private static void reprocessBoth(List<String> firstRun) throws Exception {
        assertEquals("--to-topic " + STATS + " is the output of logriver-core: give the copy a new topic",
                assertThrows(Args.UsageException.class, () -> command(REPROCESS, "logriver-core",
                        "--to-topic", STATS)).getMessage());
        assertEquals(String.format("topic %s already holds %,d records: choose another --to-topic (or delete that "
                + "topic)", TRIDENT_STATS, firstRun.size()), assertThrows(IllegalStateException.class, () ->
                command(REPROCESS, "logriver-core", "--to-topic", TRIDENT_STATS)).getMessage());

        command(REPROCESS, TRIDENT, "--to-topic", TRIDENT_STATS + "-v2", "--name", "trident-v2",
                "--wait", "0");
        // the copy runs on its own: the first Trident topology goes, as a user retires it (an idle Trident topology's
        // empty batches take about 0.8 of a core with ZooKeeper and Kafka, which the core copy needs to start)
        new KillCommand().run(List.of(TRIDENT, "--wait", "0", "--work-dir", workDir.toString()));
        List<String> waited = command(REPROCESS, "logriver-core", "--to-topic", STATS + "-v2",
                "--wait", "3m");
        assertTrue(waited.get(0).startsWith("caught up: " + STATS + "-v2 at window "), String.join("\n", waited));
        assertEquals("next: switch the consumers of " + STATS + " to " + STATS + "-v2 (bin/logriver watch --topic "
                + STATS + "-v2 follows it), then bin/logriver kill logriver-core", waited.get(1));
        assertEquals(firstRun, follow(STATS + "-v2", firstRun.size()), "core, reprocessed");
        assertEquals(firstRun, follow(TRIDENT_STATS + "-v2", firstRun.size()), "trident, reprocessed");
    }

    @Test
    void generateWritesWhatItSaysToTheTopicsOfItsPrefix() throws Exception {
        List<String> out = command(GENERATE, "--topics", "gen-", "--rate", "200", "--duration", "3",
                "--seed", "9");
        Matcher m = Pattern.compile("sent ([\\d,]+) requests to gen-weblogs and ([\\d,]+) sessions to gen-sessions in "
                + "[\\d.]+ s \\([\\d,]+ requests/s\\); Kafka refused 0").matcher(out.get(0));
        assertTrue(m.matches(), out.get(0));
        long requests = Long.parseLong(m.group(1).replace(",", ""));
        assertTrue(requests >= 500 && requests <= 620, "about 200/s for 3 s: " + requests);
        assertEquals(requests, ResultFiles.readAll(state.kafka(), "gen-weblogs").size());
        assertEquals(Long.parseLong(m.group(2).replace(",", "")),
                ResultFiles.readAll(state.kafka(), "gen-sessions").size());
    }

    @Test
    void sayWhatIsWrongInOneLine() throws Exception {
        Path big = Files.writeString(workDir.resolve("big.jsonl"), "{}\n" + "x".repeat(1_100_000) + "\n");
        IOException tooLarge = assertThrows(IOException.class, () -> command(REPLAY, "--input",
                big.toString(), "-c", LogriverConfig.TOPIC_WEBLOGS + "=big-weblogs"));
        assertEquals(big + " line 2: more than 1,048,588 bytes, the most the Kafka topic big-weblogs takes (its "
                + "max.message.bytes); records over 64 KiB are invalid anyway: remove or shorten the line",
                tooLarge.getMessage());
        assertEquals(0, ResultFiles.readAll(state.kafka(), "big-weblogs").size(), "not even line 1 is written");

        assertEquals("no topic nothing-here on the Kafka broker at " + state.kafka() + " (bin/logriver submit creates "
                + "a topology's topics; --topic names another)", assertThrows(IllegalStateException.class,
                () -> command(WATCH, "--topic", "nothing-here")).getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> command(REPROCESS, "nope", "--to-topic",
                "t")).getMessage().startsWith("no topology named nope on Nimbus at " + state.nimbusAddress()));
    }

    /**
     * The window records of {@code topic}, read with {@code watch}'s consumer from the beginning until there are
     * {@code n}, sorted as file mode sorts them.
     */
    private static List<String> follow(String topic, int n) throws Exception {
        List<String> records = new ArrayList<>();
        try (TopicFollower follower = new TopicFollower(state.kafka(), topic, true)) {
            Await.until(n + " records in " + topic, DEADLINE, () -> {
                follower.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.value()));
                return records.size();
            }, size -> size >= n);
        }
        return ResultFiles.sorted(records);
    }

    /** A command that prints its result to {@code out} (progress to stderr). */
    interface Command {
        int run(PrintStream out, List<String> argv) throws Exception;
    }

    private static final Command REPLAY = (out, argv) -> new ReplayCommand(out, System.err).run(argv);
    private static final Command WATCH = (out, argv) -> new WatchCommand(out, System.err).run(argv);
    private static final Command REPROCESS = (out, argv) -> new ReprocessCommand(out, System.err).run(argv);
    private static final Command GENERATE = (out, argv) -> new GenerateCommand(out, System.err).run(argv);

    /** Runs a command against this class's cluster (its work directory); returns what it printed on stdout. */
    private static List<String> command(Command command, String... argv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            List<String> args = new ArrayList<>(List.of(argv));
            args.addAll(List.of("--work-dir", workDir.toString()));
            assertEquals(0, command.run(out, args));
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
