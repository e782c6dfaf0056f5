package io.logriver.launcher.feed;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Json;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterAddresses;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.NimbusConnection;
import io.logriver.launcher.submit.RunningTopology;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.process.Deadline;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code reprocess NAME --to-topic T [--from earliest|TIME] [--name NEW] [--dlq-topic D] [--wait S]
 * [--nimbus HOST[:PORT]] [--kafka HOST:PORT] [--redis HOST:PORT] [--config FILE] [-c key=value]...}: Kappa
 * reprocessing. Submits a copy of the running topology NAME (its mode and every logriver setting it runs with, then
 * {@code --config} and {@code -c}, with the topology jar as built now) under a new name and a new consumer group, so
 * that it reads the request topic again from {@code --from} (its state, in Redis and Trident's ZooKeeper, is scoped
 * by the group: it starts empty), writing its window records to T and its dead letters to D. Then it waits (up to
 * {@code --wait}, 10 minutes by default) until T has caught up with NAME's output, and says how to switch over.
 */
public final class ReprocessCommand {
    public static final Syntax SYNTAX = Syntax.of("reprocess", "Kappa: a copy of a running topology reads the "
                    + "request topic again into a new output topic; says how to switch over once it has caught up.",
            Option.needed("to-topic", "T", "the copy's new topic of window records"),
            Option.value("from", "earliest|TIME", "where it starts reading: earliest (the default), an ISO-8601 "
                    + "time or epoch milliseconds"),
            Option.value("name", "NEW", "the copy's name (default: NAME-T)"),
            Option.value("dlq-topic", "D", "the copy's dead-letter topic (default: T-dlq)"),
            Option.value("wait", "S", "how long to wait for it to catch up (default 10m; 0: no wait)"),
            Option.NIMBUS, Option.KAFKA, Option.REDIS, Option.WORK_DIR, Option.CONFIG, Option.SETTING)
            .withParam("NAME", "the running topology", "reprocess needs the NAME of the running topology to reprocess");
    private static final DateTimeFormatter GROUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final PrintStream out;
    private final PrintStream err;

