package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.peers.PeerSettings;
import io.logriver.topology.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The peers in the benchmark: what --mode names, the plan, the CPU of a peer's own JVM, the report's engine table. */
class BenchPeersTest {
    private static final BenchPoint.Percentiles SOME = new BenchPoint.Percentiles(100, 1, 2, 3, 4, 5);
    private static final Path OUT = Path.of("out");

    private static BenchPoint point(String engine, String setting, long rate, double achieved,
                                    BenchPoint.Percentiles endToEnd, BenchProfile.Summary profile) {
        long sent = rate * 20;
        return new BenchPoint(engine, setting, rate, rate, achieved, sent, (long) (achieved * 20), 100, 100, 0, SOME,
                endToEnd, profile);
    }

    @Test
    void modeNamesTheStormModesThePeersOrAllFour() {
        assertEquals(new BenchEngines(List.of(Mode.CORE, Mode.TRIDENT), List.of(PeerEngine.KSTREAMS, PeerEngine.FLINK)),
                BenchEngines.parse("all"));
        assertEquals(new BenchEngines(List.of(Mode.CORE, Mode.TRIDENT), List.of()), BenchEngines.parse("both"));
        assertEquals(new BenchEngines(List.of(), List.of(PeerEngine.KSTREAMS)), BenchEngines.parse("kstreams"));
        assertEquals(new BenchEngines(List.of(), List.of(PeerEngine.FLINK)), BenchEngines.parse("flink"));
        assertEquals(new BenchEngines(List.of(Mode.TRIDENT), List.of()), BenchEngines.parse("trident"));
        assertEquals("--mode storm: expected core, trident, both, kstreams, flink or all",
                assertThrows(Args.UsageException.class, () -> BenchEngines.parse("storm")).getMessage());
    }

    @Test
    void quickLeavesThePeersOutAndRefusesToRunNothing() {
        assertEquals(new BenchEngines(List.of(Mode.CORE, Mode.TRIDENT), List.of()), BenchEngines.parse("all").quick());
        assertEquals("--quick leaves the peers out, so --mode kstreams --quick has nothing to run: drop --quick, and"
                        + " shorten the run with --rates and --duration",
                assertThrows(Args.UsageException.class, () -> BenchEngines.parse("kstreams").quick()).getMessage());
        assertEquals(List.of(), BenchPlan.quick(List.of(Mode.CORE), OUT).peers());
    }

    @Test
    void thePeersGetTheSameRatesWindowsAndRuleAsTheModes() {
        BenchPlan plan = BenchPlan.full(List.of(Mode.CORE), OUT).withPeers(List.of(PeerEngine.FLINK))
                .withRates(List.of(1_000L)).withMeasure(Duration.ofSeconds(5));
        assertEquals(List.of(PeerEngine.FLINK), plan.peers());
        assertEquals(List.of(1_000L), plan.rates());
        assertEquals(Duration.ofSeconds(5), plan.measure());
        assertEquals(BenchPlan.full(List.of(), OUT).warmUp(), plan.warmUp());
        assertTrue(PeerEngine.FLINK.freshJvmPerPoint(), "a JVM per point: its JIT warm-up is in every point's");
        assertFalse(PeerEngine.KSTREAMS.freshJvmPerPoint());
    }

    @Test
    void aPeerInItsOwnJvmHasItsCpuPerRecordApartFromThisJvmAndTheRest() {
        // 20 s on 2 cores = 40 s of CPU; the peer's JVM used 8 s (20 %), this JVM 10 %, the machine 60 %
        BenchProfile.Summary s = new BenchProfile.Summary(0, 0, 0, 0.10, 0.60, List.of(), List.of())
                .withOwnJvm(Duration.ofSeconds(8), Duration.ofSeconds(20), 2);
        assertEquals(0.20, s.ownJvmCpu(), 1e-9);
        assertEquals("CPU per record: the engine's JVM 40.0 µs, this JVM (the generator) 20.0 µs, rest of the machine"
                + " 60.0 µs", s.cpuPerRecord(Duration.ofSeconds(20), 200_000, 2));
        assertEquals("CPU per record: this JVM 20.0 µs, rest of the machine 100.0 µs",
                new BenchProfile.Summary(0, 0, 0, 0.10, 0.60, List.of(), List.of())
                        .cpuPerRecord(Duration.ofSeconds(20), 200_000, 2));
    }

