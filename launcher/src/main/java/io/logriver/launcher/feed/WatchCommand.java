package io.logriver.launcher.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.cluster.ClusterAddresses;
import io.logriver.launcher.kafka.TopicFollower;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * {@code watch [--topic T] [--kafka HOST:PORT] [--org ORG] [--url PREFIX] [--from-beginning] [--dlq] [--json]
 * [--until-idle S] [--config FILE] [-c key=value]...}: follows the window records a topology writes (the configured
 * stats topic on the dev cluster's broker by default) as a compact table with the slowest URLs of each window, or the
 * dead letters ({@code --dlq}) grouped by reason, or either raw, one record per line ({@code --json}). From the end
 * of the topic unless {@code --from-beginning}; until Ctrl-C, or until no record has come for {@code --until-idle S}.
 */
public final class WatchCommand {
    public static final Syntax SYNTAX = Syntax.of("watch", "Follows the window records of a topology (the slowest "
                    + "URLs of each window), or with --dlq its dead letters grouped by reason.",
            Option.value("topic", "T", "the topic to follow (default: the configured stats topic, or with --dlq the "
                    + "dead-letter topic)"),
            Option.value("org", "ORG", "only the windows of this organisation"),
            Option.value("url", "PREFIX", "only the windows of URLs that start with PREFIX"),
            Option.flag("from-beginning", "from the beginning of the topic (by default from its end)"),
            Option.flag("dlq", "the dead letters instead of the window records"),
            Option.flag("json", "the records as they are, one a line"),
            Option.value("until-idle", "S", "stops once no record has come for S seconds (by default on Ctrl-C)"),
            Option.KAFKA, Option.WORK_DIR, Option.CONFIG, Option.SETTING);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long TABLE_EVERY_NANOS = Duration.ofSeconds(2).toNanos();

    private final PrintStream out;
    private final PrintStream err;

    /** The records to {@code out}, progress to {@code err}. */
    public WatchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, SYNTAX);
        boolean dlq = args.flag("dlq");
        if (dlq && (args.has("org") || args.has("url"))) {
            throw new Args.UsageException("--org and --url select window records; --dlq shows dead letters");
        }
        Duration idle = args.duration("until-idle");
        LogriverConfig c = ClusterAddresses.configWithKafka(args);
        String topic = args.has("topic") ? args.get("topic") : dlq ? c.topics().dlq() : c.topics().stats();
        ClusterAddresses.requireKafka(c.bootstrapServers());
        boolean fromBeginning = args.flag("from-beginning");
        Progress progress = Progress.to(err);
        try (StopSignal stop = new StopSignal()) { // closed last: on Ctrl-C the JVM ends once all is said
            long records;
            try (TopicFollower follower = new TopicFollower(c.bootstrapServers(), topic, fromBeginning)) {
                progress.say("following " + topic + " on " + c.bootstrapServers() + " from its "
                        + (fromBeginning ? "beginning" : "end") + "; " + (idle == null ? "Ctrl-C stops"
                        : "until no record has come for " + idle.toSeconds() + " s"));
                Shown shown = args.flag("json") ? new Raw(args) : dlq ? new DeadLetters(topic) : new Windows(args);
                records = follow(follower, shown, stop, idle);
            }
            progress.say(String.format("%,d records read from %s", records, topic));
        }
        return 0;
    }

    /** Polls until stopped or idle; returns how many records were read. */
    private static long follow(TopicFollower follower, Shown shown, StopSignal stop, Duration idle) {
        long records = 0;
        long lastRecord = System.nanoTime();
        while (!stop.stopping()) {
            List<ConsumerRecord<String, String>> batch = follower.poll(POLL);
            long now = System.nanoTime();
            for (ConsumerRecord<String, String> r : batch) {
                shown.add(r, now);
            }
            records += batch.size();
            if (!batch.isEmpty()) {
                lastRecord = now;
            }
            shown.tick(now);
            if (idle != null && now - lastRecord >= idle.toNanos()) {
                break;
            }
        }
        shown.end();
        return records;
    }

    /** How the records are shown. */
    private interface Shown {
        void add(ConsumerRecord<String, String> r, long nowNanos);

        default void tick(long nowNanos) {
        }

        default void end() {
        }
    }

    /** {@code --json}: every record as it is, one per line (window records filtered by --org and --url). */
    private final class Raw implements Shown {
        private final Args args;

        Raw(Args args) {
            this.args = args;
        }

        @Override
        public void add(ConsumerRecord<String, String> r, long nowNanos) {
            JsonNode n = parse(r);
            if (n == null || selected(n, args)) {
                out.println(r.value());
            }
        }

        @Override
        public void tick(long nowNanos) {
            out.flush();
        }
    }

    /** The window records as a table, a block per window. */
    private final class Windows implements Shown {
        private final Args args;
        private final WindowTable table = new WindowTable(out, Duration.ofMillis(500).toNanos());

        Windows(Args args) {
            this.args = args;
        }

        @Override
        public void add(ConsumerRecord<String, String> r, long nowNanos) {
            JsonNode n = parseOrSay(r, "a window record");
            if (n != null && selected(n, args)) {
                table.add(n, nowNanos);
            }
        }

        @Override
        public void tick(long nowNanos) {
            table.flush(nowNanos, false);
        }

        @Override
        public void end() {
            table.flush(System.nanoTime(), true);
        }
    }

    /** {@code --dlq}: the dead letters grouped by reason, shown again every few seconds while more come. */
    private final class DeadLetters implements Shown {
        private final DeadLetterTable table;
        private long shownCount;
        private long shownAt;

        DeadLetters(String topic) {
            this.table = new DeadLetterTable(out, topic);
        }

        @Override
        public void add(ConsumerRecord<String, String> r, long nowNanos) {
            JsonNode n = parseOrSay(r, "a dead letter");
            if (n != null) {
                table.add(n);
            }
        }

        @Override
        public void tick(long nowNanos) {
            if (table.total() > shownCount && nowNanos - shownAt >= TABLE_EVERY_NANOS) {
                table.print();
                shownCount = table.total();
                shownAt = nowNanos;
            }
        }

        @Override
        public void end() {
            if (table.total() > shownCount || table.total() == 0) {
                table.print();
            }
        }
    }

    /** Whether a window record passes {@code --org} and {@code --url}. */
    private static boolean selected(JsonNode n, Args args) {
        return (!args.has("org") || args.get("org").equals(n.path("orgID").asText()))
                && (!args.has("url") || n.path("webURL").asText().startsWith(args.get("url")));
    }

    /** The record as a JSON object; when it is not one, a line that says so, and null. */
    private JsonNode parseOrSay(ConsumerRecord<String, String> r, String what) {
        JsonNode n = parse(r);
        if (n == null) {
            out.println("not " + what + " at partition " + r.partition() + " offset " + r.offset() + ": " + r.value());
        }
        return n;
    }

    /** The record as a JSON object, or null when it is not one. */
    private static JsonNode parse(ConsumerRecord<String, String> r) {
        try {
            JsonNode n = r.value() == null ? null : JSON.readTree(r.value());
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
