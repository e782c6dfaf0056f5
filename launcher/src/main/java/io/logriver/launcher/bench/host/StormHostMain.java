package io.logriver.launcher.bench.host;

import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.local.TopologyReady;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.names.Names;
import io.logriver.peers.PeerSettings;
import io.logriver.peers.host.EngineHost;
import io.logriver.topology.Mode;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * logriver's Storm modes in a JVM of their own ({@code StormHostMain PARENT_PID STORM_DIR}): an {@link EngineHost}
 * with a local cluster, whose jobs are the production topologies ({@code start core|trident SETTINGS_FILE}), finished
 * when logriver's accounting says so (aggregated + filtered + invalid + late). It also measures the null ceilings:
 * {@code ceiling core|trident SETTINGS_FILE RECORDS}, answered {@code ceiling RATE CPU_MICROS_PER_RECORD}
 * ({@link NullCeiling}).
 */
public final class StormHostMain implements EngineHost.Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(StormHostMain.class);
    private static final Duration READY = Duration.ofMinutes(2);
    private final LocalStorm storm;

    private StormHostMain(LocalStorm storm) {
        this.storm = storm;
    }

    public static void main(String[] args) throws Exception {
        EngineHost.serve(args, new StormHostMain(LocalStorm.start(Path.of(args[1]))));
    }

    @Override
    public EngineHost.Job start(String engine, PeerSettings s) throws Exception {
        Mode mode = Mode.named(engine);
        String name = s.id();
        JmxMetrics m = new JmxMetrics(name);
        storm.submit(name, mode.stormConfig(s.config()), mode.topology(s.config()));
        if (!TopologyReady.await(storm, mode, name, m, READY, () -> false)) {
            LOG.warn("{}: not taking records after {} s; going on anyway", name, READY.toSeconds());
        }
        return new EngineHost.Job() {
            @Override
            public long finished() {
                return Accounting.of(m::sumOften).done();
            }

            @Override
            public void close() throws Exception {
                long rewound = m.sum(Names.M_REWOUND);
                long replayed = m.sum(Names.M_REPLAYED);
                if (rewound + replayed > 0) {
                    LOG.info("{}: {} records refused as out of order (their partition was rewound), {} already in the"
                            + " state", name, rewound, replayed);
                }
                storm.kill(name);
            }
        };
    }

    @Override
    public String call(String command) throws Exception {
        String[] w = command.split(" ");
        if (!w[0].equals("ceiling") || w.length != 4) {
            return null;
        }
        PeerSettings s;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(w[2])))) {
            s = (PeerSettings) in.readObject();
        }
        NullCeiling.Rate r = new NullCeiling(storm).measure(Mode.named(w[1]), s.config(), s.id(), Long.parseLong(w[3]));
        return "ceiling " + r.perSecond() + " " + r.cpuMicrosPerRecord();
    }

    @Override
    public void close() {
        storm.close();
    }
}