    @Test
    void theEngineTablePutsEveryEngineWithItsGuaranteeSustainedRateLatencyAndCpu() {
        BenchPlan plan = BenchPlan.full(List.of(Mode.CORE), OUT).withPeers(List.of(PeerEngine.KSTREAMS,
                PeerEngine.FLINK));
        BenchProfile.Summary flinkCpu = new BenchProfile.Summary(0, 0, 0, 0.10, 0.60, List.of(), List.of())
                .withOwnJvm(Duration.ofSeconds(8), Duration.ofSeconds(20), 2);
        BenchPoint.Percentiles e2e = new BenchPoint.Percentiles(100, 2_000, 5_000, 10_000, 20_000, 30_000);
        List<BenchPoint> points = List.of(
                point("core", "1 worker", 10_000, 10_000, e2e, BenchProfile.Summary.NONE),
                point("core", "1 worker", 20_000, 15_000, e2e, BenchProfile.Summary.NONE),
                point("kstreams", PeerEngine.KSTREAMS.setting(), 1_000, 1_000, SOME, BenchProfile.Summary.NONE),
                point("flink", PeerEngine.FLINK.setting(), 10_000, 10_000, e2e, flinkCpu));
        List<String> table = EngineTable.of(plan, "redis", points, 2);
        String md = String.join("\n", table);
        assertEquals(3, table.stream().filter(l -> l.startsWith("| core |") || l.startsWith("| kstreams |")
                || l.startsWith("| flink |")).count(), md);
        assertTrue(md.contains("| core | 1 worker | " + EngineTable.guarantee(Mode.CORE, "redis")
                + " | the aggregate bolt has added the record to its window | 10,000 | 2,000 / 10,000 / 20,000 | "
                + "no records finished |"), md);
        assertTrue(md.contains("| kstreams | Kafka Streams 4.1.0, " + PeerEngine.KSTREAMS.where() + " | at least once"
                + " (`processing.guarantee` at_least_once"), md);
        assertTrue(md.contains("| 1,000 | no point | no point |"), "no 10k/s point of kstreams: " + md);
        assertTrue(md.contains("| flink | Flink 2.2.1, " + PeerEngine.FLINK.where() + " | window state exactly once"
                + " through checkpoints"), md);
        // 200,000 records finished in 20 s on 2 cores, as in the test above
        assertTrue(md.contains("| 10,000 | 2,000 / 10,000 / 20,000 | the engine's JVM 40.0 µs, this JVM (the"
                + " generator) 20.0 µs, rest of the machine 60.0 µs |"), md);
    }

    @Test
    void theGoalsAgainstThePeersAreJudgedOnSteadyPointsWithTheRecordingsOfThePointsCompared() {
        BenchPoint.Percentiles slow = new BenchPoint.Percentiles(100, 2_000, 5_000, 40_000, 50_000, 60_000);
        BenchPoint.Percentiles fast = new BenchPoint.Percentiles(100, 2_000, 5_000, 10_000, 20_000, 30_000);
        BenchProfile.Summary busy = new BenchProfile.Summary(3, 30, 12, 0.40, 0.90, List.of("`partition` 20 %"),
                List.of("`HashMap.get` 9 %"));
        List<BenchPoint> points = List.of(
                point("core", "1 worker", 10_000, 10_000, slow, busy),
                point("trident", "200ms/5000", 15_000, 15_000, SOME, BenchProfile.Summary.NONE),
                point("trident", "200ms/5000", 20_000, 12_000, SOME, BenchProfile.Summary.NONE),
                point("kstreams", PeerEngine.KSTREAMS.setting(), 10_000, 10_000, fast, BenchProfile.Summary.NONE),
                point("kstreams", PeerEngine.KSTREAMS.setting(), 30_000, 30_000, fast, BenchProfile.Summary.NONE),
                point("flink", PeerEngine.FLINK.setting(), 10_000, 10_000, slow, BenchProfile.Summary.NONE));
        String md = String.join("\n", BenchTargets.peerGoals(points, Duration.ofSeconds(20), 2));
        assertTrue(md.contains("| core's end-to-end p99 at 10k/s below every peer's | core 40,000 µs; kstreams 10,000 µs;"
                + " flink 40,000 µs | **no**: 4.0× off |"), md);
        assertTrue(md.contains("| Trident sustains at least Kafka Streams' rate | trident 15,000/s (200ms/5000);"
                + " kstreams 30,000/s | **no**: 2.0× off |"), md);
        BenchPoint draining = new BenchPoint("trident", "50ms/5000x4", 40_000, 40_000, 40_000, 800_000, 800_000,
                450_000, 450_000, 0, SOME, SOME, BenchProfile.Summary.NONE);
        String met = String.join("\n", BenchTargets.peerGoals(List.of(draining, points.get(4)), Duration.ofSeconds(20),
                2));
        assertTrue(met.contains("| trident 40,000/s (50ms/5000x4), draining 450,000 records waiting; kstreams"
                + " 30,000/s | yes |"), met);
        // 200,000 records in 20 s on 2 cores: 40 % of the machine is 80 µs a record
        assertTrue(md.contains("- core (1 worker) at 10,000/s: CPU per record: this JVM 80.0 µs, rest of the machine"
                + " 100.0 µs; GC paused 3×"), md);
        assertTrue(md.contains("busiest threads: `partition` 20 %; hottest methods: `HashMap.get` 9 %"), md);
        assertTrue(BenchTargets.peerGoals(points.subList(0, 3), Duration.ofSeconds(20), 2).isEmpty(), "no peer, no goal");
    }

