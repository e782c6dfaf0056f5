package io.logriver.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** A real Kafka broker for one test class, on a free loopback port, its data under target/. */
final class TestBroker implements AutoCloseable {
    final KafkaBroker broker;
    final Path workDir;

    TestBroker() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "it-work-").toAbsolutePath();
        broker = KafkaBroker.start(workDir.resolve("kafka"), KafkaBroker.freePort(), Progress.quiet());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
