package io.logriver.launcher.feed;

import io.logriver.config.ConfigException;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterAddresses;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code generate [--kafka HOST:PORT] [--rate N] [--duration S] [--sessions N] [--seed N] [--topics PREFIX]
 * [--config FILE] [-c key=value]...}: the generator of {@code run} (realistic sessions and access logs, on an open-loop
 * schedule) against any broker, the dev cluster's by default, into the topics a submitted topology reads (created where
 * missing). A progress line every few seconds; it stops after {@code --duration} or on Ctrl-C, and then prints what
 * Kafka took.
 */
public final class GenerateCommand {
    public static final Syntax SYNTAX = Syntax.of("generate", "The generator of run, into the topics of a submitted "
                    + "topology (on the dev cluster's broker unless --kafka is given); stops after --duration or on "
                    + "Ctrl-C.",
            Option.KAFKA, Option.value("rate", "N", "requests per second (default: logriver.generator.rate)"),
            Option.value("duration", "S", "stops after S seconds (or 5m, 1h); by default on Ctrl-C"),
            Option.value("sessions", "N", "live sessions at a time (default: logriver.generator.sessions)"),
            Option.value("seed", "N", "the seed of the generator's randomness"),
            Option.value("topics", "PREFIX", "writes to PREFIX followed by the configured topic names"),
            Option.WORK_DIR, Option.CONFIG, Option.SETTING);

    private final PrintStream out;
    private final PrintStream err;

    /** The summary to {@code out}, progress to {@code err}. */
    public GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        LogriverConfig c = withOptions(ClusterAddresses.configWithKafka(args), args);
        Duration duration = args.duration("duration");
        ClusterAddresses.requireKafka(c.bootstrapServers());
        try (Topics topics = new Topics(c.bootstrapServers())) {
            c = topics.ensure(c, 1);
        }
        Progress progress = Progress.to(err);
        progress.say(String.format("generating %,d requests/s to %s (%d partitions) and their sessions to %s on %s; %s",
                c.generator().rate(), c.topics().weblogs(), c.topics().partitions(), c.topics().sessions(),
                c.bootstrapServers(), duration == null ? "Ctrl-C stops" : "for " + duration.toSeconds() + " s"));
        long started = System.nanoTime();
        LoadGenerator generator = new LoadGenerator(c.bootstrapServers(), c.topics().weblogs(), c.topics().sessions(),
                c.generator().rate(), new RecordGenerator(c.generator().seed(), c.generator().sessions()));
        try (StopSignal stop = new StopSignal()) { // closed last: on Ctrl-C the JVM ends once all is said
            try (generator) {
                generator.start();
                follow(generator, stop, duration, progress, c.liveViewIntervalS());
            } // closed: every record sent has been taken or refused
            double secs = (System.nanoTime() - started) / 1e9;
            out.printf("sent %,d requests to %s and %,d sessions to %s in %.1f s (%,.0f requests/s); Kafka refused %,d%n",
                    generator.sent(), c.topics().weblogs(), generator.sessionsSent(), c.topics().sessions(), secs,
                    generator.sent() / secs, generator.failed());
            if (generator.failed() > 0) {
                throw new IllegalStateException(String.format("Kafka at %s did not take %,d of the records sent: %s",
                        c.bootstrapServers(), generator.failed(), generator.lastFailure()));
            }
        }
        return 0;
    }

    /** The configuration with the generator's options, and the topics of {@code --topics PREFIX}. */
    private static LogriverConfig withOptions(LogriverConfig c, Args args) {
        Map<String, Object> m = new HashMap<>();
        if (args.has("rate")) {
            m.put(LogriverConfig.GENERATOR_RATE.name(), args.number("rate", 1, 0, "requests per second, 1 or more"));
        }
        if (args.has("sessions")) {
            m.put(LogriverConfig.GENERATOR_SESSIONS.name(),
                    args.number("sessions", 1, 0, "a number of live sessions, 1 or more"));
        }
        if (args.has("seed")) {
            m.put(LogriverConfig.GENERATOR_SEED.name(), args.number("seed", 0, 0, "a number, 0 or more"));
        }
        if (args.has("topics")) {
            m.put(LogriverConfig.TOPIC_WEBLOGS.name(), args.get("topics") + c.topics().weblogs());
            m.put(LogriverConfig.TOPIC_SESSIONS.name(), args.get("topics") + c.topics().sessions());
        }
        try {
            return c.with(m);
        } catch (ConfigException e) {
            throw new Args.UsageException("configuration: " + e.getMessage());
        }
    }

    /** Until the duration is over or Ctrl-C: a progress line every {@code intervalS} seconds. */
    private static void follow(LoadGenerator generator, StopSignal stop, Duration duration, Progress progress,
                               int intervalS) throws InterruptedException {
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        long nextLine = start + Duration.ofSeconds(intervalS).toNanos();
        long lastSent = 0;
        long lastNanos = start;
        while (!stop.stopping() && System.nanoTime() < end) {
            Thread.sleep(100);
            long now = System.nanoTime();
            if (now >= nextLine) {
                long sent = generator.sent();
                progress.say(String.format("sent %,d requests (%,.0f/s) and %,d sessions | %,d ms behind schedule "
                                + "(at most %,d ms) | refused %,d", sent, (sent - lastSent) / ((now - lastNanos) / 1e9),
                        generator.sessionsSent(), generator.behindMillis(), generator.maxBehindMillis(false),
                        generator.failed()));
                lastSent = sent;
                lastNanos = now;
                nextLine += Duration.ofSeconds(intervalS).toNanos();
            }
        }
    }
}
