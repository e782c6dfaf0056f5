package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.bench.report.BenchCsv;
import io.logriver.launcher.bench.report.BenchPoint;
import io.logriver.launcher.bench.report.BenchReport;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/logriver bench --quick --duration 4} as a smoke test: both modes, each in a JVM of its own fed by the
 * generator in a JVM of its own, at a low and a high rate on a real broker; the report, CSV and chart are written and
 * the figures are sane. It asserts no performance target: those are the benchmark's to measure, on a quiet machine.
 */
class BenchQuickIT {
    private static final Duration MEASURE = Duration.ofSeconds(4);
    private static TestBroker broker;
    private static BenchReport.Files files;
    private static List<BenchPoint> points;

    @BeforeAll
    static void runQuickBench() throws Exception {
        broker = new TestBroker();
        LogriverConfig c = broker.config(List.of());
        Path out = broker.workDir.resolve("bench");
        BenchPlan plan = BenchPlan.quick(BenchEngine.parse("both"), List.of(StateClass.of(c.state().backend())), out)
                .withMeasure(MEASURE);
        files = new Bench(Progress.quiet()).run(c, plan, broker.workDir, "bench --quick --duration 4");
        points = BenchCsv.read(Files.readString(files.csv()));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void writesReportCsvAndChart() throws Exception {
        String md = Files.readString(files.markdown());
        assertTrue(md.contains("## Headline") && md.contains("## Ceilings"), md);
        assertTrue(md.contains("| generator alone into the broker (its own JVM) |"), md);
        byte[] png = Files.readAllBytes(files.chart());
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals(List.of("core 1000", "core 10000", "trident 1000", "trident 10000"),
                points.stream().map(p -> p.mode() + " " + p.targetRate()).toList());
    }

    @Test
    void figuresAreSane() {
        for (BenchPoint p : points) {
            assertTrue(p.offered() > 0 && p.achieved() > 0, p.toString());
            assertTrue(p.sane(), "finished more than was sent or waiting, or no latency: " + p);
            assertTrue(p.endToEnd().p50() > 0 && p.inTopology().p50() > 0, "no latency measured: " + p);
            assertTrue(p.cpu().engine() > 0 && p.cpu().generator() > 0 && p.cpu().machine() >= p.cpu().engine(),
                    "each JVM's CPU apart, the machine's the most: " + p.cpu());
        }
    }
}
