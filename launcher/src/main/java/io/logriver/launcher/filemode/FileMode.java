package io.logriver.launcher.filemode;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Directories;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.kafka.Broker;
import io.logriver.launcher.kafka.RecordFiles;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.local.LocalProbe;
import io.logriver.launcher.local.LocalStorm;
import io.logriver.launcher.metrics.Accounting;
import io.logriver.launcher.metrics.JmxMetrics;
import io.logriver.launcher.redis.Redis;
import io.logriver.names.Names;
import io.logriver.topology.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.storm.generated.StormTopology;

/**
 * {@code bin/logriver run --input requests.jsonl [--sessions sessions.jsonl] --output results.jsonl [--dlq dlq.jsonl]}:
 * a replay of files through Kafka and the same topology. Every session goes into the session table before the first
 * request is processed (the join reads the session topic to its end when it starts); single-partition topics of this
 * run alone keep the file's order, so the same input always gives the same output; an end-of-input record closes
 * every window. A line Kafka does not take stops the run at write time, naming the line; at the end, the requests
 * read are checked against the lines written.
 */
public final class FileMode {
    private final Progress progress;
    private final Mode mode;
    private final Function<LogriverConfig, StormTopology> topology;

    public FileMode(Progress progress, Mode mode) {
        this(progress, mode, mode::topology);
    }

    /** With the topology built by {@code topology} (the production builder with a test's hooks). */
    FileMode(Progress progress, Mode mode, Function<LogriverConfig, StormTopology> topology) {
        this.progress = progress;
        this.mode = mode;
        this.topology = topology;
    }

    /** The summary of a run, printed as its last line. */
    public record Summary(long read, long aggregated, long filtered, long invalid, long late, long windows) {
        public String toJson() {
            return "{\"read\":" + read + ",\"aggregated\":" + aggregated + ",\"filtered\":" + filtered
                    + ",\"invalid\":" + invalid + ",\"late\":" + late + ",\"windows\":" + windows + "}";
        }
    }

    public Summary run(LogriverConfig base, Path input, Path sessions, Path output, Path dlq, Path workDir)
            throws Exception {
        return run(base, input, sessions, output, dlq, workDir, 1);
    }

    /**
     * As {@link #run(LogriverConfig, Path, Path, Path, Path, Path)}, on request topics of several partitions (each
     * with its own watermark): every record is still counted once, but lateness then depends on how the records
     * were spread over the partitions.
     */
    Summary run(LogriverConfig base, Path input, Path sessions, Path output, Path dlq, Path workDir, int partitions)
            throws Exception {
        String run = "file-" + UUID.randomUUID().toString().substring(0, 8);
        LogriverConfig c = forRun(base, run, partitions);
        try (Redis redis = Redis.ensure(c, workDir, progress); Broker broker = Broker.ensure(c, workDir, progress);
             Topics topics = new Topics(broker.bootstrapServers())) {
            c = topics.ensure(c, 1);
            try {
                long written = write(c, topics, input, sessions, run);
                Summary s = process(c, output, dlq, workDir.resolve("storm-" + run), run);
                checkEveryRecordWasRead(written, s);
                return s;
            } finally {
                topics.delete(List.of(c.topics().weblogs(), c.topics().sessions(), c.topics().stats(), c.topics().dlq()));
            }
        }
    }

    /** Writes the sessions, then the requests; returns how many requests were written. */
    private long write(LogriverConfig c, Topics topics, Path input, Path sessions, String run) throws Exception {
        try (RecordFiles files = new RecordFiles(c.bootstrapServers(), topics.maxMessageBytes(c.topics().weblogs()))) {
            long sessionCount = 0;
            if (sessions == null) {
                files.endOfInput(c.topics().sessions()); // the join waits for the session topic's end
            } else {
                sessionCount = files.produce(sessions, c.topics().sessions(), true);
            }
            long written = files.produce(input, c.topics().weblogs(), false);
            progress.say("wrote " + written + " requests and " + sessionCount + " sessions to topics of run " + run);
            return written;
        }
    }

    /** Runs the topology over the written topics to the end of the input, and writes the result files. */
    private Summary process(LogriverConfig c, Path output, Path dlq, Path stormDir, String run) throws Exception {
        try (LocalStorm storm = LocalStorm.start(stormDir)) {
            storm.submit(run, mode.stormConfig(c), topology.apply(c));
            Summary s = awaitEnd(new LocalProbe(storm, run, new JmxMetrics(run)), c);
            storm.kill(run);
            long windowRecords = ResultFiles.write(c, output, dlq);
            if (windowRecords != s.windows()) {
                throw new IllegalStateException("the topology emitted " + s.windows() + " windows but "
                        + windowRecords + " reached " + c.topics().stats());
            }
            return s;
        } finally {
            Directories.deleteTree(stormDir);
        }
    }

    /**
     * Every request written must have been read: fewer is a loss, and an error. More can only be a record (core) or a
     * batch (Trident) read again after a failure, which the counters count again: said, not an error.
     */
    private void checkEveryRecordWasRead(long written, Summary s) {
        if (s.read() < written) {
            throw new IllegalStateException(String.format("%,d requests written but %,d read: %,d did not reach the "
                    + "topology (the output files hold what was read: %s)", written, s.read(), written - s.read(),
                    s.toJson()));
        }
        if (s.read() > written) {
            progress.say(String.format("%,d requests written, %,d read: the counters counted a replayed record or "
                    + "batch again", written, s.read()));
        }
    }

    /** This run's own topics (one partition each) and consumer group. */
    public static LogriverConfig forRun(LogriverConfig c, String run, int partitions) {
        LogriverConfig.Topics t = c.topics();
        return c.with(Map.of(
                LogriverConfig.TOPIC_WEBLOGS.name(), t.weblogs() + "-" + run,
                LogriverConfig.TOPIC_SESSIONS.name(), t.sessions() + "-" + run,
                LogriverConfig.TOPIC_STATS.name(), t.stats() + "-" + run,
                LogriverConfig.TOPIC_DLQ.name(), t.dlq() + "-" + run,
                LogriverConfig.TOPIC_PARTITIONS.name(), partitions,
                LogriverConfig.CONSUMER_GROUP.name(), "logriver-" + run));
    }

    /** Waits until the end of the input has gone through the topology and everything it emitted is in Kafka. */
    private Summary awaitEnd(LocalProbe probe, LogriverConfig c) throws InterruptedException {
        JmxMetrics m = probe.metrics();
        long lastRead = -1;
        long lastChange = System.nanoTime();
        long lastReport = 0;
        long lastDlq = -1;
        long dlqSince = System.nanoTime();
        while (true) {
            Summary s = summary(m);
            long dlq = m.sum(Names.M_SINK_WRITTEN + ".dlq");
            if (dlq != lastDlq) {
                lastDlq = dlq;
                dlqSince = System.nanoTime();
            }
            if (mode.ended(probe, c, System.nanoTime() - dlqSince > Duration.ofSeconds(3).toNanos())) {
                return summary(m); // read again: the last windows may have been counted after s was read
            }
            if (s.read() != lastRead) {
                lastRead = s.read();
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(120).toNanos()) {
                throw new IllegalStateException("no progress for 120 s: " + s.toJson());
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
                progress.say("processing: " + s.toJson());
                lastReport = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    static Summary summary(JmxMetrics m) {
        Accounting a = Accounting.of(m::sum);
        return new Summary(a.read(), a.aggregated(), a.filtered(), a.invalid(), a.late(), m.sum(Names.M_WINDOWS));
    }
}
