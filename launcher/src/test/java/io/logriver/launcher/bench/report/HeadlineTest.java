package io.logriver.launcher.bench.report;

import static io.logriver.launcher.bench.report.Points.latencies;
import static io.logriver.launcher.bench.report.Points.ok;
import static io.logriver.launcher.bench.report.Points.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headline: medians over rounds and their ranges, sustained points only; the targets judged on it. */
class HeadlineTest {

    @Test
    void theBestSteadyRateIsTheMedianOfEachRoundsHighestSustainedRate() {
        List<BenchPoint> points = List.of(ok("core", "memory", 1, 10_000), ok("core", "memory", 1, 20_000),
                point("core", "memory", 1, "s", 30_000, 25_000, 100, 60_000),
                ok("core", "memory", 2, 10_000), ok("core", "memory", 2, 20_000), ok("core", "memory", 2, 30_000),
                point("core", "memory", 3, "s", 40_000, 45_000, 300_000, 100), ok("core", "memory", 3, 10_000));
        Headline.Row row = Headline.rows(points).get(0);
        assertEquals(List.of(1, 2, 3), row.rounds());
        // round 1: 20k; round 2: 30k; round 3: 10k (its 40k point drained a backlog, and counts for nothing)
        Figure best = row.bestRate().orElseThrow();
        assertEquals(new Figure(20_000, 10_000, 30_000, 3), best);
        assertEquals("20,000 (10,000 to 30,000)", best.text("%,.0f"));
    }

    @Test
    void latenciesAt10kComeOnlyFromSustainedPoints() {
        List<BenchPoint> points = List.of(
                point("core", "durable", 1, "s", 10_000, 10_000, 100, 100, latencies(300, 2_000, 5_000),
                        latencies(2_000, 9_000, 20_000), new BenchPoint.Cpu(20, 6, 60, 8)),
                point("core", "durable", 2, "s", 10_000, 10_000, 100, 100, latencies(400, 4_000, 9_000),
                        latencies(2_500, 12_000, 30_000), new BenchPoint.Cpu(30, 6, 70, 9)),
                point("core", "durable", 3, "s", 10_000, 10_000, 40_000, 100, latencies(90_000, 900_000, 999_000),
                        latencies(90_000, 900_000, 999_000), new BenchPoint.Cpu(99, 6, 99, 99)));
        Headline.Row row = Headline.rows(points).get(0);
        assertEquals(new Figure(3_000, 2_000, 4_000, 2), row.at(10_000, p -> p.inTopology().p99()).orElseThrow(),
                "round 3 began with 40,000 waiting: not steady, not a latency figure");
        assertEquals(new Figure(25, 20, 30, 2), row.at(10_000, p -> p.cpu().engine()).orElseThrow());
        String table = String.join("\n", Headline.table(Headline.rows(points)));
        assertTrue(table.contains("| core | durable | s | 3 | 10,000 (0 to 10,000) (the highest rate asked) | 350 (300 to 400) / 3,000 (2,000 to"
                + " 4,000) / 7,000 (5,000 to 9,000) |"), table);
    }

