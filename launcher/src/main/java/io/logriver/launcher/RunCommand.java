package io.logriver.launcher;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.filemode.FileMode;
import io.logriver.launcher.live.LiveMode;
import io.logriver.launcher.ui.UiCommand;
import io.logriver.topology.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code run}: live mode, or file mode when {@code --input} is given. */
public final class RunCommand {
    private static final Set<String> OPTIONS =
            Set.of("mode", "duration", "config", "input", "sessions", "output", "dlq", "work-dir", "ui-port");

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
        Args args = Args.parse(argv, OPTIONS);
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
