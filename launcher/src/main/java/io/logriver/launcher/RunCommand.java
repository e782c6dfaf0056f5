package io.logriver.launcher;

import io.logriver.config.LogriverConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code run}: live mode, or file mode when {@code --input} is given. */
public final class RunCommand {
    private static final Set<String> OPTIONS =
            Set.of("mode", "duration", "config", "input", "sessions", "output", "dlq", "work-dir");

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        Mode mode = args.mode();
        LogriverConfig config = args.config();
        Path workDir = args.has("work-dir") ? Path.of(args.get("work-dir")) : Home.dir().resolve("work");
        Progress progress = Progress.to(System.err);
        if (args.has("input")) {
            if (!args.has("output")) {
                throw new Args.UsageException("file mode needs --output FILE");
            }
            FileMode.Summary s = new FileMode(progress, mode).run(config, args.inputFile("input"),
                    args.inputFile("sessions"), args.outputFile("output"), args.outputFile("dlq"), workDir);
            System.out.println(s.toJson());
            return 0;
        }
        return new LiveMode(progress, mode).run(config, args.duration("duration"), workDir);
    }
}