    @Test
    void coreGuaranteeFollowsTheBackendOfEachSetting() {
        BenchPlan plan = BenchPlan.full(List.of(Mode.CORE), java.nio.file.Path.of("out"))
                .withBackends(List.of("redis", "memory"));
        assertEquals("memory", EngineTable.backendOf(plan.settings(Mode.CORE, "redis"), "1 worker, memory", "redis"));
        assertEquals("redis", EngineTable.backendOf(plan.settings(Mode.CORE, "redis"), "1 worker", "redis"));
        BenchPlan variants = BenchPlan.full(List.of(Mode.CORE), java.nio.file.Path.of("out")).withVariants(List.of(
                BenchPlan.Variant.BASE, new BenchPlan.Variant("inram", java.util.Map.of("logriver.state.backend",
                        "memory"))), 2);
        assertEquals("memory", EngineTable.backendOf(variants.settings(Mode.CORE, "redis"), "1 worker, inram #2",
                "redis"), "a variant that sets the backend, in its second round");
        assertTrue(EngineTable.guarantee(Mode.CORE, "memory").contains("lost with a worker"));
        assertTrue(EngineTable.guarantee(Mode.TRIDENT, "redis").startsWith("exactly once"));
    }

    @Test
    void theReportHasATableForEachPeer() {
        LogriverConfig c = ConfigLoader.load(null, List.of());
        BenchPlan plan = BenchPlan.full(List.of(), OUT).withPeers(List.of(PeerEngine.KSTREAMS));
        String md = new BenchReport(c, plan, null, List.of(point("kstreams", PeerEngine.KSTREAMS.setting(), 1_000, 990,
                SOME, BenchProfile.Summary.NONE)), null).markdown("chart.png");
        assertTrue(md.contains("\n## kstreams\n"), md);
        assertTrue(md.contains("| 1 stream thread | 1,000 | 1,000 | 990 |"), md);
        assertTrue(md.contains("Sustained throughput (1 stream thread): 1,000 records/s"), md);
        assertTrue(md.contains("The peers run after the local cluster has stopped"), md);
        assertFalse(md.contains("\n## core\n") || md.contains("## Configuration") || md.contains("## Targets"),
                "no Storm mode ran: " + md);
    }

    @Test
    void aSettingWithACommaIsOneCsvField() {
        assertEquals("\"1 worker, memory\"", BenchReport.csvField("1 worker, memory"));
        assertEquals("own JVM", BenchReport.csvField(PeerEngine.FLINK.setting()));
        assertFalse(PeerEngine.KSTREAMS.setting().contains(","));
    }

    @Test
    void theGeneratorCountsWhatLogriversRulesKeepFromAnyWindow() {
        PeerSettings s = PeerSettings.of(ConfigLoader.load(null, List.of()), "t", OUT);
        Predicate<byte[]> reaches = PeerRun.reachesWindow(s);
        String ok = "{\"timestamp\":\"2026-11-28T10:00:00Z\",\"webURL\":\"/app/page/home\",\"sessionID\":\"s1\","
                + "\"durationMillis\":\"12\",\"status\":200,\"level\":\"INFO\"}";
        assertTrue(reaches.test(bytes(ok)), "valid and kept");
        assertFalse(reaches.test(bytes(ok.replace("INFO", "DEBUG"))), "filtered by level");
        assertFalse(reaches.test(bytes(ok.replace("/app/page/home", "/static/js/app.js"))), "filtered by URL");
        assertFalse(reaches.test(bytes(ok.substring(0, ok.length() / 2))), "invalid");
        RecordGenerator g = new RecordGenerator(7, 100, true);
        long kept = 0;
        for (int i = 0; i < 10_000; i++) {
            kept += reaches.test(bytes(g.next(System.currentTimeMillis()).request())) ? 1 : 0;
        }
        assertTrue(kept > 8_000 && kept < 9_500, "the generator's mix: about 12 % filtered or invalid, got " + kept);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
