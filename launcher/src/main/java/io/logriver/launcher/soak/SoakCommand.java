package io.logriver.launcher.soak;

import io.logriver.config.ConfigLoader;
import io.logriver.config.Key;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Directories;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterFaults;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.DevCluster;
import io.logriver.launcher.cluster.RedisDisk;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.soak.fault.FaultKind;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.topology.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code soak [--mode core|trident|both] [--rate N] [--duration 60m] [--faults worker,redis,broker,pause] [--every 5m]
 * [--seed S] [--quick] [--report-dir DIR] [--work-dir DIR]}: a dev cluster of its own (free ports, under
 * {@code WORK-DIR/soak/}), the topologies of the modes asked for, known load at a steady rate with faults on a
 * seeded schedule, then the verdict, and the report, CSV and chart in {@code bench/results/}. Whatever happens, the
 * cluster goes down at the end. Exit 0 when the verdict holds, 1 when it does not.
 */
public final class SoakCommand {
    private final PrintStream out;
    private final PrintStream err;

    public SoakCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        SoakOptions options = SoakOptions.parse(argv);
        Progress progress = Progress.to(err);
        Path soakDir = options.workDir().resolve("soak").toAbsolutePath();
        ClusterLayout layout = ClusterLayout.in(soakDir);
        if (new DevCluster(layout, Progress.quiet()).running()) {
            throw new IllegalStateException("a dev cluster runs in " + layout.dir() + " (another soak?): "
                    + "bin/logriver cluster down --work-dir " + soakDir + " stops it");
        }
        Path redisData = layout.redisData(); // the disk fault's file system, when asked for
        RedisDisk.unmount(redisData); // an earlier soak's, if it was killed
        Directories.deleteTree(layout.dir()); // no topology, topic, offset or Redis key of an earlier soak
        if (options.faults().contains(FaultKind.DISK)) {
            RedisDisk.mount(redisData);
        }
        progress.say("soak: " + options.describe() + "; its dev cluster in " + layout.dir() + ", from empty");
        SoakResult result = null;
        Path report;
        try (StopSignal stop = new StopSignal()) {
            try {
                new ClusterCommand(err, err).run(List.of("up", "--ports", "free", "--work-dir", soakDir.toString()));
                ClusterState state = ClusterState.load(layout);
                Map<String, LogriverConfig> modes = submitted(options, state, soakDir, progress, err);
                ClusterFaults faults = new ClusterFaults(layout, state, progress);
                result = new SoakRun(options, modes, faults, state, progress, stop).run();
            } finally {
                progress.say("soak: stopping its dev cluster");
                try {
                    new DevCluster(layout, Progress.quiet()).down();
                    RedisDisk.unmount(redisData);
                } finally {
                    report = result == null ? null : SoakReport.write(result, options.reportDir());
                }
            }
        }
        List<String> failures = result.failures();
        out.println("soak report: " + report);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("soak verdict: " + String.join("; ", failures) + " (report: " + report + ")");
        }
        out.println("soak verdict: every closed window equals the reference, nothing lost, no window written again "
                + "with other content");
        return 0;
    }

    /** Creates the topics and submits a topology per mode; each mode's configuration, by mode. */
    private static Map<String, LogriverConfig> submitted(SoakOptions o, ClusterState state, Path soakDir,
                                                        Progress progress, PrintStream err) throws Exception {
        LogriverConfig base = ConfigLoader.load(null, List.of(LogriverConfig.BOOTSTRAP_SERVERS + "=" + state.kafka(),
                LogriverConfig.REDIS_URL + "=redis://" + state.redis(), LogriverConfig.TOPIC_WEBLOGS + "=soak-weblogs",
                LogriverConfig.TOPIC_SESSIONS + "=soak-sessions"));
        Map<String, LogriverConfig> modes = new LinkedHashMap<>();
        for (Mode m : o.modes()) {
            LogriverConfig c = base.with(Map.of(LogriverConfig.TOPIC_STATS.name(), "soak-stats-" + m.id(),
                    LogriverConfig.TOPIC_DLQ.name(), "soak-dlq-" + m.id(),
                    LogriverConfig.CONSUMER_GROUP.name(), "soak-" + m.id()));
            try (Topics topics = new Topics(state.kafka())) {
                c = topics.ensure(c, 1);
            }
            modes.put(m.id(), c);
        }
        for (Map.Entry<String, LogriverConfig> m : modes.entrySet()) {
            List<String> argv = new ArrayList<>(List.of("--mode", m.getKey(), "--name", SoakRun.topologyName(m.getKey()),
                    "--work-dir", soakDir.toString()));
            for (Key<String> key : List.of(LogriverConfig.TOPIC_WEBLOGS, LogriverConfig.TOPIC_SESSIONS,
                    LogriverConfig.TOPIC_STATS, LogriverConfig.TOPIC_DLQ, LogriverConfig.CONSUMER_GROUP)) {
                argv.addAll(List.of("-c", key + "=" + m.getValue().toMap().get(key.name())));
            }
            progress.say("soak: submitting " + SoakRun.topologyName(m.getKey()));
            new SubmitCommand(err).run(argv);
        }
        return modes;
    }
}
