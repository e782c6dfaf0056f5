package io.logriver.launcher.kafka;

import io.logriver.broker.KafkaBroker;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The broker a command uses: the one already answering at the configured address, or (on loopback only) one this
 * command starts and, on close, stops.
 */
public final class Broker implements AutoCloseable {
    private final KafkaBroker started;
    private final String bootstrapServers;

    private Broker(KafkaBroker started, String bootstrapServers) {
        this.started = started;
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public static Broker ensure(LogriverConfig c, Path workDir, Progress progress) throws IOException, InterruptedException {
        String servers = c.bootstrapServers();
        if (KafkaBroker.answers(servers, Duration.ofSeconds(5))) {
            progress.say("using the Kafka broker already running at " + servers);
            return new Broker(null, servers);
        }
        String first = servers.split(",")[0].trim();
        String host = first.substring(0, first.lastIndexOf(':'));
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IOException(LogriverConfig.BOOTSTRAP_SERVERS + "=" + servers
                    + ": no Kafka broker answers there (logriver starts its own broker only on 127.0.0.1)");
        }
        int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
        if (!KafkaBroker.isFree(port)) {
            throw new IOException(LogriverConfig.BOOTSTRAP_SERVERS + "=" + servers + ": the port is taken by something "
                    + "that does not answer as a Kafka broker: stop it, or choose another port (-c "
                    + LogriverConfig.BOOTSTRAP_SERVERS + "=127.0.0.1:PORT)");
        }
        try {
            return new Broker(KafkaBroker.start(workDir.resolve("kafka"), port, progress::say), servers);
        } catch (IOException e) {
            throw new IOException(LogriverConfig.BOOTSTRAP_SERVERS + "=" + servers + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
