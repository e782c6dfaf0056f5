package io.logriver.launcher.submit;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.cluster.NimbusConnection;
import io.logriver.process.Deadline;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.storm.generated.NotAliveException;
import org.apache.storm.generated.RebalanceOptions;
import org.apache.storm.generated.TopologySummary;

/**
 * {@code rebalance NAME --workers N [--wait S] [--nimbus HOST[:PORT]]}: what {@code storm rebalance NAME -n N -w S}
 * does. Nimbus deactivates the topology for S seconds (by default its {@code topology.message.timeout.secs}), then
 * spreads its executors over N workers, restarting them; this returns once the topology is active in N workers.
 */
public final class RebalanceCommand {
    public static final Syntax SYNTAX = Syntax.of("rebalance", "Spreads a topology over N workers, as storm rebalance "
                    + "-n N does, and returns once it is active in N workers.",
            Option.needed("workers", "N", "the number of workers, 1 or more"),
            Option.value("wait", "S", "seconds the topology stays deactivated first (default: its message timeout)"),
            Option.NIMBUS, Option.WORK_DIR)
            .withParam("NAME", "the topology", "rebalance needs the topology's NAME");
    /** How long the workers may take to be scheduled and reported, beyond the wait. */
    private static final Duration SCHEDULING = Duration.ofSeconds(120);

    private final PrintStream err;

    public RebalanceCommand() {
        this(System.err);
    }

    /** Progress to {@code err}. */
    public RebalanceCommand(PrintStream err) {
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        String name = args.param(0);
        int workers = workers(args);
        RebalanceOptions opts = new RebalanceOptions();
        opts.set_num_workers(workers);
        Duration wait = args.has("wait") ? args.duration("wait") : null;
        if (wait != null) {
            opts.set_wait_secs((int) wait.toSeconds());
        }
        NimbusConnection nimbus = SubmitCommand.nimbus(args, ClusterState.load(ClusterCommand.layout(args)));
        try {
            nimbus.call(n -> {
                n.rebalance(name, opts);
                return null;
            });
        } catch (NotAliveException e) {
            throw new IllegalStateException("no active topology named " + name + " on Nimbus at " + nimbus.address(), e);
        }
        Progress progress = Progress.to(err);
        progress.say("rebalancing " + name + " to " + workers + " workers (deactivated for "
                + (wait == null ? "its message timeout" : wait.toSeconds() + " s") + ", then its workers restart)");
        awaitRebalanced(nimbus, name, workers, (wait == null ? Duration.ofMinutes(5) : wait).plus(SCHEDULING));
        progress.say("rebalanced " + name + ": active in " + workers + " workers");
        return 0;
    }

    private static int workers(Args args) {
        String text = args.get("workers");
        if (text == null) {
            throw new Args.UsageException("rebalance needs --workers N");
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1) {
            throw new Args.UsageException("--workers " + text + ": expected a number of workers, 1 or more");
        }
        return Integer.parseInt(text);
    }

    private static void awaitRebalanced(NimbusConnection nimbus, String name, int workers, Duration timeout)
            throws Exception {
        AtomicReference<TopologySummary> last = new AtomicReference<>();
        if (!Deadline.await(timeout, Duration.ofMillis(250), () -> {
            TopologySummary t = nimbus.topology(name).orElseThrow(
                    () -> new IllegalStateException(name + " is no longer on Nimbus at " + nimbus.address()));
            last.set(t);
            return "ACTIVE".equals(t.get_status()) && t.get_num_workers() == workers;
        })) {
            throw new IllegalStateException(name + " is " + last.get().get_status() + " in "
                    + last.get().get_num_workers() + " workers after " + timeout.toSeconds() + " s, not ACTIVE in "
                    + workers + " (free worker slots: bin/logriver cluster status)");
        }
    }
}
