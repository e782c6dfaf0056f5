package io.logriver.launcher.cluster;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Progress;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code cluster up|down|status [--work-dir DIR] [--ports default|free] [--slots N]}: the dev cluster. */
public final class ClusterCommand {
    private static final Set<String> OPTIONS = Set.of("work-dir", "ports", "slots");

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
        if (argv.isEmpty()) {
            throw new Args.UsageException("cluster needs up, down or status");
        }
        if (!List.of("up", "down", "status").contains(argv.get(0))) {
            throw new Args.UsageException("cluster " + argv.get(0) + ": expected up, down or status");
        }
        Args args = Args.parse(argv.subList(1, argv.size()), OPTIONS);
        Progress progress = Progress.to(err);
        DevCluster cluster = new DevCluster(layout(args), progress);
        switch (argv.get(0)) {
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
