package io.logriver.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.core.Names;
import io.logriver.trident.TridentKafka;
import io.logriver.trident.TridentPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.storm.tuple.Fields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once in Trident mode: batches fail (a function after the spout throws on the first attempt of the batches
 * carrying chosen records) and are replayed by the opaque spout, whose replays may hold other records than the first
 * attempt; the final window records still equal the reference: no record is lost or counted twice.
 */
class TridentReplayIT {
    private static TestBroker broker;
    private static Reference expected;
    private static List<String> output;

    @BeforeAll
    static void run() throws Exception {
        broker = new TestBroker();
        ItDataSet data = ItDataSet.generate(23, 2000);
        LogriverConfig c = ConfigLoader.load(null, List.of(
                LogriverConfig.BOOTSTRAP_SERVERS + "=" + broker.bootstrapServers(),
                LogriverConfig.TRIDENT_MAX_POLL_RECORDS + "=100",
                "logriver.trident.topology.max.spout.pending=2"));
        expected = Reference.of(data, c.windowSizeMs(), c.latenessMs());
        Files.write(broker.workDir.resolve("expected.jsonl"), expected.windows, StandardCharsets.UTF_8);
        Path dir = broker.workDir;
        Path requests = Files.write(dir.resolve("requests.jsonl"),
                data.requests.stream().map(ItDataSet.Planned::line).toList(), StandardCharsets.UTF_8);
        Path sessions = Files.write(dir.resolve("sessions.jsonl"), data.sessionLines, StandardCharsets.UTF_8);
        Fields key = new Fields(Names.PARTITION, Names.OFFSET);
        new FileMode(Progress.quiet(), Mode.TRIDENT, conf -> TridentPipeline.build(conf, TridentKafka.sources(conf),
                TridentKafka.sinks(conf), s -> s.each(key, new FailFirstAttempt(97), new Fields())))
                .run(c, requests, sessions, dir.resolve("out.jsonl"), dir.resolve("dlq.jsonl"), dir);
        output = Files.readAllLines(dir.resolve("out.jsonl"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void batchesWereReplayed() {
        assertTrue(FailFirstAttempt.FAILURES.get() >= 10, "injected failures: " + FailFirstAttempt.FAILURES.get());
    }

    @Test
    void finalWindowRecordsAreUnchanged() {
        assertEquals(expected.windows, output);
    }
}
