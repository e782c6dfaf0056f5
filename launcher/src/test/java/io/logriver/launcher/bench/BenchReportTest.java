package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.cli.Args;
import io.logriver.topology.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final BenchPoint.Percentiles SOME = new BenchPoint.Percentiles(100, 1, 2, 3, 4, 5);

    private static BenchPoint point(String setting, long rate, double achieved, long lagEnd) {
        long sent = rate * 20;
        return new BenchPoint("core", setting, rate, rate, achieved, sent, (long) (achieved * 20), 100, lagEnd, 0, SOME,
                SOME, BenchProfile.Summary.NONE);
    }

    @Test
    void aPointIsSustainedWhenItKeepsUpAndItsLagStaysBounded() {
        assertTrue(point("1 worker", 10_000, 9_900, 100).sustained());
        assertFalse(point("1 worker", 10_000, 9_700, 100).sustained(), "below 98 % of the rate");
        assertFalse(point("1 worker", 10_000, 10_000, 100 + 4_001).sustained(), "lag grew by more than 2 % of what was sent");
    }

    @Test
    void aPointThatStartsWithMoreThanASecondOfBacklogIsNotSteady() {
        assertTrue(point("1 worker", 10_000, 10_000, 100).steady(), "100 records waiting at 10k/s");
        BenchPoint draining = new BenchPoint("core", "1 worker", 10_000, 10_000, 12_000, 200_000, 240_000, 50_000, 10_000, 0,
                SOME, SOME, BenchProfile.Summary.NONE);
        assertTrue(draining.sustained());
        assertFalse(draining.steady());
    }

    @Test
    void coreLatencyTargetsAreJudgedOnTheSteady10kPointNotOnOneDrainingABacklog() {
        BenchPoint.Percentiles backlog = new BenchPoint.Percentiles(100, 900_000, 1_000_000, 2_600_000, 2_700_000,
                2_800_000);
        BenchPoint draining = new BenchPoint("core", "1 worker", 10_000, 10_000, 12_000, 200_000, 240_000, 50_000,
                10_000, 0, backlog, backlog, BenchProfile.Summary.NONE);
        BenchPoint steady = point("1 worker", 10_000, 10_000, 100);
        String targets = String.join("\n", BenchTargets.check(List.of(draining, steady), null));
        assertTrue(targets.contains("| core at 10k/s: in-topology p99.9 < 1 ms | 4 µs | yes |"), targets);
        assertFalse(targets.contains("2,700,000") || targets.contains("2700000"), targets);
        assertFalse(String.join("\n", BenchTargets.check(List.of(draining), null)).contains("core at 10k/s"),
                "no steady point, no judgement");
    }

    @Test
    void bisectionStepsAreRoundedToThousandsAndStayStrictlyBetween() {
        assertEquals(15_000, BenchPlan.between(10_000, 20_000));
        assertEquals(8_000, BenchPlan.between(5_000, 10_000)); // 7,500 rounds up
        assertEquals(0, BenchPlan.between(1_000, 2_000), "nothing lies between two adjacent thousands");
        assertEquals(0, BenchPlan.between(5_000, 5_000));
    }

    @Test
    void sustainedLineNamesTheBestRateAndTheFirstFailureAboveIt() {
        String line = BenchReport.sustainedLine(List.of(point("50ms/1000", 10_000, 10_000, 100),
                point("50ms/1000", 20_000, 14_000, 90_000), point("50ms/1000", 15_000, 14_900, 100)));
        assertEquals("Sustained throughput (50ms/1000): 15,000 records/s; 20,000/s was not (14,000/s achieved), so the"
                + " limit lies between the two.  ", line);
    }

    @Test
    void sustainedLineSaysWhenTheHighestRateWasStillSustained() {
        assertEquals("Sustained throughput (1 worker): 10,000 records/s; the highest rate measured, so the limit may lie higher.  ",
                BenchReport.sustainedLine(List.of(point("1 worker", 1_000, 1_000, 100), point("1 worker", 10_000, 10_000, 100))));
    }

    @Test
    void sustainedLineWhenNothingWasSustained() {
        assertEquals("Sustained throughput (1 worker): none of the rates; 1,000/s was not (500/s achieved), so the limit lies"
                + " between the two.  ", BenchReport.sustainedLine(List.of(point("1 worker", 1_000, 500, 50_000))));
    }

    @Test
    void twoWorkersAreComparedWithOneAt10kAndInTheirSustainedRate() {
        BenchPoint.Percentiles slower = new BenchPoint.Percentiles(100, 700, 800, 2_500, 4_000, 9_000);
        BenchPoint twoAt10k = new BenchPoint("core", "2 workers", 10_000, 10_000, 10_000, 200_000, 200_000, 100, 100, 0,
                slower, SOME, BenchProfile.Summary.NONE);
        List<BenchPoint> rows = List.of(point("1 worker", 10_000, 10_000, 100), point("1 worker", 20_000, 20_000, 100),
                twoAt10k, point("2 workers", 20_000, 15_000, 90_000));
        assertEquals(List.of("core 2 workers against 1 worker: at 10k/s in-topology p50 700 µs against 1, p99 2,500"
                + " against 3, p99.9 4,000 against 4; end-to-end p99 3 µs against 3; sustained 10,000 against 20,000"
                + " records/s.  "),
                BenchReport.againstFirst(Mode.CORE, rows, List.of("1 worker", "2 workers")));
        assertEquals(List.of(), BenchReport.againstFirst(Mode.CORE, rows, List.of("1 worker")));
    }

    @Test
    void tridentIsComparedAcrossBackendsAtTheSameBatchSetting() {
        List<BenchPoint> rows = List.of(tridentPoint("200ms/5000", 10_000), tridentPoint("1000ms/20000", 10_000),
                tridentPoint("200ms/5000, memory", 10_000), tridentPoint("1000ms/20000, memory", 10_000));
        List<String> lines = BenchReport.againstFirst(Mode.TRIDENT, rows,
                List.of("200ms/5000", "1000ms/20000", "200ms/5000, memory", "1000ms/20000, memory"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("trident 200ms/5000, memory against 200ms/5000: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("trident 1000ms/20000, memory against 1000ms/20000: "), lines.get(1));
    }

    private static BenchPoint tridentPoint(String setting, long rate) {
        return new BenchPoint("trident", setting, rate, rate, rate, 200_000, 200_000, 100, 100, 0, SOME, SOME,
                BenchProfile.Summary.NONE);
    }

    @Test
    void workersGiveCoreOneSweepEach() {
        BenchPlan plan = BenchPlan.full(List.of(Mode.CORE), java.nio.file.Path.of("out"))
                .withCoreWorkers(BenchCommand.workers("1,2"));
        assertEquals(List.of("1 worker", "2 workers"), plan.settings(Mode.CORE, "redis").stream()
                .map(BenchPlan.Setting::label).toList());
        assertEquals(java.util.Map.of("topology.workers", 2), plan.settings(Mode.CORE, "redis").get(1).overrides());
        assertEquals(List.of("1 worker"), BenchPlan.quick(List.of(Mode.CORE), java.nio.file.Path.of("out"))
                .settings(Mode.CORE, "redis").stream().map(BenchPlan.Setting::label).toList());
    }

    @Test
    void backendsGiveEverySettingOneSweepEach() {
        BenchPlan plan = BenchPlan.full(List.of(Mode.CORE), java.nio.file.Path.of("out"))
                .withBackends(BenchCommand.backends("redis,memory"));
        assertEquals(List.of("1 worker", "1 worker, memory"), plan.settings(Mode.CORE, "redis").stream()
                .map(BenchPlan.Setting::label).toList());
        assertEquals(java.util.Map.of("topology.workers", 1, "logriver.state.backend", "memory"),
                plan.settings(Mode.CORE, "redis").get(1).overrides());
        assertEquals("--backends redis,disk: expected some of [redis, memory], each once, like redis,memory",
                org.junit.jupiter.api.Assertions.assertThrows(Args.UsageException.class,
                        () -> BenchCommand.backends("redis,disk")).getMessage());
        assertEquals("--workers 0,2: expected worker counts from 1 to 16, like 1,2", org.junit.jupiter.api.Assertions
                .assertThrows(Args.UsageException.class, () -> BenchCommand.workers("0,2")).getMessage());
    }

    @Test
    void batchesRunTridentAtTheSettingsGivenOnly() {
        BenchPlan plan = BenchPlan.full(List.of(Mode.TRIDENT), java.nio.file.Path.of("out"))
                .withTridentSettings(BenchCommand.batches("1ms/5000, 50ms/20000x4"));
        assertEquals(List.of("1ms/5000", "50ms/20000x4"), plan.settings(Mode.TRIDENT, "redis").stream()
                .map(BenchPlan.Setting::label).toList());
        assertEquals(java.util.Map.of("logriver.trident.topology.trident.batch.emit.interval.millis", 1,
                "logriver.trident.max.poll.records", 5_000), plan.settings(Mode.TRIDENT, "redis").get(0).overrides());
        assertEquals(4, plan.settings(Mode.TRIDENT, "redis").get(1).overrides()
                .get("logriver.trident.topology.max.spout.pending"));
        for (String wrong : List.of("50/1000", "50ms/0", "50ms-1000", "fast", "1ms/5000x0")) {
            assertEquals("--batches " + wrong + ": expected batch settings INTERVALms/RECORDS[xINFLIGHT] (emit interval,"
                    + " records per partition and batch, batches in flight), like 50ms/1000,1ms/5000x4",
                    org.junit.jupiter.api.Assertions.assertThrows(Args.UsageException.class,
                            () -> BenchCommand.batches(wrong)).getMessage());
        }
    }

    @Test
    void variantsRunEverySweepOncePerVariantRoundAfterRoundInAlternateOrder() {
        io.logriver.config.LogriverConfig config = io.logriver.config.ConfigLoader.defaultConfig();
        BenchPlan plan = BenchPlan.full(List.of(Mode.CORE), java.nio.file.Path.of("out")).withVariants(BenchCommand
                .variants("base; acker2:logriver.core.topology.acker.executors=2,logriver.sink.grouping=local-or-shuffle",
                        config), 3);
        assertEquals(List.of("1 worker #1", "1 worker, acker2 #1", "1 worker, acker2 #2", "1 worker #2", "1 worker #3",
                "1 worker, acker2 #3"), plan.settings(Mode.CORE, "redis").stream().map(BenchPlan.Setting::label).toList());
        assertEquals(java.util.Map.of("topology.workers", 1, "logriver.core.topology.acker.executors", 2,
                "logriver.sink.grouping", "local-or-shuffle"), plan.settings(Mode.CORE, "redis").get(1).overrides());
        assertEquals("1 worker, acker2", BenchPlan.withoutRound("1 worker, acker2 #12"));
        assertEquals(List.of("1 worker, logriver.parallelism.parse=2"), BenchPlan.full(List.of(Mode.CORE),
                java.nio.file.Path.of("out")).withVariants(BenchCommand.variants("logriver.parallelism.parse=2", config), 1)
                .settings(Mode.CORE, "redis").stream().map(BenchPlan.Setting::label).toList(), "unnamed: named by its keys");
        for (String wrong : List.of("base;base", "a:x", "", "a:logriver.parallelism.parse=1;a:logriver.parallelism.parse=2")) {
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(Args.UsageException.class,
                    () -> BenchCommand.variants(wrong, config)).getMessage().startsWith("--variants " + wrong
                    + ": expected variants separated by ';'"), wrong);
        }
        assertEquals("--variants, variant bad: logriver.sink.grouping: expected one of [shuffle, local-or-shuffle],"
                + " got 'fields'", org.junit.jupiter.api.Assertions.assertThrows(Args.UsageException.class,
                () -> BenchCommand.variants("base;bad:logriver.sink.grouping=fields", config)).getMessage());
    }

    @Test
    void variantTableGivesMediansOfTheSteadyRoundsAndRatiosToTheFirstVariant() {
        BenchProfile.Summary busy = new BenchProfile.Summary(0, 0, 0, 0.5, 0.75, List.of(), List.of())
                .withThreadGroups(0.3, 0.1);
        List<BenchPoint> rows = List.of(
                variantPoint("1 worker #1", 100, busy), variantPoint("1 worker, b #1", 40, busy),
                variantPoint("1 worker, b #2", 60, busy), variantPoint("1 worker #2", 300, busy),
                variantPoint("1 worker #3", 200, busy), variantPoint("1 worker, b #3", 50, busy),
                new BenchPoint("core", "1 worker, b #4", 10_000, 10_000, 10_000, 200_000, 200_000, 50_000, 100, 0,
                        new BenchPoint.Percentiles(100, 1, 2, 3, 9_000, 9_000), SOME, busy));
        String table = String.join("\n", VariantTable.of(rows, java.time.Duration.ofSeconds(20), 2));
        // CPU: 0.3, 0.5 and 0.25 of 2 cores over 20 s, for 200,000 records: 60, 100 and 50 µs each
        assertTrue(table.contains("| 10,000 | 1 worker | 3 of 3 | 10,000 | 1 / 3 / 200 (100 to 300) | 1 / 3 | 60.0 / 100.0"
                + " / 50.0 | 0, 0 | - |"), table);
        assertTrue(table.contains("| 10,000 | 1 worker, b | 3 of 4 | 10,000 | 1 / 3 / 50 (40 to 60) | 1 / 3 | 60.0 / 100.0"
                + " / 50.0 | 0, 0 | 0.25×, 1.00×, 1.00×, 1.00× |"), "the point draining a backlog left out:\n" + table);
    }

    private static BenchPoint variantPoint(String setting, long p999, BenchProfile.Summary profile) {
        return new BenchPoint("core", setting, 10_000, 10_000, 10_000, 200_000, 200_000, 100, 100, 0,
                new BenchPoint.Percentiles(100, 1, 2, 3, p999, p999), SOME, profile);
    }
}
