package io.logriver.launcher.submit;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.NimbusConnection;
import java.io.PrintStream;
import java.util.List;
import org.apache.storm.generated.TopologySummary;

/** {@code list [--nimbus HOST[:PORT]]}: the topologies on Nimbus, as {@code storm list} shows them. */
public final class ListCommand {
    public static final Syntax SYNTAX = Syntax.of("list", "The topologies on Nimbus, as storm list shows them.",
            Option.NIMBUS, Option.WORK_DIR);

    public int run(List<String> argv, PrintStream out) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        NimbusConnection nimbus = SubmitCommand.nimbus(args, ClusterState.load(ClusterCommand.layout(args)));
        List<TopologySummary> topologies = nimbus.topologies();
        if (topologies.isEmpty()) {
            out.println("no topologies on Nimbus at " + nimbus.address());
            return 0;
        }
        out.printf("%-24s %-10s %8s %8s %10s %6s  %s%n", "name", "status", "uptime", "workers", "executors", "tasks",
                "id");
        for (TopologySummary t : topologies) {
            out.printf("%-24s %-10s %7ds %8d %10d %6d  %s%n", t.get_name(), t.get_status(), t.get_uptime_secs(),
                    t.get_num_workers(), t.get_num_executors(), t.get_num_tasks(), t.get_id());
        }
        return 0;
    }
}
