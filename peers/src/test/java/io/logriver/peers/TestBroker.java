package io.logriver.peers;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, its own JVM, free loopback ports, data under target/) for one test class, started the
 * way the launcher's {@code KafkaBroker} starts it, from the kafka-broker module's class path. (The launcher will
 * depend on this module for the benchmark, so this module cannot use the launcher's class.)
 */
final class TestBroker implements AutoCloseable {
    final Path dir;
    private final String bootstrapServers;
    private final Process process;

    TestBroker() throws IOException, InterruptedException {
        dir = Files.createTempDirectory(Path.of("target"), "it-kafka-").toAbsolutePath();
        int port = freePort();
        int controller = freePort();
        bootstrapServers = "127.0.0.1:" + port;
        Path props = dir.resolve("server.properties");
        Files.writeString(props, String.join("\n", "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://" + bootstrapServers + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://" + bootstrapServers, "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "num.partitions=1", "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=4",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0", ""));
        Process format = launch(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", props.toString()), dir.resolve("format.log"));
        if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
            throw new IOException("formatting Kafka storage failed; see " + dir.resolve("format.log"));
        }
        process = launch(List.of("kafka.Kafka", props.toString()), dir.resolve("broker.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IOException("the Kafka broker did not start; see " + dir.resolve("broker.log"));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private boolean answers() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** A JVM on the broker's class path that ends when this one does (the kafka-broker module's BrokerMain). */
    private static Process launch(List<String> mainAndArgs, Path log) throws IOException {
        Path home = Path.of(System.getProperty("logriver.home", "..")).toAbsolutePath().normalize();
        String classpath = home.resolve("kafka-broker/target/classes") + File.pathSeparator
                + Files.readString(home.resolve("kafka-broker/target/classpath.txt")).trim();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, "io.logriver.broker.BrokerMain",
                Long.toString(ProcessHandle.current().pid())));
        cmd.addAll(mainAndArgs);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            Processes.awaitExit(process, Duration.ofSeconds(30));
        }
    }
}
