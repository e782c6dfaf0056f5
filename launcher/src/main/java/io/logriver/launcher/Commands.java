package io.logriver.launcher;

import io.logriver.launcher.bench.BenchCommand;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterCommand;
import io.logriver.launcher.feed.GenerateCommand;
import io.logriver.launcher.feed.ReplayCommand;
import io.logriver.launcher.feed.ReprocessCommand;
import io.logriver.launcher.feed.WatchCommand;
import io.logriver.launcher.soak.SoakOptions;
import io.logriver.launcher.submit.KillCommand;
import io.logriver.launcher.submit.ListCommand;
import io.logriver.launcher.submit.RebalanceCommand;
import io.logriver.launcher.submit.StatsCommand;
import io.logriver.launcher.submit.SubmitCommand;
import io.logriver.launcher.soak.SoakCommand;
import io.logriver.launcher.ui.UiCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Every command of {@code bin/logriver}: its syntax, and what runs it. */
final class Commands {
    static final Syntax HELP = Syntax.of("help", "This help, or with a COMMAND the help of that command.")
            .withParam("COMMAND", "a command", null).withParam("SUBCOMMAND", "a subcommand of cluster", null);
    static final Syntax COMPLETION = Syntax.of("completion", "Prints a bash completion script of bin/logriver: "
            + "source <(bin/logriver completion) (docs/cli.md).");

    /** Runs a command on its own arguments: results to {@code out}, progress to {@code err}. */
    interface Runner {
        int run(List<String> argv, PrintStream out, PrintStream err) throws Exception;
    }

    record Command(Syntax syntax, Runner runner) {
    }

    private static final List<Command> ALL = List.of(
            new Command(RunCommand.SYNTAX, (argv, out, err) -> new RunCommand(out, err).run(argv)),
            new Command(ClusterCommand.SYNTAX, (argv, out, err) -> new ClusterCommand(out, err).run(argv)),
            new Command(SubmitCommand.SYNTAX, (argv, out, err) -> new SubmitCommand(err).run(argv)),
            new Command(GenerateCommand.SYNTAX, (argv, out, err) -> new GenerateCommand(out, err).run(argv)),
            new Command(ReplayCommand.SYNTAX, (argv, out, err) -> new ReplayCommand(out, err).run(argv)),
            new Command(WatchCommand.SYNTAX, (argv, out, err) -> new WatchCommand(out, err).run(argv)),
            new Command(ReprocessCommand.SYNTAX, (argv, out, err) -> new ReprocessCommand(out, err).run(argv)),
            new Command(ListCommand.SYNTAX, (argv, out, err) -> new ListCommand().run(argv, out)),
            new Command(StatsCommand.SYNTAX, (argv, out, err) -> new StatsCommand().run(argv, out)),
            new Command(KillCommand.SYNTAX, (argv, out, err) -> new KillCommand(err).run(argv)),
            new Command(RebalanceCommand.SYNTAX, (argv, out, err) -> new RebalanceCommand(err).run(argv)),
            new Command(UiCommand.SYNTAX, (argv, out, err) -> new UiCommand(out).run(argv)),
            new Command(BenchCommand.SYNTAX, (argv, out, err) -> new BenchCommand(out, err).run(argv)),
            new Command(SoakOptions.SYNTAX, (argv, out, err) -> new SoakCommand(out, err).run(argv)),
            new Command(HELP, (argv, out, err) -> help(argv, out)),
            new Command(COMPLETION, (argv, out, err) -> completion(out)));

    private Commands() {
    }

    /** The parser of the whole command line, for help, completion and the mistakes no command gets to see. */
    static CommandLine parser() {
        return Syntax.parser("Web access-log analytics on Apache Storm.", syntaxes(),
                "%nbin/logriver COMMAND --help (or bin/logriver help COMMAND) shows a command's options, each with "
                        + "what it does; bin/logriver completion, a bash completion script (docs/cli.md).");
    }

    /** The syntax of every command. */
    static List<Syntax> syntaxes() {
        return ALL.stream().map(Command::syntax).toList();
    }

    /** The command named {@code name}; the whole line has been parsed, so it is one of them. */
    static Runner named(String name) {
        return ALL.stream().filter(c -> c.syntax().name().equals(name)).findFirst().orElseThrow().runner();
    }

    /** {@code help [COMMAND [SUBCOMMAND]]}: the usage of every command, or the help of one. */
    private static int help(List<String> argv, PrintStream out) {
        Args args = Args.parse(argv, HELP);
        CommandLine at = parser();
        for (int i = 0; args.param(i) != null; i++) {
            Map<String, CommandLine> subs = at.getSubcommands();
            String name = args.param(i);
            if (!subs.containsKey(name)) {
                throw new Args.UsageException((i == 0 ? "unknown command '" + name + "'"
                        : at.getCommandName() + " has no subcommand " + name));
            }
            at = subs.get(name);
        }
        out.print(Syntax.help(at));
        return 0;
    }

    private static int completion(PrintStream out) {
        out.print(AutoComplete.bash("logriver", parser()));
        return 0;
    }
}
