package io.logriver.launcher.filemode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.testing.TestBroker;
import io.logriver.names.Names;
import io.logriver.testing.ItDataSet;
import io.logriver.testing.Reference;
import io.logriver.topology.Mode;
import io.logriver.trident.TridentKafka;
import io.logriver.trident.TridentPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.storm.trident.Stream;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once in Trident mode: batches fail and are replayed by the opaque spout, whose replays may hold other records
 * than the first attempt; the final window records still equal the reference, with no record lost or counted twice.
 * Two places fail: a function after the spout, on the first attempt of the batches carrying chosen records (before any
 * state committed the batch), and a function on the window records before the sink, on the first attempt of the
 * batches closing chosen windows: the partition stage has committed those batches, the merger has not.
 */
class TridentReplayIT {
    private static TestBroker broker;
    private static Reference expected;
    private static List<String> afterSpout;
    private static int afterSpoutFailures;
    private static List<String> beforeSink;
    private static int beforeSinkFailures;

    @BeforeAll
    static void run() throws Exception {
        broker = new TestBroker();
        ItDataSet data = ItDataSet.generate(23, 2000);
        LogriverConfig c = broker.config(List.of(LogriverConfig.TRIDENT_MAX_POLL_RECORDS + "=100",
                "logriver.trident.topology.max.spout.pending=2"));
        expected = Reference.of(data, c.windowSizeMs(), c.latenessMs());
        Path dir = broker.workDir;
        Files.write(dir.resolve("expected.jsonl"), expected.windows, StandardCharsets.UTF_8);
        Path requests = Files.write(dir.resolve("requests.jsonl"),
                data.requests.stream().map(ItDataSet.Planned::line).toList(), StandardCharsets.UTF_8);
        Path sessions = Files.write(dir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);

        int before = FailFirstAttempt.FAILURES.get();
        afterSpout = run(c, requests, sessions, "after-spout", new TridentPipeline.Hooks(
                s -> s.each(new Fields(Names.PARTITION, Names.OFFSET), new FailFirstAttempt(97), new Fields()),
                UnaryOperator.identity()));
        afterSpoutFailures = FailFirstAttempt.FAILURES.get() - before;
        before = FailFirstAttempt.FAILURES.get();
        beforeSink = run(c, requests, sessions, "before-sink", new TridentPipeline.Hooks(UnaryOperator.identity(),
                s -> s.each(new Fields(Names.KEY), new FailFirstAttempt(7), new Fields())));
        beforeSinkFailures = FailFirstAttempt.FAILURES.get() - before;
    }

    private static List<String> run(LogriverConfig c, Path requests, Path sessions, String name,
                                    TridentPipeline.Hooks hooks) throws Exception {
        Path out = broker.workDir.resolve("out-" + name + ".jsonl");
        new FileMode(Progress.quiet(), Mode.TRIDENT, conf -> TridentPipeline.build(conf, TridentKafka.sources(conf),
                TridentKafka.sinks(conf), hooks))
                .run(c, requests, sessions, out, broker.workDir.resolve("dlq-" + name + ".jsonl"), broker.workDir);
        return Files.readAllLines(out);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void batchesFailedBeforeAnyCommitCountOnce() {
        assertTrue(afterSpoutFailures >= 10, "injected failures: " + afterSpoutFailures);
        assertEquals(expected.windows, afterSpout, () -> differences(expected.windows, afterSpout));
    }

    @Test
    void batchesFailedAfterThePartitionStageCommittedThemCountOnce() {
        assertTrue(beforeSinkFailures >= 10, "injected failures: " + beforeSinkFailures);
        assertEquals(expected.windows, beforeSink, () -> differences(expected.windows, beforeSink));
    }

    /**
     * What differs, in a few lines instead of both lists: the requests aggregated per window start where they differ,
     * and the first windows missing or unexpected.
     */
    static String differences(List<String> want, List<String> got) {
        java.util.Map<String, long[]> byStart = new java.util.TreeMap<>();
        count(want, byStart, 0);
        count(got, byStart, 1);
        StringBuilder b = new StringBuilder(want.size() + " windows expected, " + got.size() + " written; requests"
                + " per window start (expected -> written) where they differ:");
        byStart.forEach((start, n) -> {
            if (n[0] != n[1]) {
                b.append(' ').append(start).append(' ').append(n[0]).append(" -> ").append(n[1]).append(';');
            }
        });
        List<String> missing = new java.util.ArrayList<>(want);
        missing.removeAll(got);
        List<String> unexpected = new java.util.ArrayList<>(got);
        unexpected.removeAll(want);
        return b + " " + missing.size() + " missing or different, first " + missing.stream().limit(2).toList() + "; "
                + unexpected.size() + " unexpected, first " + unexpected.stream().limit(2).toList();
    }

    private static void count(List<String> windows, java.util.Map<String, long[]> byStart, int column) {
        for (String w : windows) {
            String start = w.replaceFirst(".*\"windowStart\":\"([^\"]*)\".*", "$1");
            long n = Long.parseLong(w.replaceFirst(".*\"count\":(\\d+).*", "$1"));
            byStart.computeIfAbsent(start, k -> new long[2])[column] += n;
        }
    }
}
