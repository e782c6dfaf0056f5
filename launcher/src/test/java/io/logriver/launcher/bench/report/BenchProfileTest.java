package io.logriver.launcher.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.peers.host.FlightRecording;
import io.logriver.storm.trident.BatchEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchProfileTest {

    @Test
    void stormExecutorThreadsAreNamedByTheirComponent() {
        assertEquals("parse-executor", BenchProfile.Summary.threadName("Thread-12-parse-executor[3, 3]"));
        assertEquals("kafka-producer-network-thread | producer",
                BenchProfile.Summary.threadName("kafka-producer-network-thread | producer-7"));
        assertEquals("main", BenchProfile.Summary.threadName("main"));
        assertTrue(BenchProfile.Summary.executorThread("__acker-executor"));
        assertTrue(BenchProfile.Summary.executorThread(BenchProfile.Summary.threadName("Thread-9-partition-executor[4, 4]")));
        assertFalse(BenchProfile.Summary.executorThread("kafka-producer-network-thread | producer"));
    }

    @Test
    void executorsCpuPerRecordIsTheirShareOfTheMachinesCoresOverTheRecordsFinished() {
        BenchProfile.Summary s = new BenchProfile.Summary(0, 0, 0, 0.25, 0.75, List.of(), List.of(), 0.1,
                BatchLife.NONE);
        // 20 s on 2 cores = 40 s of CPU; a tenth of it (4 s) over 100,000 records is 40 µs each
        assertEquals(40.0, s.executorMicrosPerRecord(Duration.ofSeconds(20), 100_000, 2), 1e-9);
        assertEquals(0.0, s.executorMicrosPerRecord(Duration.ofSeconds(20), 0, 2));
    }

    @Test
    void aRecordingFindsTheThreadThatBurnsCpuAndItsMethod(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("test.jfr");
        FlightRecording r = FlightRecording.start(file);
        Thread burner = new Thread(BenchProfileTest::spin, "cpu-burner");
        Thread executor = new Thread(BenchProfileTest::spin, "Thread-7-parse-executor[2, 2]");
        burner.start();
        executor.start();
        burner.join();
        executor.join();
        r.dump();
        BenchProfile.Summary s = BenchProfile.Summary.of(file);
        assertTrue(Files.size(file) > 0);
        assertTrue(s.threads().stream().anyMatch(t -> t.startsWith("`cpu-burner`")), s.threads().toString());
        assertTrue(s.methods().stream().anyMatch(m -> m.contains("BenchProfileTest.")), s.methods().toString());
        assertTrue(s.jvmCpu() > 0 && s.jvmCpu() <= s.machineCpu() + 0.05, s.describe());
        assertTrue(s.executorCpu() > 0 && s.executorCpu() < s.jvmCpu(), s.executorCpu() + " of " + s.jvmCpu());
    }

    @Test
    void aRecordingOfTridentBatchesGivesTheirCountSizeLifeAndEachStatesCommit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("batches.jfr");
        FlightRecording r = FlightRecording.start(file);
        for (long txid = 1; txid <= 3; txid++) {
            for (long records : new long[] {100 * txid, 1}) { // two spout tasks
                BatchEvents.Emit emit = new BatchEvents.Emit();
                emit.begin();
                emit.txid = txid;
                emit.records = records;
                emit.commit();
            }
            Thread.sleep(20);
            commit("StageState", txid, 10 * txid);
            commit("MergerState", txid, 1);
        }
        r.dump();
        BatchLife b = BenchProfile.Summary.of(file).batches();
        assertEquals(3, b.batches());
        assertEquals(201, b.recordsMedian());
        assertTrue(b.lifeMedianMs() >= 20 && b.lifeP99Ms() >= b.lifeMedianMs(), b.describe());
        assertEquals(2, b.commits().size());
        assertEquals(3, b.commits().get("StageState").count());
        assertEquals(20, b.commits().get("StageState").entries());
        assertEquals(1, b.commits().get("MergerState").entries());
        assertTrue(b.describe().startsWith("Trident batches: 3 ("), b.describe());
        assertTrue(BenchProfile.Summary.of(file).describe().contains("; StageState commit "));
    }

    private static void commit(String state, long txid, long entries) {
        BatchEvents.Commit c = new BatchEvents.Commit();
        c.begin();
        c.state = state;
        c.txid = txid;
        c.entries = entries;
        c.bytes = 8 * entries;
        c.encodeNanos = 1_000;
        c.writeNanos = 2_000;
        c.commit();
    }

    private static void spin() {
        long end = System.nanoTime() + Duration.ofMillis(2500).toNanos();
        double x = 1;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = Math.sqrt(x + i);
            }
        }
        if (x < 0) {
            System.out.println(x);
        }
    }
}
