package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void aRecordingFindsTheThreadThatBurnsCpuAndItsMethod(@TempDir Path dir) throws Exception {
        BenchProfile.Summary s;
        try (BenchProfile p = BenchProfile.start("test")) {
            Thread burner = new Thread(BenchProfileTest::spin, "cpu-burner");
            burner.start();
            burner.join();
            s = p.stop(dir.resolve("test.jfr"));
        }
        assertTrue(Files.size(dir.resolve("test.jfr")) > 0);
        assertTrue(s.threads().stream().anyMatch(t -> t.startsWith("`cpu-burner`")), s.threads().toString());
        assertTrue(s.methods().stream().anyMatch(m -> m.contains("BenchProfileTest.")), s.methods().toString());
        assertTrue(s.jvmCpu() > 0 && s.jvmCpu() <= s.machineCpu() + 0.05, s.describe(Duration.ofSeconds(2)));
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
