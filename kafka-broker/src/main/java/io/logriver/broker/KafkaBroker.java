package io.logriver.broker;

import io.logriver.process.Deadline;
import io.logriver.process.Processes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in its own JVM, from this module's Maven-resolved
 * class path ({@code kafka-broker/target/classpath.txt} under {@code -Dlogriver.home}), listening on loopback only,
 * its data and log under one directory. Closing it stops the JVM. The launcher starts its brokers with it, and the
 * integration tests of every module theirs.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Process process;
    private final String bootstrapServers;
    private final Path dir;

    private KafkaBroker(Process process, String bootstrapServers, Path dir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
    }

    /** True when a Kafka broker answers at {@code bootstrapServers} within the timeout. */
    public static boolean answers(String bootstrapServers, Duration timeout) {
        String[] hostPort = bootstrapServers.split(",")[0].trim().split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
        } catch (IOException e) {
            return false;
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Admin admin = Admin.create(p);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            // not close(): it waits without end for the calls pending on a server that listens but never answers
            admin.close(Duration.ZERO);
        }
    }

    /**
     * Starts a broker on 127.0.0.1:{@code port} with its data under {@code dir}, and waits until it answers; what it
     * does goes to {@code say}.
     */
    public static KafkaBroker start(Path dir, int port, Consumer<String> say) throws IOException, InterruptedException {
        return start(dir, port, say, true);
    }

    /**
     * As {@link #start(Path, int, Consumer)}, for a broker that outlives this process (the dev cluster's): it ends
     * when something stops the pid in {@code broker.pid}.
     */
    public static KafkaBroker startDetached(Path dir, int port, Consumer<String> say)
            throws IOException, InterruptedException {
        return start(dir, port, say, false);
    }

    private static KafkaBroker start(Path dir, int port, Consumer<String> say, boolean endsWithThisProcess)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path props = dir.resolve("server.properties");
        Path data = dir.resolve("data");
        String bootstrap = "127.0.0.1:" + port;
        writeProperties(props, data, port, controllerPort(props));
        if (!Files.exists(data.resolve("meta.properties"))) {
            say.accept("formatting Kafka storage in " + data);
            run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                    props.toString()), dir.resolve("format.log"), Duration.ofMinutes(2));
        }
        say.accept("starting Kafka 4.1.0 broker on " + bootstrap + " (log: " + dir.resolve("broker.log") + ")");
        Process p = launch(List.of("kafka.Kafka", props.toString()), dir.resolve("broker.log"), endsWithThisProcess);
        Files.writeString(dir.resolve("broker.pid"), Long.toString(p.pid()));
        KafkaBroker broker = new KafkaBroker(p, bootstrap, dir);
        boolean up = Deadline.await(Duration.ofSeconds(90), Duration.ofMillis(250), () -> {
            if (!p.isAlive()) {
                throw new IOException("the Kafka broker exited with " + p.exitValue() + "; see " + dir.resolve("broker.log"));
            }
            return answers(bootstrap, Duration.ofSeconds(2));
        });
        if (!up) {
            broker.close();
            throw new IOException("the Kafka broker did not answer within 90 s; see " + dir.resolve("broker.log"));
        }
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private static void writeProperties(Path file, Path data, int port, int controllerPort) throws IOException {
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=24",
                "");
        Files.writeString(file, text);
    }

    /** The controller port this directory's broker was formatted with, or a free one for a new directory. */
    private static int controllerPort(Path props) throws IOException {
        if (Files.exists(props)) {
            Properties old = new Properties();
            try (var in = Files.newInputStream(props)) {
                old.load(in);
            }
            String voters = old.getProperty("controller.quorum.voters", "");
            int colon = voters.lastIndexOf(':');
            if (colon > 0) {
                return Integer.parseInt(voters.substring(colon + 1).trim());
            }
        }
        return freePort();
    }

    /** True when nothing listens on 127.0.0.1:{@code port}. */
    public static boolean isFree(int port) {
        try {
            new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Process launch(List<String> mainAndArgs, Path log, boolean endsWithThisProcess) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true", "-cp", classpath()));
        if (endsWithThisProcess) {
            cmd.addAll(List.of("io.logriver.broker.BrokerMain", Long.toString(ProcessHandle.current().pid())));
        }
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void run(List<String> mainAndArgs, Path log, Duration timeout) throws IOException, InterruptedException {
        Process p = launch(mainAndArgs, log, true);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(mainAndArgs.get(0) + " did not finish in " + timeout + "; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(mainAndArgs.get(0) + " failed (" + p.exitValue() + "): " + Files.readString(log).trim());
        }
    }

    /** The broker's class path: this module's Maven-resolved jars and its classes (BrokerMain). */
    public static String classpath() {
        Path target = Path.of(System.getProperty("logriver.home", ".")).toAbsolutePath().normalize()
                .resolve("kafka-broker/target");
        try {
            return target.resolve("classes") + java.io.File.pathSeparator
                    + Files.readString(target.resolve("classpath.txt")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + target.resolve("classpath.txt")
                    + ": build first (mvn -q install -DskipTests)", e);
        }
    }

    /** Stops the broker: a clean shutdown first, then a kill if it takes longer than 30 s. */
    @Override
    public void close() {
        try {
            Processes.stop(process.toHandle(), Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(dir.resolve("broker.pid"));
        } catch (IOException ignored) {
            // the pid file is only a hint for a person looking at the work directory
        }
    }
}
