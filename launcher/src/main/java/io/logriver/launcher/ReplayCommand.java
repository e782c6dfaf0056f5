package io.logriver.launcher;

import io.logriver.config.LogriverConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code replay [--input requests.jsonl] [--sessions sessions.jsonl] [--end-of-input] [--kafka HOST:PORT]
 * [--rate N|max] [--config FILE] [-c key=value]...}: writes files of records to the topics a running topology reads
 * (the dev cluster's broker by default; topics created where missing), in file order: the sessions first, then the
 * requests, the n-th to partition n mod P. Lines are sent as file mode sends them (empty lines skipped, bad lines
 * written for the topology to dead-letter), and every line is checked against the topic's size limit before the
 * first is written, so a file is written whole or not at all. {@code --rate N} paces the requests at N per second.
 * {@code --end-of-input} appends the end-of-input marker, which closes every window and ends the topology's input
 * for good (every later request is late): for a topology fed only by files, never for one on live data.
 */
public final class ReplayCommand {
    private static final Set<String> OPTIONS = Set.of("input", "sessions", "kafka", "rate", "config", "work-dir");
    private static final String END_OF_INPUT = "end-of-input";

    private final PrintStream out;
    private final PrintStream err;

    /** The summary to {@code out}, progress to {@code err}. */
    public ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS, Set.of(END_OF_INPUT));
        Path input = args.inputFile("input");
        Path sessions = args.inputFile("sessions");
        boolean end = args.flag(END_OF_INPUT);
        if (input == null && sessions == null && !end) {
            throw new Args.UsageException("replay needs --input FILE, --sessions FILE or --end-of-input");
        }
        int rate = rate(args);
        LogriverConfig c = ClusterAddresses.configWithKafka(args);
        ClusterAddresses.requireKafka(c.bootstrapServers());
        Progress progress = Progress.to(err);
        long requests = 0;
        long sessionCount = 0;
        boolean ended = false;
        try (StopSignal stop = new StopSignal(); Topics topics = new Topics(c.bootstrapServers())) {
            c = topics.ensure(c, 1);
            LogriverConfig.Topics t = c.topics();
            int max = topics.maxMessageBytes(t.weblogs());
            if (sessions != null) {
                RecordFiles.check(sessions, t.sessions(), true, max);
            }
            if (input != null) {
                progress.say(String.format("%s: %,d requests, every line fits %s", input,
                        RecordFiles.check(input, t.weblogs(), false, max), t.weblogs()));
            }
            try (RecordFiles files = new RecordFiles(c.bootstrapServers(), max)) {
                if (sessions != null) {
                    sessionCount = files.send(sessions, t.sessions(), true, RecordFiles.Pace.NOW);
                    progress.say(String.format("wrote %,d sessions to %s", sessionCount, t.sessions()));
                }
                if (input != null) {
                    requests = files.send(input, t.weblogs(), false, new ReplayPace(rate, progress, stop));
                    progress.say(String.format("wrote %,d requests to %s (%d partitions: the n-th request to partition"
                            + " n mod %d)%s", requests, t.weblogs(), t.partitions(), t.partitions(), stop.stopping()
                            ? "; stopped by Ctrl-C: the first " + requests + " requests of the file are written" : ""));
                }
                if (end && !stop.stopping()) {
                    files.endOfInput(t.weblogs());
                    ended = true;
                    progress.say("wrote the end-of-input marker to every partition of " + t.weblogs()
                            + ": the topologies reading it close every window and count every later request as late");
                }
            }
        }
        out.println("{\"requests\":" + requests + ",\"sessions\":" + sessionCount + ",\"endOfInput\":" + ended + "}");
        return 0;
    }

    /** {@code --rate N} requests per second, or {@code max} (the default): 0. */
    private static int rate(Args args) {
        if (!args.has("rate") || args.get("rate").equals("max")) {
            return 0;
        }
        return args.number("rate", 1, 0, "requests per second, or max");
    }
}