    @Test
    void theTargetsCompareEnginesOfTheSameClassOnTheirMedians() {
        List<BenchPoint> points = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            for (long rate : List.of(10_000L, 20_000L, 30_000L)) {
                points.add(point("core", "memory", round, "1 worker", rate, rate, 100, 100, latencies(300, 900, 950),
                        latencies(2_000, 5_000, 9_000), new BenchPoint.Cpu(20, 5, 60, 10)));
                points.add(point("flink", "memory", round, "parallelism 1", rate, rate, 100, 100,
                        latencies(3_000, 9_000, 20_000), latencies(5_000, 16_000, 30_000), new BenchPoint.Cpu(40, 5, 90, 0)));
            }
            points.add(point("flink", "memory", round, "parallelism 1", 40_000, 40_000, 100, 100));
            points.add(point("core", "memory", round, "1 worker", 40_000, 30_000, 100, 200_000));
        }
        String md = String.join("\n", BenchTargets.check(Headline.rows(points)));
        assertTrue(md.contains("| core (memory) in-topology p99.9 at 10k/s < 1 ms | 950 µs | yes |"), md);
        assertTrue(md.contains("| core (memory) executors' CPU per record at its best steady rate ≤ 12 µs | 10.0 µs | yes |"), md);
        assertTrue(md.contains("| core end-to-end p99 at 10k/s below Flink's (memory) | core 5,000 µs against flink 16,000 µs | yes |"), md);
        assertTrue(md.contains("| core end-to-end p99 at 30k/s below Flink's (memory) | core 5,000 µs against flink 16,000 µs | yes |"), md);
        assertTrue(md.contains("| core's best steady rate ≥ 1.2 × Flink's (memory) | 30,000 against 40,000/s = 0.75× | **no**: 1.6× off |"), md);
        assertTrue(!md.contains("durable"), "no durable run, no durable target: " + md);
        assertEquals(50_000, BenchTargets.intervalMicros("50ms/5000x4"));
        assertEquals(0, BenchTargets.intervalMicros("1 worker"));
    }

    @Test
    void theReportStatesEachEnginesClassAndTheCommand() {
        List<BenchPoint> points = List.of(ok("core", "durable", 1, 10_000), ok("kstreams", "durable", 1, 10_000));
        BenchReport r = new BenchReport(ConfigLoader.defaultConfig(), new BenchReport.Method(
                "bin/logriver bench --mode all --rounds 1", List.of("-Xmx2g"), Duration.ofSeconds(40),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(20), 1, List.of()),
                List.of(new EngineInfo("core", "durable", "1 worker", "local cluster", "exactly once (Redis)", "aggregated"),
                        new EngineInfo("kstreams", "durable", "1 stream thread", "own JVM", "exactly_once_v2", "added")),
                List.of(new Ceiling("generator alone", 150_000, 6.5)), points, List.of("flink in memory: did not start"));
        String md = r.markdown("chart.png");
        assertTrue(md.contains("`bin/logriver bench --mode all --rounds 1`"), md);
        assertTrue(md.contains("| core | durable | 1 worker | local cluster | exactly once (Redis) | aggregated |"), md);
        assertTrue(md.contains("| kstreams | durable | 1 stream thread | own JVM | exactly_once_v2 | added |"), md);
        assertTrue(md.contains("| generator alone | 150,000 | 6.5 |"), md);
        assertTrue(md.contains("- flink in memory: did not start"), md);
        assertTrue(md.contains("`-Xmx2g`"), md);
        assertTrue(md.indexOf("## Headline") < md.indexOf("## Engines and their guarantees"), "headline first");
    }

    @Test
    void theVariantTableGivesMediansOfSustainedRoundsAndRatiosToTheFirst() {
        List<BenchPoint> rows = new ArrayList<>();
        long[] base = {100, 300, 200};
        long[] b = {40, 60, 50};
        for (int round = 1; round <= 3; round++) {
            rows.add(point("core", "durable", round, "1 worker", 10_000, 10_000, 100, 100,
                    latencies(1, 3, base[round - 1]), latencies(1, 3, 3), new BenchPoint.Cpu(100, 5, 150, 60)));
            rows.add(point("core", "durable", round, "1 worker, b", 10_000, 10_000, 100, 100,
                    latencies(1, 3, b[round - 1]), latencies(1, 3, 3), new BenchPoint.Cpu(100, 5, 150, 60)));
        }
        rows.add(point("core", "durable", 4, "1 worker, b", 10_000, 10_000, 50_000, 100,
                latencies(1, 3, 9_000), latencies(1, 3, 3), new BenchPoint.Cpu(100, 5, 150, 60)));
        String table = String.join("\n", VariantTable.of(rows));
        assertTrue(table.contains("| durable | 10,000 | 1 worker | 3 of 3 | 10,000 | 1 / 3 / 200 (100 to 300) | 1 / 3 |"
                + " 60.0 / 100.0 / 150.0 | 0, 0 | - |"), table);
        assertTrue(table.contains("| durable | 10,000 | 1 worker, b | 3 of 4 | 10,000 | 1 / 3 / 50 (40 to 60) | 1 / 3 |"
                + " 60.0 / 100.0 / 150.0 | 0, 0 | 0.25×, 1.00×, 1.00×, 1.00× |"), "the draining point left out:\n" + table);
    }
}
