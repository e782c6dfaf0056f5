package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.testing.TestBroker;
import io.logriver.topology.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/logriver bench --quick --duration 4} as a smoke test: the benchmark runs both modes at a low and a high
 * rate on a real broker and writes its report, CSV and chart, and its figures are sane. It asserts no performance
 * target: those are the benchmark's to measure, on a quiet machine.
 */
class BenchQuickIT {
    private static final Duration MEASURE = Duration.ofSeconds(4);
    private static TestBroker broker;
    private static BenchReport.Files files;
    private static List<String> csv;

    @BeforeAll
    static void runQuickBench() throws Exception {
        broker = new TestBroker();
        LogriverConfig c = broker.config(List.of());
        Path out = broker.workDir.resolve("bench");
        // as --quick --duration 4: each point measured for 4 s instead of 8 (the figures are only checked for sense)
        BenchPlan plan = BenchPlan.quick(List.of(Mode.CORE, Mode.TRIDENT), out).withMeasure(MEASURE);
        files = new Bench(Progress.quiet()).run(c, plan, broker.workDir);
        csv = Files.readAllLines(files.csv());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void writesReportCsvAndChart() throws Exception {
        assertTrue(Files.readString(files.markdown()).contains("## Targets"), files.markdown().toString());
        assertTrue(Files.size(files.chart()) > 10_000, "chart " + files.chart());
        byte[] png = Files.readAllBytes(files.chart());
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(5, csv.size(), "header and 2 rates x 2 modes: " + csv);
    }

    @Test
    void figuresAreSane() {
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            double offered = Double.parseDouble(f[3]);
            double achieved = Double.parseDouble(f[4]);
            long lagStart = Long.parseLong(f[5]);
            assertTrue(offered > 0 && achieved > 0, line);
            // at most the offered rate, plus the records waiting at the start worked off within the measured window
            assertTrue(achieved <= offered * 1.01 + lagStart / (double) MEASURE.toSeconds(),
                    "finished more than was sent or waiting: " + line);
            for (int first : new int[] {9, 14}) {
                for (int i = first; i < first + 4; i++) {
                    assertTrue(Long.parseLong(f[i]) <= Long.parseLong(f[i + 1]), "percentiles out of order: " + line);
                }
                assertTrue(Long.parseLong(f[first]) > 0, "no latency measured: " + line);
            }
        }
    }
}
