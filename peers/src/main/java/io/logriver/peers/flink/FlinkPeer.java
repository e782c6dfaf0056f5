package io.logriver.peers.flink;

import io.logriver.peers.LatencyProbe;
import io.logriver.peers.Latencies;
import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import io.logriver.process.Deadline;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flink peer on a {@link MiniCluster} in this JVM (one task manager, a slot per parallel task), every server of it
 * on 127.0.0.1. Checkpointing is on: the sources commit their offsets with each checkpoint, which is how
 * {@link #start()} knows the session table is loaded. Flink's defaults but for: parallelism 1 (logriver's default of
 * one task per stage), checkpoints every 5 s, object reuse between chained operators, and network buffers flushed
 * after at most 5 ms, not 100 ms (every request crosses the keyBy to its window).
 */
public final class FlinkPeer implements Peer {
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("parallelism.default", "1"),
            Map.entry("execution.checkpointing.interval", "5 s"),
            Map.entry("pipeline.object-reuse", "true"),
            Map.entry("execution.buffer-timeout.interval", "5 ms"),
            Map.entry("rest.address", "127.0.0.1"),
            Map.entry("rest.bind-address", "127.0.0.1"),
            Map.entry("rest.bind-port", "0"),
            Map.entry("jobmanager.rpc.address", "127.0.0.1"),
            Map.entry("jobmanager.bind-host", "127.0.0.1"),
            Map.entry("taskmanager.host", "127.0.0.1"),
            Map.entry("taskmanager.bind-host", "127.0.0.1"));
    /** The engine's name, in the bench's reports, for this peer and the JVM it runs in ({@link io.logriver.peers.host.HostedPeer}). */
    static final String ENGINE = "flink";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(FlinkPeer.class);

    private final PeerSettings settings;
    private MiniCluster cluster;
    private JobID job;

    public FlinkPeer(PeerSettings settings) {
        this.settings = settings;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    /**
     * Submits the job and returns once the session source has committed, with a completed checkpoint, the offsets the
     * session topic ended at before the job started: every operator then holds those sessions.
     */
    @Override
    public void start() throws InterruptedException {
        Configuration conf = Configuration.fromMap(settings.engineSettings(DEFAULTS));
        int parallelism = conf.get(CoreOptions.DEFAULT_PARALLELISM);
        try (SessionProgress sessions = new SessionProgress(settings)) {
            cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                    .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
            cluster.start();
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
            FlinkJob.build(env, settings.config(), FlinkKafka.requests(settings),
                    Math.min(parallelism, sessions.requestPartitions()), FlinkKafka.sessions(settings),
                    FlinkKafka.sink(settings));
            StreamGraph graph = env.getStreamGraph();
            graph.setJobName(settings.id());
            job = cluster.submitJob(graph).get().getJobID();
            LOG.info("Flink job {} ({}) submitted; waiting for it to load {}", settings.id(), job,
                    settings.topics().sessions());
            Duration timeout = START_TIMEOUT.plus(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
            boolean loaded = Deadline.await(timeout, Duration.ofMillis(100), () -> {
                if (cluster.getJobStatus(job).get() == JobStatus.RUNNING && sessions.loaded()) {
                    return true;
                }
                failIfFailing();
                return false;
            });
            if (!loaded) {
                throw new IllegalStateException("Flink job " + settings.id() + " did not load the session topic "
                        + settings.topics().sessions() + " in time (its status: " + cluster.getJobStatus(job).get()
                        + ")");
            }
            LOG.info("Flink job {} runs, with the session table loaded", settings.id());
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Flink job " + settings.id() + " did not start: " + e.getMessage(), e);
        }
    }

    /** Throws, naming the cause, once the job has failed: a job that fails while it starts is restarted forever. */
    private void failIfFailing() throws Exception {
        JobStatus status = cluster.getJobStatus(job).get();
        if (status.isGloballyTerminalState() || status == JobStatus.FAILING || status == JobStatus.RESTARTING) {
            ErrorInfo failure = cluster.getArchivedExecutionGraph(job).get().getFailureInfo();
            throw new IllegalStateException("Flink job " + settings.id() + " is " + status
                    + (failure == null ? "" : ": " + failure.getException().getOriginalErrorClassName() + ": "
                    + failure.getException().getMessage()));
        }
    }

    @Override
    public Latencies latencies() {
        return LatencyProbe.latencies();
    }

    /** Cancels the job, waits for it to end, and shuts the MiniCluster down. */
    @Override
    public void close() {
        if (cluster == null) {
            return;
        }
        try {
            if (job != null && !cluster.getJobStatus(job).get().isGloballyTerminalState()) {
                cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
                cluster.requestJobResult(job).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // the job may already be gone; the cluster goes down all the same
        } finally {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Flink MiniCluster did not shut down: " + e.getMessage(), e);
            } finally {
                cluster = null;
                job = null;
            }
        }
    }
}
