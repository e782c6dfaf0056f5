package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }

    @Test
    void cpuPerRecordIsTheSharesOfTheMachinesCoresOverTheRecordsFinished() {
        BenchProfile.Summary s = new BenchProfile.Summary(0, 0, 0, 0.25, 0.75, List.of(), List.of());
        // 20 s on 2 cores = 40 s of CPU; a quarter of it (10 s) over 100,000 records is 100 µs each, the rest 200 µs
        assertEquals("CPU per record: this JVM 100.0 µs, rest of the machine 200.0 µs",
                s.cpuPerRecord(Duration.ofSeconds(20), 100_000, 2));
        assertEquals("CPU per record: no records finished", s.cpuPerRecord(Duration.ofSeconds(20), 0, 2));
        // of this JVM's quarter: a tenth of the machine in Storm's executors, a twentieth in the generator
        assertEquals("CPU per record: this JVM 100.0 µs (the topology's executors 40.0 µs, the generator 20.0 µs, the"
                + " rest of this JVM 40.0 µs: JIT, GC, the local cluster), rest of the machine 200.0 µs",
                s.withThreadGroups(0.10, 0.05).cpuPerRecord(Duration.ofSeconds(20), 100_000, 2));
    }

    @Test
    void executorAndGeneratorThreadsAreToldApart() {
        assertTrue(BenchProfile.Summary.executorThread("__acker-executor"));
        assertTrue(BenchProfile.Summary.executorThread(BenchProfile.Summary.threadName("Thread-9-partition-executor[4, 4]")));
        assertTrue(BenchProfile.Summary.generatorThread("logriver-generator"));
        assertTrue(BenchProfile.Summary.generatorThread(BenchProfile.Summary.threadName(
                "kafka-producer-network-thread | logriver-generator-3")));
        assertTrue(!BenchProfile.Summary.generatorThread(BenchProfile.Summary.threadName(
                "kafka-producer-network-thread | producer-3")), "the sink's producer is the topology's");
    }

    @Test
    void aRecordingFindsTheThreadThatBurnsCpuAndItsMethod(@TempDir Path dir) throws Exception {
        BenchProfile.Summary s;
        try (BenchProfile p = BenchProfile.start("test")) {
            Thread burner = new Thread(BenchProfileTest::spin, "cpu-burner");
            Thread executor = new Thread(BenchProfileTest::spin, "Thread-7-parse-executor[2, 2]");
            burner.start();
            executor.start();
            burner.join();
            executor.join();
            s = p.stop(dir.resolve("test.jfr"));
        }
        assertTrue(Files.size(dir.resolve("test.jfr")) > 0);
        assertTrue(s.threads().stream().anyMatch(t -> t.startsWith("`cpu-burner`")), s.threads().toString());
        assertTrue(s.methods().stream().anyMatch(m -> m.contains("BenchProfileTest.")), s.methods().toString());
        assertTrue(s.jvmCpu() > 0 && s.jvmCpu() <= s.machineCpu() + 0.05, s.describe(Duration.ofSeconds(2)));
        assertTrue(s.executorCpu() > 0 && s.executorCpu() < s.jvmCpu(), s.executorCpu() + " of " + s.jvmCpu());
        assertEquals(0, s.generatorCpu());
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
