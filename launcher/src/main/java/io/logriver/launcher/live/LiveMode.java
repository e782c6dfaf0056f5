package io.logriver.launcher.live;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Directories;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Broker;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.local.TopologyReady;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.launcher.redis.Redis;
import io.logriver.launcher.ui.LocalUi;
import io.logriver.topology.Mode;
import io.logriver.ui.server.UiServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code run} without {@code --input}: broker, topics, generator, the topology in a local cluster, its Storm UI, and
 * the live view until stopped.
 */
public final class LiveMode {
    private final Progress progress;
    private final Mode mode;
    private final PrintStream out;
    private final int uiPort;
    private final boolean uiPortAsked;

    /**
     * Progress to {@code progress}, the live view to {@code out}; the Storm UI on {@code uiPort} (0: a free one; a
     * free one too when the port is taken and was not {@code uiPortAsked} for).
     */
    public LiveMode(Progress progress, Mode mode, PrintStream out, int uiPort, boolean uiPortAsked) {
        this.progress = progress;
        this.mode = mode;
        this.out = out;
        this.uiPort = uiPort;
        this.uiPortAsked = uiPortAsked;
    }

    public int run(LogriverConfig base, Duration duration, Path workDir) throws Exception {
        try (StopSignal stop = new StopSignal(); Redis redis = Redis.ensure(base, workDir, progress);
             Broker broker = Broker.ensure(base, workDir, progress);
             Topics topics = new Topics(broker.bootstrapServers())) {
            LogriverConfig c = topics.ensure(base, 2);
            Directories.deleteTree(workDir.resolve("storm"));
            String name = mode.defaultName();
            JmxMetrics metrics = new JmxMetrics(name);
            try (LocalStorm storm = LocalStorm.start(workDir.resolve("storm"));
                 UiServer ui = LocalUi.start(storm, uiPort, uiPortAsked);
                 LoadGenerator generator = new LoadGenerator(c.bootstrapServers(), c.topics().weblogs(),
                         c.topics().sessions(), c.generator().rate(),
                         new RecordGenerator(c.generator().seed(), c.generator().sessions()));
                 LiveView view = new LiveView(metrics, c.bootstrapServers(), c.topics().stats(), out,
                         mode.joinWaits(), c.metricsIntervalS())) {
                c = mode.forLiveRun(c, System.currentTimeMillis());
                progress.say("Storm UI at " + ui.url());
                progress.say("generating " + c.generator().rate() + " requests/s; submitting topology " + name + " ("
                        + c.topics().partitions() + " partitions of " + c.topics().weblogs() + "); "
                        + (duration == null ? "Ctrl-C stops" : "stopping after " + duration.toSeconds() + " s"));
                storm.submit(name, mode.stormConfig(c), mode.topology(c));
                awaitReady(stop, storm, name, metrics, Duration.ofMinutes(2));
                generator.start();
                loop(stop, view, generator, duration, c.liveViewIntervalS());
                progress.say("stopping: generator, topology, local cluster, Redis, broker");
            }
        }
        return 0;
    }

    /** Waits until the topology takes records as they come: the first minute then has no start-up backlog. */
    private void awaitReady(StopSignal stop, LocalStorm storm, String name, JmxMetrics metrics, Duration timeout)
            throws Exception {
        if (!TopologyReady.await(storm, mode, name, metrics, timeout, stop::stopping)) {
            if (!stop.stopping()) {
                progress.say("topology " + name + " not ready after " + timeout.toSeconds() + " s: starting the "
                        + "generator anyway (see work/logs/logriver.log)");
            }
            return;
        }
        progress.say("topology " + name + " is running and its spouts have their partitions: starting the generator");
    }

    private void loop(StopSignal stop, LiveView view, LoadGenerator generator, Duration duration, int intervalS)
            throws Exception {
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long nextView = System.nanoTime() + TimeUnit.SECONDS.toNanos(intervalS);
        while (!stop.stopping() && System.nanoTime() < end) {
            Thread.sleep(100);
            if (System.nanoTime() >= nextView) {
                view.print(generator);
                nextView += TimeUnit.SECONDS.toNanos(intervalS);
            }
        }
    }
}
