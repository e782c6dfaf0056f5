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
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.NotAliveException;

/**
 * {@code kill NAME [--wait S] [--nimbus HOST[:PORT]]}: deactivates the topology, lets Storm wait S seconds (default
 * 30, as {@code storm kill}) for tuples in flight, and returns once Nimbus has removed it.
 */
public final class KillCommand {
    public static final Syntax SYNTAX = Syntax.of("kill", "Deactivates a topology, lets Storm wait for the tuples in "
                    + "flight, and returns once Nimbus has removed it, as storm kill does.",
            Option.value("wait", "S", "seconds Storm waits for tuples in flight (or 1m; default 30)"), Option.NIMBUS,
            Option.WORK_DIR)
            .withParam("NAME", "the topology", "kill needs the topology's NAME");

    private final PrintStream err;

    public KillCommand() {
        this(System.err);
    }

    /** Progress to {@code err}. */
    public KillCommand(PrintStream err) {
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        String name = args.param(0);
        Duration wait = args.has("wait") ? args.duration("wait") : Duration.ofSeconds(30);
        NimbusConnection nimbus = SubmitCommand.nimbus(args, ClusterState.load(ClusterCommand.layout(args)));
        KillOptions opts = new KillOptions();
        opts.set_wait_secs((int) wait.toSeconds());
        try {
            nimbus.call(n -> {
                n.killTopologyWithOpts(name, opts);
                return null;
            });
        } catch (NotAliveException e) {
            throw new IllegalStateException("no topology named " + name + " on Nimbus at " + nimbus.address(), e);
        }
        Progress progress = Progress.to(err);
        progress.say("killing " + name + " (waiting " + wait.toSeconds() + " s for tuples in flight)");
        awaitGone(nimbus, name, wait.plusSeconds(60));
        progress.say("killed " + name);
        return 0;
    }

    private static void awaitGone(NimbusConnection nimbus, String name, Duration timeout) throws Exception {
        if (!Deadline.await(timeout, Duration.ofMillis(250), () -> nimbus.topology(name).isEmpty())) {
            throw new IllegalStateException(name + " is still on Nimbus at " + nimbus.address() + " after "
                    + timeout.toSeconds() + " s");
        }
    }
}
