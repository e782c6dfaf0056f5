package io.logriver.launcher.feed;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterAddresses;
import io.logriver.launcher.kafka.RecordFiles;
import io.logriver.launcher.kafka.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

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
    private static final String END_OF_INPUT = "end-of-input";
    public static final Syntax SYNTAX = Syntax.of("replay", "Writes files of records to the topics of a running "
                    + "topology, in order: the sessions first, then the requests.",
            Option.value("input", "FILE", "the requests, one JSON record a line"),
            Option.value("sessions", "FILE", "the session records"),
            Option.flag(END_OF_INPUT, "then the end-of-input marker, which closes every window and ends the "
                    + "topology's input for good"),
            Option.KAFKA, Option.value("rate", "N|max", "requests per second (default: max)"),
            Option.WORK_DIR, Option.CONFIG, Option.SETTING);

    private final PrintStream out;
    private final PrintStream err;

    /** The summary to {@code out}, progress to {@code err}. */
    public ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
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
        try (StopSignal stop = new StopSignal(); Topics topics = new Topics(c.bootstrapServers())) {
            c = topics.ensure(c, 1);
            int max = topics.maxMessageBytes(c.topics().weblogs());
            if (sessions != null) {
                RecordFiles.check(sessions, c.topics().sessions(), true, max);
            }
            if (input != null) {
                progress.say(String.format("%s: %,d requests, every line fits %s", input,
                        RecordFiles.check(input, c.topics().weblogs(), false, max), c.topics().weblogs()));
            }
            try (RecordFiles files = new RecordFiles(c.bootstrapServers(), max)) {
                Written w = write(files, c.topics(), input, sessions, end, new ReplayPace(rate, progress, stop), progress);
                out.println(w.toJson()); // before the StopSignal closes: on Ctrl-C the JVM ends once all is said
            }
        }
        return 0;
    }

    /** What {@code replay} wrote. */
    record Written(long requests, long sessions, boolean endOfInput) {
        String toJson() {
            return "{\"requests\":" + requests + ",\"sessions\":" + sessions + ",\"endOfInput\":" + endOfInput + "}";
        }
    }

    /** The sessions, then the requests at the pace given, then the end of input if asked (and not stopped). */
    private static Written write(RecordFiles files, LogriverConfig.Topics t, Path input, Path sessions, boolean end,
                                 ReplayPace pace, Progress progress) throws Exception {
        long sessionCount = sessions == null ? 0 : files.send(sessions, t.sessions(), true, RecordFiles.Pace.NOW);
        if (sessions != null) {
            progress.say(String.format("wrote %,d sessions to %s", sessionCount, t.sessions()));
        }
        long requests = input == null ? 0 : files.send(input, t.weblogs(), false, pace);
        if (input != null) {
            progress.say(String.format("wrote %,d requests to %s (%d partitions: the n-th request to partition n mod %d)"
                    + "%s", requests, t.weblogs(), t.partitions(), t.partitions(), pace.stopped()
                    ? "; stopped by Ctrl-C: the first " + requests + " requests of the file are written" : ""));
        }
        if (!end || pace.stopped()) {
            return new Written(requests, sessionCount, false);
        }
        files.endOfInput(t.weblogs());
        progress.say("wrote the end-of-input marker to every partition of " + t.weblogs()
                + ": the topologies reading it close every window and count every later request as late");
        return new Written(requests, sessionCount, true);
    }

    /** {@code --rate N} requests per second, or {@code max} (the default): 0. */
    private static int rate(Args args) {
        if (!args.has("rate") || args.get("rate").equals("max")) {
            return 0;
        }
        return args.number("rate", 1, 0, "requests per second, or max");
    }
}
