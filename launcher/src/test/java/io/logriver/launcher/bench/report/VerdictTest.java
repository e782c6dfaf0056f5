package io.logriver.launcher.bench.report;

import static io.logriver.launcher.bench.report.Points.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts come from the CSV's columns alone; only a steady point that kept up, from a generator on time, sustains. */
class VerdictTest {

    @Test
    void aSteadyPointThatKeepsUpIsSustained() {
        assertEquals(Verdict.SUSTAINED, point("core", "memory", 1, "s", 10_000, 9_900, 100, 100).verdict());
        assertEquals(Verdict.NOT_SUSTAINED, point("core", "memory", 1, "s", 10_000, 9_700, 100, 100).verdict(),
                "below 98 % of the rate");
        assertEquals(Verdict.NOT_SUSTAINED, point("core", "memory", 1, "s", 10_000, 10_000, 100, 100 + 4_001).verdict(),
                "lag grew by more than 2 % of what was sent");
    }

    @Test
    void aPointThatStartsWithABacklogIsNeverSustained() {
        BenchPoint draining = point("core", "memory", 1, "s", 10_000, 12_000, 50_000, 10_000);
        assertEquals(Verdict.NOT_STEADY, draining.verdict(), "more than a second of records waiting at its start");
        assertEquals(false, draining.sustained());
        assertEquals(Verdict.SUSTAINED, point("core", "memory", 1, "s", 10_000, 10_000, 10_000, 10_000).verdict(),
                "exactly one second waiting is still steady");
    }

    @Test
    void aPointWhoseGeneratorFellBehindIsInvalid() {
        BenchPoint late = new BenchPoint("flink", "memory", 1, "s", 100_000, 99_000, 99_000, 1_980_000, 1_980_000, 100,
                100, 101, Points.SOME, Points.SOME, BenchPoint.Percentiles.NONE, BenchPoint.Cpu.NONE,
                BenchProfile.Summary.NONE);
        assertEquals(Verdict.GENERATOR_BOUND, late.verdict(), "101 ms behind its schedule");
        BenchPoint short_ = new BenchPoint("flink", "memory", 1, "s", 100_000, 97_000, 97_000, 1_940_000, 1_940_000,
                100, 100, 0, Points.SOME, Points.SOME, BenchPoint.Percentiles.NONE, BenchPoint.Cpu.NONE,
                BenchProfile.Summary.NONE);
        assertEquals(Verdict.GENERATOR_BOUND, short_.verdict(), "sent under 98 % of the rate");
        assertEquals(Verdict.GENERATOR_BOUND, Verdict.of(10_000, 9_000, 2_000, 180_000, 900_000, 1_000_000, 5_000),
                "invalid before anything else: the engine is not judged");
    }

    @Test
    void theCsvCarriesEveryColumnTheVerdictNeeds() {
        List<BenchPoint> points = List.of(point("core", "durable", 2, "1 worker, acker0", 10_000, 9_900, 100, 100),
                point("trident", "memory", 1, "50ms/5000x4", 20_000, 12_000, 30_000, 90_000),
                point("flink", "durable", 3, "parallelism 1", 40_000, 40_000, 100, 100));
        List<BenchPoint> read = BenchCsv.read(BenchCsv.write(points));
        assertEquals(points.stream().map(BenchPoint::verdict).toList(), read.stream().map(BenchPoint::verdict).toList());
        assertEquals(List.of(Verdict.SUSTAINED, Verdict.NOT_STEADY, Verdict.SUSTAINED),
                read.stream().map(BenchPoint::verdict).toList());
        for (int i = 0; i < points.size(); i++) {
            BenchPoint p = points.get(i);
            BenchPoint r = read.get(i);
            assertEquals(List.of(p.mode(), p.state(), p.round(), p.setting(), p.lagStart(), p.lagEnd(), p.behindMs(),
                    p.inTopology(), p.endToEnd(), p.cpu()), List.of(r.mode(), r.state(), r.round(), r.setting(),
                    r.lagStart(), r.lagEnd(), r.behindMs(), r.inTopology(), r.endToEnd(), r.cpu()));
        }
        String header = BenchCsv.write(points).lines().findFirst().orElseThrow();
        for (String column : List.of("mode", "state", "round", "lag_start", "lag_end", "behind_ms", "offered", "achieved",
                "sustained", "verdict", "engine_cpu_us", "machine_cpu_us")) {
            assertEquals(true, List.of(header.split(",")).contains(column), column + " in " + header);
        }
        assertEquals("\"1 worker, acker0\"", BenchCsv.field("1 worker, acker0"));
        assertThrows(IllegalArgumentException.class, () -> BenchCsv.read("mode,setting\ncore,x\n"));
    }
}
