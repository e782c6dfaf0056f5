package io.logriver.launcher.cluster;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.Syntax;
import java.io.PrintStream;
import java.util.List;

/** {@code cluster up|down|status [--work-dir DIR] [--ports default|free] [--slots N]}: the dev cluster. */
public final class ClusterCommand {
    public static final Syntax SYNTAX = Syntax.of("cluster", "A real Storm cluster on this machine (ZooKeeper, "
            + "Nimbus, a Supervisor with 4 slots, Kafka, Redis, the Storm UI), separate JVMs on 127.0.0.1 with their "
            + "state and logs in work/cluster/.").withSubcommands(
            Syntax.of("up", "Starts the dev cluster, and says where each part listens.",
                    Option.value("ports", "default|free", "Storm's and Kafka's default ports, or free ones"),
                    Option.value("slots", "N", "worker slots of its Supervisor, 1 to 32 (default 4)"), Option.WORK_DIR),
            Syntax.of("down", "Stops every process of the dev cluster.", Option.WORK_DIR),
            Syntax.of("status", "Each process of the dev cluster, and whether it runs.", Option.WORK_DIR));

    private final PrintStream out;
    private final PrintStream err;

    public ClusterCommand() {
        this(System.out, System.err);
    }

    /** What the command shows to {@code out}, progress to {@code err}. */
    public ClusterCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        if (args.subcommand() == null) {
            throw new Args.UsageException("cluster needs up, down or status");
        }
        Progress progress = Progress.to(err);
        DevCluster cluster = new DevCluster(layout(args), progress);
        switch (args.subcommand()) {
            case "up" -> up(cluster, args);
            case "down" -> progress.say("stopped " + cluster.down() + " processes of the cluster in "
                    + cluster.layout().dir());
            default -> cluster.status().forEach(out::println);
        }
        return 0;
    }

    private static int slots(Args args) {
        String text = args.has("slots") ? args.get("slots") : Integer.toString(ClusterState.DEFAULT_SLOTS);
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 32) {
            throw new Args.UsageException("--slots " + text + ": expected a number of worker slots from 1 to 32");
        }
        return Integer.parseInt(text);
    }

    public static ClusterLayout layout(Args args) {
        return ClusterLayout.in(args.workDir());
    }

    private void up(DevCluster cluster, Args args) throws Exception {
        String ports = args.has("ports") ? args.get("ports") : "default";
        int slots = slots(args);
        ClusterState wanted = switch (ports) {
            case "default" -> ClusterState.defaults(slots);
            case "free" -> ClusterState.freePorts(slots);
            default -> throw new Args.UsageException("--ports " + ports + ": expected default or free");
        };
        ClusterState s = cluster.up(wanted);
        out.println("dev cluster up in " + cluster.layout().dir());
        out.println("  nimbus     " + s.nimbusAddress() + "   (nimbus.seeds: [\"" + ClusterState.HOST
                + "\"], nimbus.thrift.port: " + s.nimbus() + ")");
        out.println("  kafka      " + s.kafka());
        out.println("  slots      " + s.slots().size() + " worker slots, " + ClusterState.HOST + ":" + s.slots()
                + " (workers exchange tuples through Storm's Netty messaging, their servers bound to "
                + ClusterState.HOST + " by logriver's transport)");
        out.println("  logs       " + cluster.layout().logs());
        out.println("  Storm UI   " + s.uiUrl() + "   (its REST API under /api/v1, Prometheus metrics at /metrics)");
        out.println("next: bin/logriver submit; bin/logriver generate; bin/logriver watch; bin/logriver stats; "
                + "bin/logriver cluster down");
    }
}
