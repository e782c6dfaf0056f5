package io.logriver.peers;

import io.logriver.broker.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A real Kafka broker (KRaft, its own JVM, free loopback ports, data under target/) for one test class. */
final class TestBroker implements AutoCloseable {
    final Path dir;
    private final KafkaBroker broker;

    TestBroker() throws IOException, InterruptedException {
        dir = Files.createTempDirectory(Path.of("target"), "it-kafka-").toAbsolutePath();
        broker = KafkaBroker.start(dir, KafkaBroker.freePort(), line -> { });
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @Override
    public void close() {
        broker.close();
    }
}
