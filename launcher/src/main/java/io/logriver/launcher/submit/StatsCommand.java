package io.logriver.launcher.submit;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterLayout;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.NimbusConnection;
import io.logriver.launcher.metrics.CsvMetrics;
import io.logriver.launcher.metrics.LogriverMetrics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.storm.generated.ComponentPageInfo;
import org.apache.storm.generated.TopologyPageInfo;
import org.apache.storm.generated.TopologySummary;

/**
 * {@code stats [NAME] [--nimbus HOST[:PORT]] [--metrics-dir DIR]}: what the Storm UI shows for the topology, its
 * components and their streams (from Nimbus), then logriver's own metrics from the workers' CSV reporter files (on the
 * dev cluster: {@code work/cluster/storm-local/csvmetrics}; elsewhere the workers' {@code storm.local.dir/csvmetrics}).
 */
public final class StatsCommand {
    public static final Syntax SYNTAX = Syntax.of("stats", "What the Storm UI shows for a topology, its components "
                    + "and streams, then logriver's own metrics from the workers' CSV reporter files.",
            Option.NIMBUS, Option.value("metrics-dir", "DIR", "the workers' csvmetrics directory (default: the dev "
                    + "cluster's)"), Option.WORK_DIR)
            .withParam("NAME", "the topology (needed when more than one runs)", null);

    public int run(List<String> argv, PrintStream out) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        String name = args.param(0);
        ClusterLayout layout = ClusterCommand.layout(args);
        NimbusConnection nimbus = SubmitCommand.nimbus(args, ClusterState.load(layout));
        TopologySummary t = find(nimbus, name);
        TopologyPageInfo page = nimbus.call(n -> n.getTopologyPageInfo(t.get_id(), StormStats.ALL_TIME, false));
        StormStats.topology(page).forEach(out::println);
        StormStats.workers(page).forEach(out::println);
        StormStats.spouts(page).forEach(out::println);
        StormStats.bolts(page).forEach(out::println);
        out.println("streams");
        for (String component : page.get_id_to_spout_agg_stats().keySet().stream().sorted().toList()) {
            streams(nimbus, t.get_id(), component).forEach(out::println);
        }
        for (String component : page.get_id_to_bolt_agg_stats().keySet().stream().sorted().toList()) {
            streams(nimbus, t.get_id(), component).forEach(out::println);
        }
        Path dir = args.has("metrics-dir") ? Path.of(args.get("metrics-dir")) : layout.csvMetrics();
        CsvMetrics m = CsvMetrics.read(dir, t.get_id());
        if (m.isEmpty()) {
            out.println("logriver: no CSV metrics of " + t.get_id() + " in " + dir + " yet (the reporter writes every "
                    + "10 s; elsewhere than on the dev cluster, give --metrics-dir)");
        } else {
            LogriverMetrics.lines(m).forEach(out::println);
        }
        return 0;
    }

    private static List<String> streams(NimbusConnection nimbus, String id, String component) throws Exception {
        ComponentPageInfo c = nimbus.call(n -> n.getComponentPageInfo(id, component, StormStats.ALL_TIME, false));
        return StormStats.streams(c);
    }

    /** The named topology, or the only one when no name is given. */
    private static TopologySummary find(NimbusConnection nimbus, String name) throws Exception {
        List<TopologySummary> all = nimbus.topologies();
        if (name != null) {
            return all.stream().filter(t -> t.get_name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalStateException("no topology named " + name + " on Nimbus at " + nimbus.address()
                            + " (running: " + all.stream().map(TopologySummary::get_name).toList() + ")"));
        }
        if (all.size() != 1) {
            throw new Args.UsageException("stats needs a topology NAME: " + all.size() + " topologies run on Nimbus at "
                    + nimbus.address() + " " + all.stream().map(TopologySummary::get_name).toList());
        }
        return all.get(0);
    }
}
