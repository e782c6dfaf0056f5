package io.logriver.launcher;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.filemode.FileMode;
import io.logriver.launcher.live.LiveMode;
import io.logriver.launcher.ui.UiCommand;
import io.logriver.topology.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code run}: live mode, or file mode when {@code --input} is given. */
public final class RunCommand {
    public static final Syntax SYNTAX = Syntax.of("run", "Live mode: a Kafka broker, a generator of sessions and "
                    + "access logs, the topology in a local Storm cluster, and a live view every few seconds; stops on "
                    + "Ctrl-C or --duration. File mode (--input): replays the files through Kafka and the same "
                    + "topology, writes the final windows sorted by windowStart, orgID, webURL, and prints a summary "
                    + "line.",
            Option.MODE,
            Option.value("duration", "S", "live mode stops after S seconds (or 90s, 5m, 1h); by default on Ctrl-C"),
            Option.value("input", "FILE", "file mode: the requests to replay, one JSON record a line"),
            Option.value("sessions", "FILE", "file mode: the session records, all read before the first request"),
            Option.value("output", "FILE", "file mode: where the final window records go (needed with --input)"),
            Option.value("dlq", "FILE", "file mode: where the dead letters go"),
            Option.value("ui-port", "N", "live mode: the port of its Storm UI (default 8080; 0: any free one)"),
            Option.WORK_DIR, Option.CONFIG, Option.SETTING);

    private final PrintStream out;
    private final PrintStream err;

    public RunCommand() {
        this(System.out, System.err);
    }

    /** Results (the live view, file mode's summary line) to {@code out}, progress to {@code err}. */
    public RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        Mode mode = args.mode();
        LogriverConfig config = args.config();
        Path workDir = args.workDir();
        Progress progress = Progress.to(err);
        if (args.has("input")) {
            Path input = args.inputFile("input");
            Path sessions = args.inputFile("sessions");
            if (args.has("ui-port")) {
                throw new Args.UsageException("--ui-port is for live mode: file mode starts no UI");
            }
            if (!args.has("output")) {
                throw new Args.UsageException("file mode needs --output FILE");
            }
            FileMode.Summary s = new FileMode(progress, mode).run(config, input, sessions, args.outputFile("output"),
                    args.outputFile("dlq"), workDir);
            out.println(s.toJson());
            return 0;
        }
        for (String fileModeOnly : List.of("sessions", "output", "dlq")) {
            if (args.has(fileModeOnly)) {
                throw new Args.UsageException("--" + fileModeOnly + " is for file mode, which needs --input FILE");
            }
        }
        int uiPort = args.number("ui-port", 0, UiCommand.DEFAULT_PORT, "a port from 0 to 65535 (0: any free one)");
        return new LiveMode(progress, mode, out, uiPort, args.has("ui-port"))
                .run(config, args.duration("duration"), workDir);
    }
}