    /** What to do next to {@code out}, progress (and what submitting prints) to {@code err}. */
    public ReprocessCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        String name = args.param(0);
        if (!args.has("to-topic")) {
            throw new Args.UsageException("reprocess needs --to-topic T, the new topic of its window records");
        }
        String toTopic = args.get("to-topic");
        Start from = Start.parse(args.has("from") ? args.get("from") : "earliest");
        Duration wait = args.has("wait") ? args.duration("wait") : Duration.ofMinutes(10);
        String copy = args.has("name") ? args.get("name") : name + "-" + toTopic;
        String dlqTopic = args.has("dlq-topic") ? args.get("dlq-topic") : toTopic + "-dlq";
        args.config(); // a wrong -c or --config is a usage error before anything is asked of Nimbus
        NimbusConnection nimbus = SubmitCommand.nimbus(args, ClusterState.load(ClusterCommand.layout(args)));
        RunningTopology old = RunningTopology.find(nimbus, name);
        String kafka = args.has("kafka") ? args.get("kafka") : old.setting(LogriverConfig.BOOTSTRAP_SERVERS.name());
        String oldStats = old.setting(LogriverConfig.TOPIC_STATS.name());
        ClusterAddresses.requireKafka(kafka);
        checkNewOutput(kafka, toTopic, oldStats, name);
        String group = copy + "-" + GROUP_TIME.format(Instant.now());
        Progress progress = Progress.to(err);
        progress.say("reprocessing " + name + " (mode " + old.mode().id() + ") as " + copy + ": consumer group "
                + group + ", reading " + old.setting(LogriverConfig.TOPIC_WEBLOGS.name()) + " from " + from.words()
                + ", writing " + toTopic + " and " + dlqTopic);
        new SubmitCommand(err).run(submitArgs(args, old, copy, group, toTopic, dlqTopic, from));
        if (!wait.isZero()) {
            awaitCatchUp(kafka, toTopic, oldStats, copy, name, wait, progress);
        }
        return 0;
    }

    /** The copy's output must be new: not the old topology's, and empty (a topic of an earlier run would mix). */
    private static void checkNewOutput(String kafka, String toTopic, String oldStats, String name) throws IOException {
        if (toTopic.equals(oldStats)) {
            throw new Args.UsageException("--to-topic " + toTopic + " is the output of " + name
                    + ": give the copy a new topic");
        }
        long records = CatchUp.of(kafka, toTopic).records();
        if (records > 0) {
            throw new IllegalStateException(String.format("topic %s already holds %,d records: choose another "
                    + "--to-topic (or delete that topic)", toTopic, records));
        }
    }

    /**
     * Where the copy starts reading: {@code earliest}, or a time (ISO-8601, or epoch milliseconds) that Kafka's record
     * timestamps are compared with; in words, and as settings.
     */
    record Start(String words, List<String> settings) {
        static Start parse(String text) {
            if (text.equals("earliest")) {
                return new Start("the earliest offset", List.of(LogriverConfig.FIRST_POLL + "=UNCOMMITTED_EARLIEST"));
            }
            long millis;
            try {
                millis = text.matches("\\d{1,15}") ? Long.parseLong(text) : Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new Args.UsageException("--from " + text + ": expected earliest, a time such as "
                        + "2026-11-28T10:00:00Z, or epoch milliseconds");
            }
            return new Start("the records written from " + Instant.ofEpochMilli(millis) + " on", List.of(
                    LogriverConfig.FIRST_POLL + "=UNCOMMITTED_TIMESTAMP", LogriverConfig.START_TIMESTAMP_MS + "=" + millis));
        }
    }

    /**
     * The old topology's settings (those not in {@code --config}), the copy's own, then the user's {@code -c}: later
     * ones win. Of Storm's settings only the worker count is carried over.
     */
    private static List<String> submitArgs(Args args, RunningTopology old, String copy, String group, String toTopic,
                                           String dlqTopic, Start from) throws IOException {
        List<String> argv = new ArrayList<>(List.of("--mode", old.mode().id(), "--name", copy,
                "--work-dir", args.workDir().toString()));
        for (String option : List.of("nimbus", "kafka", "redis", "config")) {
            if (args.has(option)) {
                argv.addAll(List.of("--" + option, args.get(option)));
            }
        }
        Set<String> inFile = args.has("config") ? keysOf(args.inputFile("config")) : Set.of();
        for (Map.Entry<String, Object> e : old.logriverSettings().entrySet()) {
            if (!inFile.contains(e.getKey())) {
                argv.addAll(List.of("-c", e.getKey() + "=" + Json.write(e.getValue())));
            }
        }
        if (old.setting("topology.workers") != null) {
            argv.addAll(List.of("-c", "topology.workers=" + old.setting("topology.workers")));
        }
        List<String> own = new ArrayList<>(List.of(LogriverConfig.CONSUMER_GROUP + "=" + group,
                LogriverConfig.TOPIC_STATS + "=" + toTopic, LogriverConfig.TOPIC_DLQ + "=" + dlqTopic));
        own.addAll(from.settings());
        own.addAll(args.overrides());
        for (String o : own) {
            argv.addAll(List.of("-c", o));
        }
        return argv;
    }

    /** The keys a configuration file sets. */
    private static Set<String> keysOf(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (!(loaded instanceof Map<?, ?> m)) {
                return Set.of();
            }
            return m.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        }
    }

    /** Polls both outputs until the copy has caught up, Ctrl-C, or {@code wait} has passed. */
    private void awaitCatchUp(String kafka, String toTopic, String oldStats, String copy, String name, Duration wait,
                              Progress progress) throws Exception {
        Deadline deadline = Deadline.in(wait);
        long nextReport = 0;
        try (StopSignal stop = new StopSignal()) {
            while (true) {
                CatchUp.Output mine = CatchUp.of(kafka, toTopic);
                CatchUp.Output theirs = CatchUp.of(kafka, oldStats);
                if (CatchUp.caughtUp(mine, theirs)) {
                    out.println("caught up: " + mine + "; " + theirs);
                    out.println("next: switch the consumers of " + oldStats + " to " + toTopic + " (bin/logriver watch "
                            + "--topic " + toTopic + " follows it), then bin/logriver kill " + name);
                    return;
                }
                if (stop.stopping() || deadline.passed()) {
                    out.println("not caught up " + (stop.stopping() ? "when stopped" : "after " + wait.toSeconds()
                            + " s") + ": " + mine + "; " + theirs + "; " + copy + " goes on (bin/logriver watch --topic "
                            + toTopic + " follows it)");
                    return;
                }
                if (System.nanoTime() >= nextReport) {
                    progress.say("catching up: " + mine + "; " + theirs);
                    nextReport = System.nanoTime() + REPORT_EVERY.toNanos();
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        }
    }
}
