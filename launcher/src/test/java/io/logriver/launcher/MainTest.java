package io.logriver.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.cli.Home;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.cluster.ClusterState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every command prints when something is wrong: the table of {@code docs/errors.md} ("Checked by MainTest") is
 * the test's data, so the table cannot drift from what the commands do. Each row runs through {@link Main#run} with no
 * logriver server running: the exit status, the one line, and no stack trace anywhere.
 */
class MainTest {
    private static final Path TABLE = Home.dir().resolve("docs/errors.md");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$/]+\\(|^Caused by: |Exception in thread");
    private static final Pattern PROGRESS = Pattern.compile("^\\[\\d\\d:\\d\\d:\\d\\d\\] ");

    private static Path dir;
    private static ServerSocket taken;
    private static int closedPort;
    private static Path running;
    private static Process daemon;
    private static int works;

    /** One row of the table. */
    record Row(String command, String situation, int exit, String stream, String line) {
    }

    @BeforeAll
    static void fixtures() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "main-test-").toAbsolutePath();
        Files.writeString(dir.resolve("requests.jsonl"), "{\"timestamp\":1496515415000,\"webURL\":\"/a\","
                + "\"sessionID\":\"s\",\"durationMillis\":5}\n");
        Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // listens, never answers
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        running = dir.resolve("running");
        ClusterLayout layout = ClusterLayout.in(running);
        Files.createDirectories(layout.dir());
        // a stand-in for a daemon of the cluster: alive, its command line naming the cluster's directory
        daemon = new ProcessBuilder("sh", "-c", "sleep 600; :", layout.dir().toString()).start();
        Files.writeString(layout.pidFile(ClusterState.ZOOKEEPER), Long.toString(daemon.pid()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (daemon != null) {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly); // its sleep
            daemon.destroyForcibly();
        }
        if (taken != null) {
            taken.close();
        }
    }

    static Stream<Arguments> rows() throws IOException {
        return table().stream().map(r -> Arguments.of(r.command(), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void printsOneLineAndNoStackTrace(String command, Row row) throws Exception {
        Map<String, String> values = Map.of("{dir}", dir.toString(), "{work}", newWorkDir().toString(),
                "{running}", running.toString(), "{closed}", "127.0.0.1:" + closedPort,
                "{taken}", "127.0.0.1:" + taken.getLocalPort(), "{takenport}", Integer.toString(taken.getLocalPort()),
                "{log}", Main.logFile().toString());
        List<String> argv = new ArrayList<>(Arrays.asList(fill(row.command(), values).split(" ")));
        assertEquals("bin/logriver", argv.remove(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(argv, o, e);
        }
        List<String> stdout = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> stderr = err.toString(StandardCharsets.UTF_8).lines()
                .map(l -> PROGRESS.matcher(l).replaceFirst("")).toList();
        String shown = "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + String.join("\n", stderr);

        assertEquals(row.exit(), status, shown);
        List<String> stream = row.stream().equals("stdout") ? stdout : stderr;
        assertFalse(stream.isEmpty(), shown);
        String line = row.stream().equals("stdout") ? stream.get(0) : stream.get(stream.size() - 1);
        assertEquals(fill(row.line(), values), line, shown);
        assertTrue(Stream.concat(stdout.stream(), stderr.stream()).noneMatch(l -> STACK_FRAME.matcher(l).find()),
                "a stack trace:\n" + shown);
        if (status != 0) {
            long errorLines = err.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> !PROGRESS.matcher(l).find()).count();
            assertEquals(1, errorLines, "one line says what is wrong:\n" + shown);
        }
    }

    /**
     * The same through a JVM started as bin/logriver starts it, with its logging configuration: the details of a
     * failure reach the log file, never the terminal (the console appender printed stack traces before).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("asBinLogriver")
    void aLauncherJvmPrintsOnlyTheLine(String args, String expected) throws Exception {
        Path launcher = Home.dir().resolve("launcher/target");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogriver.home=" + Home.dir(), "-Dlogriver.logdir=" + dir.resolve("jvm-logs"),
                "-Dlog4j2.configurationFile=" + Home.dir().resolve("resources/log4j2.xml"), "-cp",
                launcher.resolve("classes") + java.io.File.pathSeparator
                        + Files.readString(launcher.resolve("classpath.txt")).trim(),
                Main.class.getName()));
        cmd.addAll(Arrays.asList(args.split(" ")));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), stderr);
        assertEquals("", stdout);
        assertEquals(List.of(expected + " (details: " + dir.resolve("jvm-logs/logriver.log") + ")"),
                stderr.lines().toList());
        assertTrue(Files.readString(dir.resolve("jvm-logs/logriver.log")).contains("\tat io.logriver.launcher."),
                "the stack trace is in the log");
    }

    static Stream<Arguments> asBinLogriver() {
        ClusterLayout layout = ClusterLayout.in(running);
        return Stream.of(
                Arguments.of("cluster up --work-dir " + running, "logriver: the cluster in " + layout.dir()
                        + " is already (partly) running: bin/logriver cluster status shows it, bin/logriver cluster "
                        + "down stops it"),
                Arguments.of("kill x --nimbus 127.0.0.1:" + closedPort, "logriver: Nimbus at 127.0.0.1:" + closedPort
                        + " does not answer (--nimbus HOST[:PORT]; bin/logriver cluster up starts the dev cluster): "
                        + "Could not find leader nimbus from seed hosts [127.0.0.1]. Did you specify a valid list of "
                        + "nimbus hosts for config nimbus.seeds?"));
    }

    @Test
    void theTableCoversEveryCommand() throws IOException {
        Set<String> commands = new TreeSet<>();
        for (Row r : table()) {
            String[] words = r.command().split(" ");
            if (words.length > 1) {
                commands.add(words[1]);
            }
        }
        assertTrue(commands.containsAll(List.of("run", "cluster", "submit", "list", "stats", "kill", "rebalance",
                "bench", "generate", "replay", "watch", "reprocess", "ui")),
                commands.toString());
    }

    /** The rows under "Checked by MainTest" in docs/errors.md. */
    static List<Row> table() throws IOException {
        List<String> lines = Files.readAllLines(TABLE);
        int start = lines.indexOf("## Checked by MainTest");
        assertTrue(start >= 0, "no section 'Checked by MainTest' in " + TABLE);
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String l : lines.subList(start + 1, lines.size())) {
            if (l.startsWith("|---")) {
                inTable = true;
            } else if (inTable && l.startsWith("|")) {
                String[] c = Arrays.stream(l.substring(1, l.length() - 1).split("(?<!\\\\)\\|"))
                        .map(cell -> cell.trim().replace("\\|", "|")).toArray(String[]::new);
                rows.add(new Row(code(c[0]), c[1], Integer.parseInt(c[2]), c[3], code(c[4])));
            } else if (inTable) {
                break;
            }
        }
        assertTrue(rows.size() > 30, "rows of " + TABLE + ": " + rows.size());
        return rows;
    }

    private static String code(String cell) {
        assertTrue(cell.startsWith("`") && cell.endsWith("`"), "not `code`: " + cell);
        return cell.substring(1, cell.length() - 1);
    }

    private static String fill(String text, Map<String, String> values) {
        String s = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            s = s.replace(v.getKey(), v.getValue());
        }
        return s;
    }

    private static synchronized Path newWorkDir() throws IOException {
        return Files.createDirectories(dir.resolve("work-" + works++));
    }
}
