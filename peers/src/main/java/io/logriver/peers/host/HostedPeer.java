package io.logriver.peers.host;

import io.logriver.peers.Latencies;
import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A peer in a JVM of its own ({@link PeerHostMain}), with the JVM options of Flink's {@code env.java.opts.all}
 * (default {@code -Xmx1g}); its logs go to {@code WORKDIR/ID-logs/}.
 */
public final class HostedPeer implements Peer {
    static final String JVM_OPTIONS = "env.java.opts.all";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String engine;
    private final PeerSettings settings;
    private EngineProcess process;

    public HostedPeer(String engine, PeerSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public void start() throws InterruptedException {
        List<String> options = Arrays.asList(settings.engine().getOrDefault(JVM_OPTIONS, "-Xmx1g").trim().split("\\s+"));
        process = EngineProcess.start(settings.id(), "peers", PeerHostMain.class.getName(), options,
                PeerHostMain.LOG4J, Path.of(settings.workDir()), List.of());
        try {
            process.startJob(engine, settings, START_TIMEOUT);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Latencies latencies() {
        return process.latencies();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
