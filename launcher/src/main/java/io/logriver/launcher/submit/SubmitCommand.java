package io.logriver.launcher.submit;

import io.logriver.config.ConfigException;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Json;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterAddresses;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.NimbusConnection;
import io.logriver.launcher.kafka.Topics;
import io.logriver.launcher.metrics.MetricsReporters;
import io.logriver.launcher.redis.RedisAddress;
import io.logriver.topology.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code submit --mode core [--nimbus HOST[:PORT]] [--kafka HOST:PORT] [--redis HOST:PORT] [--name NAME]
 * [--config FILE] [-c key=value]...}: creates the topics where missing, checks Redis answers (durable state), then
 * submits the topology jar as {@code storm jar} would. Nimbus defaults to the dev cluster's (or 127.0.0.1:6627), Kafka
 * and Redis to the dev cluster's when submitting there, else the configured ones.
 */
public final class SubmitCommand {
    public static final Syntax SYNTAX = Syntax.of("submit", "Creates the topics, checks Redis answers, then submits "
                    + "the topology jar as storm jar does (to the dev cluster unless --nimbus is given).",
            Option.MODE, Option.NIMBUS, Option.KAFKA, Option.REDIS,
            Option.value("name", "NAME", "the topology's name (default: logriver-core or logriver-trident)"),
            Option.WORK_DIR, Option.CONFIG, Option.SETTING);

    private final PrintStream err;

    public SubmitCommand() {
        this(System.err);
    }

    /** Progress, and what the submitting JVM prints, to {@code err}. */
    public SubmitCommand(PrintStream err) {
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        String mode = args.mode().id();
        String name = args.has("name") ? args.get("name") : args.mode().defaultName();
        ClusterState dev = ClusterState.load(ClusterCommand.layout(args));
        NimbusConnection nimbus = nimbus(args, dev);
        ClusterState toDev = args.has("nimbus") ? null : dev;
        LogriverConfig c;
        try {
            c = args.config().with(Map.of(LogriverConfig.BOOTSTRAP_SERVERS.name(), ClusterAddresses.kafka(args, toDev),
                    LogriverConfig.REDIS_URL.name(), ClusterAddresses.redis(args, toDev)));
        } catch (ConfigException e) {
            throw new Args.UsageException("configuration: " + e.getMessage());
        }
        Path jar = TopologyJar.built();
        Progress progress = Progress.to(err);
        c = ensureTopics(c, progress);
        checkRedis(c, progress);
        checkCluster(nimbus, name, c, args.mode(), progress);
        progress.say("submitting " + jar.getFileName() + " (mode " + mode + ") as " + name + " to Nimbus at "
                + nimbus.address());
        Process p = new ProcessBuilder(TopologyJar.command(jar, nimbus.clientConf(), mainArgs(args, mode, name, c)))
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(err); // what storm jar would print
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException("submitting " + name + " failed (exit " + status + "; see above)");
        }
        return 0;
    }

    /** The Nimbus to use: {@code --nimbus}, else the dev cluster's, else Storm's default on this machine. */
    public static NimbusConnection nimbus(Args args, ClusterState dev) {
        if (args.has("nimbus")) {
            return new NimbusConnection(args.get("nimbus"));
        }
        return new NimbusConnection(dev != null ? dev.nimbusAddress() : ClusterState.HOST);
    }

    /** The workers keep their state in Redis: it must answer (from here, which is the best this command can check). */
    private static void checkRedis(LogriverConfig c, Progress progress) {
        if (!c.state().durable()) {
            return;
        }
        if (!RedisAddress.answers(c.state().redisAddress(), Duration.ofSeconds(5))) {
            throw new IllegalStateException("no Redis answers at " + c.state().redisAddress() + " (--redis HOST:PORT or "
                    + LogriverConfig.REDIS_URL + "; or " + LogriverConfig.STATE_BACKEND + "=memory, whose state a "
                    + "worker crash loses)");
        }
        progress.say("state in Redis at " + c.state().redisAddress());
    }

    private static LogriverConfig ensureTopics(LogriverConfig c, Progress progress) throws Exception {
        ClusterAddresses.requireKafka(c.bootstrapServers());
        try (Topics topics = new Topics(c.bootstrapServers())) {
            LogriverConfig withPartitions = topics.ensure(c, 1);
            progress.say("topics ready on " + c.bootstrapServers() + " (" + withPartitions.topics().partitions()
                    + " partitions of " + c.topics().weblogs() + ")");
            return withPartitions;
        }
    }

    /** Nimbus answers and the name is free; a warning when the cluster has fewer free slots than workers asked for. */
    private static void checkCluster(NimbusConnection nimbus, String name, LogriverConfig c, Mode mode,
                                     Progress progress) throws Exception {
        if (nimbus.topology(name).isPresent()) {
            throw new IllegalStateException("a topology named " + name + " is already running on Nimbus at "
                    + nimbus.address() + ": bin/logriver kill " + name + " first, or choose another --name");
        }
        Object asked = c.stormFor(mode.profile()).getOrDefault("topology.workers", 1);
        if (!(asked instanceof Number count) || count.intValue() < 1) {
            throw new Args.UsageException("topology.workers=" + asked + ": expected a number of workers, 1 or more");
        }
        int workers = count.intValue();
        int free = nimbus.call(n -> n.getClusterInfo().get_supervisors().stream()
                .mapToInt(sv -> sv.get_num_workers() - sv.get_num_used_workers()).sum());
        if (workers > free) {
            progress.say("warning: topology.workers=" + workers + " but the cluster has " + free + " free worker slots:"
                    + " Storm runs the topology in fewer workers (on the dev cluster, cluster up --slots N)");
        }
    }

    /** The main class's arguments: the user's, then the broker, partitions and metrics reporters found here. */
    private static List<String> mainArgs(Args args, String mode, String name, LogriverConfig c) {
        List<String> out = new ArrayList<>(List.of("--mode", mode, "--name", name));
        if (args.has("config")) {
            out.addAll(List.of("--config", args.inputFile("config").toAbsolutePath().toString()));
        }
        for (String o : args.overrides()) {
            out.addAll(List.of("-c", o));
        }
        out.addAll(List.of("-c", LogriverConfig.BOOTSTRAP_SERVERS + "=" + c.bootstrapServers(),
                "-c", LogriverConfig.TOPIC_PARTITIONS + "=" + c.topics().partitions(),
                "-c", LogriverConfig.REDIS_URL + "=redis://" + c.state().redisAddress(),
                "-c", MetricsReporters.KEY + "=" + Json.write(MetricsReporters.withCsv(c.storm()))));
        return out;
    }
}
