package io.logriver.peers.host;

import io.logriver.process.Processes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM this one starts and talks to in lines: commands on its standard input, answers and reports on its standard
 * output (a listener takes the reports; every other line is an answer), its standard error in a log file. It gets
 * this JVM's process id as its first argument, so that it can end when this one does.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String EXITED = "\u0000exited";
    private final String name;
    private final Process process;
    private final Path log;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private ChildJvm(String name, Process process, Path log, Predicate<String> reports) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread reader = new Thread(() -> read(reports), "child-jvm-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass PARENT_PID args...} on {@code classpath} with the JVM options given; its logs go to
     * {@code logDir} ({@code -Dlogriver.logdir}, and its standard error as {@code stderr.log}). {@code reports} takes the
     * lines it reports, and returns false for an answer.
     */
    public static ChildJvm start(String name, String classpath, List<String> jvmOptions, Path logDir,
                                 String log4jConfig, String mainClass, List<String> args, Predicate<String> reports) {
        Path home = home();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dlogriver.home=" + home, "-Dlogriver.logdir=" + logDir,
                "-Dlog4j2.configurationFile=" + log4jConfig, "-cp", classpath, mainClass,
                Long.toString(ProcessHandle.current().pid())));
        cmd.addAll(args);
        try {
            Path stderr = Files.createDirectories(logDir).resolve("stderr.log");
            Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
            return new ChildJvm(name, p, stderr, reports);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the JVM of " + name + ": " + e.getMessage(), e);
        }
    }

    /** Where logriver is installed ({@code -Dlogriver.home}, set by bin/logriver and the builds' tests). */
    public static Path home() {
        return Path.of(System.getProperty("logriver.home", ".")).toAbsolutePath().normalize();
    }

    /** A module's class path: its classes and the jars its build listed in {@code MODULE/target/classpath.txt}. */
    public static String classpath(String module) {
        Path target = home().resolve(module).resolve("target");
        Path cpFile = target.resolve("classpath.txt");
        try {
            return target.resolve("classes") + File.pathSeparator + Files.readString(cpFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + cpFile + ": build first (mvn -q install -DskipTests)", e);
        }
    }

    private void read(Predicate<String> reports) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!reports.test(line)) {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // the process went: said below
        }
        answers.add(EXITED);
    }

    /** Sends one command line. */
    public synchronized void send(String command) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " is gone (" + e.getMessage() + "); its log: " + log, e);
        }
    }

    /**
     * The next answer, within {@code timeout}; an {@link IllegalStateException} naming the child and its log when the
     * child exits or says nothing in time.
     */
    public String answer(Duration timeout) throws InterruptedException {
        String a = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (a == null || a.equals(EXITED)) {
            if (a != null) {
                answers.add(EXITED); // every later call says so too
            }
            throw new IllegalStateException(name + (a == null ? " did not answer within " + timeout.toSeconds() + " s"
                    : " exited") + "; its log: " + log.getParent());
        }
        return a;
    }

    /** Sends a command and returns its answer. */
    public String call(String command, Duration timeout) throws InterruptedException {
        send(command);
        return answer(timeout);
    }

    /** The CPU time the child has used so far, as the operating system counts it (zero once it is gone). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Closes its standard input (the child's sign to end), and waits for it: 30 s, then it is killed. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it has gone already
        }
        try {
            Processes.awaitOrKill(process.toHandle(), Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
