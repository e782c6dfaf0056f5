package io.logriver.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.launcher.bench.report.Verdict;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan: engines, classes, rounds in alternating order, settings and variants; and how a sweep walks the rates. */
class BenchPlanTest {
    private static final Path OUT = Path.of("out");
    private static final LogriverConfig CONFIG = ConfigLoader.defaultConfig();

    private static List<String> sweeps(BenchPlan plan, int round) {
        return plan.sweeps(round).stream().map(s -> s.engine().id() + " " + s.state().id() + " " + s.label()).toList();
    }

    @Test
    void roundsInterleaveEveryEngineInEveryClassInAlternatingOrder() {
        BenchPlan plan = BenchPlan.full(BenchEngine.parse("all"), BenchCommand.backends("redis,memory"), OUT)
                .withTridentSettings(BenchCommand.batches("50ms/5000x4")).withRounds(3);
        List<String> first = List.of("core durable 1 worker", "core memory 1 worker", "trident durable 50ms/5000x4",
                "trident memory 50ms/5000x4", "kstreams durable 1 stream thread", "kstreams memory 1 stream thread",
                "flink durable parallelism 1", "flink memory parallelism 1");
        assertEquals(first, sweeps(plan, 1));
        List<String> reversed = new ArrayList<>(first);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, sweeps(plan, 2));
        assertEquals(first, sweeps(plan, 3));
        assertEquals(3, plan.sweeps(3).get(0).round());
    }

    @Test
    void eachClassSetsUpEveryEngineAtItsGuarantee() {
        Path cp = Path.of("/tmp/cp");
        assertEquals(Map.of("logriver.state.backend", "redis"), BenchEngine.CORE.overrides(StateClass.DURABLE));
        assertEquals(Map.of("logriver.state.backend", "memory"), BenchEngine.TRIDENT.overrides(StateClass.MEMORY));
        assertEquals(Map.of("processing.guarantee", "exactly_once_v2"),
                BenchEngine.KSTREAMS.engineSettings(StateClass.DURABLE, CONFIG, cp));
        assertEquals(Map.of("processing.guarantee", "at_least_once"),
                BenchEngine.KSTREAMS.engineSettings(StateClass.MEMORY, CONFIG, cp));
        // Flink checkpoints at core's interval: to files in the durable class, in the JobManager's memory otherwise
        assertEquals(Map.of("execution.checkpointing.interval", "200 ms", "execution.checkpointing.storage", "filesystem",
                "execution.checkpointing.dir", cp.toUri().toString()),
                BenchEngine.FLINK.engineSettings(StateClass.DURABLE, CONFIG, cp));
        assertEquals(Map.of("execution.checkpointing.interval", "200 ms", "execution.checkpointing.storage", "jobmanager"),
                BenchEngine.FLINK.engineSettings(StateClass.MEMORY, CONFIG, cp));
        assertTrue(BenchEngine.FLINK.info(StateClass.MEMORY, "parallelism 1", CONFIG).guarantee().contains("memory"));
        assertTrue(BenchEngine.CORE.info(StateClass.DURABLE, "1 worker", CONFIG).guarantee().contains("Redis"));
        assertEquals("durable", BenchEngine.CORE.info(StateClass.DURABLE, "1 worker", CONFIG).state());
    }

    @Test
    void settingsAndVariantsMakeSweepsOfTheStormModesOnly() {
        BenchPlan plan = BenchPlan.full(BenchEngine.parse("all"), List.of(StateClass.MEMORY), OUT)
                .withCoreWorkers(BenchCommand.workers("1,2")).withTridentSettings(BenchCommand.batches("1ms/5000"))
                .withVariants(BenchCommand.variants("base;acker2:logriver.core.topology.acker.executors=2", CONFIG));
        assertEquals(List.of("core memory 1 worker", "core memory 1 worker, acker2", "core memory 2 workers",
                "core memory 2 workers, acker2", "trident memory 1ms/5000", "trident memory 1ms/5000, acker2",
                "kstreams memory 1 stream thread", "flink memory parallelism 1"), sweeps(plan, 1));
        assertEquals(Map.of("logriver.state.backend", "memory", "topology.workers", 2,
                "logriver.core.topology.acker.executors", 2), plan.sweeps(1).get(3).overrides());
        assertEquals(Map.of("logriver.state.backend", "memory", "logriver.trident.topology.trident.batch.emit.interval.millis",
                1, "logriver.trident.max.poll.records", 5_000), plan.sweeps(1).get(4).overrides());
    }

    @Test
    void aTridentSettingEqualToAProfileRunsAsThatProfile() {
        BenchPlan plan = BenchPlan.full(BenchEngine.parse("trident"), List.of(StateClass.DURABLE), OUT)
                .withTridentSettings(BenchCommand.batches("10ms/1000x2,50ms/5000x4,50ms/5000x2"));
        List<Map<String, Object>> overrides = plan.sweeps(1).stream().map(BenchPlan.Sweep::overrides).toList();
        assertEquals("latency", overrides.get(0).get("logriver.trident.profile"));
        assertEquals("throughput", overrides.get(1).get("logriver.trident.profile"));
        assertEquals(null, overrides.get(2).get("logriver.trident.profile"));
        // the profile's idle park comes with it: the latency profile's executors wake every 100 µs
        LogriverConfig latency = ConfigLoader.load(null, overrides.get(0).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertEquals(100, latency.stormFor(io.logriver.config.ModeProfile.TRIDENT)
                .get("topology.bolt.wait.park.microsec"));
    }

    @Test
    void aVariantThatSetsTheStateBackendRunsInThatBackendsClass() {
        BenchPlan plan = BenchPlan.full(BenchEngine.parse("core"), List.of(StateClass.DURABLE), OUT)
                .withVariants(BenchCommand.variants("base;memory:logriver.state.backend=memory", CONFIG));
        assertEquals(List.of("core durable 1 worker", "core memory 1 worker, memory"), sweeps(plan, 1));
        assertEquals("memory", plan.sweeps(1).get(1).overrides().get("logriver.state.backend"));
    }

    @Test
    void wrongOptionsSayWhatIsExpected() {
        assertEquals("--mode storm: expected core, trident, both, kstreams, flink or all",
                assertThrows(Args.UsageException.class, () -> BenchEngine.parse("storm")).getMessage());
        assertEquals("--backends disk: expected redis (or durable) and memory",
                assertThrows(Args.UsageException.class, () -> BenchCommand.backends("redis,disk")).getMessage());
        assertEquals("--backends redis,durable: each of redis and memory at most once",
                assertThrows(Args.UsageException.class, () -> BenchCommand.backends("redis,durable")).getMessage());
        assertEquals("--workers 0,2: expected worker counts from 1 to 16, like 1,2",
                assertThrows(Args.UsageException.class, () -> BenchCommand.workers("0,2")).getMessage());
        for (String wrong : List.of("50/1000", "50ms/0", "fast", "1ms/5000x0")) {
            assertTrue(assertThrows(Args.UsageException.class, () -> BenchCommand.batches(wrong)).getMessage()
                    .startsWith("--batches " + wrong + ": expected batch settings INTERVALms/RECORDS[xINFLIGHT]"), wrong);
        }
        for (String wrong : List.of("base;base", "a:x", "", "a:logriver.parallelism.parse=1;a:logriver.parallelism.parse=2")) {
            assertTrue(assertThrows(Args.UsageException.class, () -> BenchCommand.variants(wrong, CONFIG)).getMessage()
                    .startsWith("--variants " + wrong + ": expected variants separated by ';'"), wrong);
        }
        assertEquals("--variants, variant bad: logriver.sink.grouping: expected one of [shuffle, local-or-shuffle],"
                + " got 'fields'", assertThrows(Args.UsageException.class,
                () -> BenchCommand.variants("base;bad:logriver.sink.grouping=fields", CONFIG)).getMessage());
    }

    @Test
    void aSweepClimbsToTheFirstRateNotSustainedThenBisects() throws Exception {
        BenchPlan plan = BenchPlan.full(List.of(BenchEngine.CORE), List.of(StateClass.MEMORY), OUT)
                .withRates(List.of(10_000L, 20_000L, 40_000L, 80_000L));
        List<Long> asked = new ArrayList<>();
        new Bench(Progress.quiet()).sweepRates(plan, rate -> {
            asked.add(rate);
            return rate <= 30_000 ? Verdict.SUSTAINED : Verdict.NOT_SUSTAINED;
        });
        assertEquals(List.of(10_000L, 20_000L, 40_000L, 30_000L), asked);
    }

    @Test
    void aSweepEndsWhereTheGeneratorCannotOfferTheRate() throws Exception {
        BenchPlan plan = BenchPlan.full(List.of(BenchEngine.FLINK), List.of(StateClass.MEMORY), OUT)
                .withRates(List.of(10_000L, 20_000L, 40_000L, 80_000L));
        List<Long> asked = new ArrayList<>();
        new Bench(Progress.quiet()).sweepRates(plan, rate -> {
            asked.add(rate);
            return rate >= 40_000 ? Verdict.GENERATOR_BOUND : Verdict.SUSTAINED;
        });
        assertEquals(List.of(10_000L, 20_000L, 40_000L), asked, "no bisection below a generator-bound point");
        assertEquals(15_000, BenchPlan.between(10_000, 20_000));
        assertEquals(0, BenchPlan.between(1_000, 2_000));
    }

    @Test
    void theMachinesBusyTimeLeavesIdleAndIoWaitOut() {
        // user nice system idle iowait irq softirq steal: 100 + 0 + 50 + 20 + 10 + 5 ticks busy, at 100 ticks a second
        assertEquals(java.time.Duration.ofMillis(1850),
                MachineCpu.busy("cpu  100 0 50 9000 300 20 10 5 0 0"));
    }
}
