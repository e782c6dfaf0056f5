package io.logriver.launcher.testing;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.broker.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real Kafka broker for one test class, on a free loopback port, its data under target/. */
public final class TestBroker implements AutoCloseable {
    public final KafkaBroker broker;
    public final Path workDir;

    public TestBroker() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "it-work-").toAbsolutePath();
        broker = KafkaBroker.start(workDir.resolve("kafka"), KafkaBroker.freePort(), Progress.quiet()::say);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * The configuration of a test on this broker: {@code settings} (KEY=VALUE) over the defaults, with the state in a
     * Redis on a free port of its own (file mode starts it there), so that tests running at once share nothing.
     */
    public LogriverConfig config(List<String> settings) throws Exception {
        List<String> all = new ArrayList<>(List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + bootstrapServers(),
                LogriverConfig.REDIS_URL + "=redis://127.0.0.1:" + KafkaBroker.freePort()));
        all.addAll(settings);
        return ConfigLoader.load(null, all);
    }

    @Override
    public void close() {
        broker.close();
    }
}
