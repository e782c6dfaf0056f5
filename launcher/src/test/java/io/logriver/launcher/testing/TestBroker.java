package io.logriver.launcher.testing;

import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Kafka broker for one test class, on a free loopback port, its data under target/. */
public final class TestBroker implements AutoCloseable {
    public final KafkaBroker broker;
    public final Path workDir;

    public TestBroker() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "it-work-").toAbsolutePath();
        broker = KafkaBroker.start(workDir.resolve("kafka"), KafkaBroker.freePort(), Progress.quiet());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
