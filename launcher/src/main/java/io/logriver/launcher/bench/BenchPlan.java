package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.config.TridentProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark measures: the engines, the guarantee classes each runs in, the offered rates (ascending: a sweep
 * stops at the first rate it cannot sustain, then bisects below it), core's worker counts and Trident's batch settings
 * (each a sweep of its own), the variants of the configuration and the rounds ({@code --variants}, {@code --rounds}),
 * the options of every engine's and the generator's JVM, how long each sweep runs unmeasured first (the JIT), how long
 * each point warms up, may take to work off its start-up backlog, and is measured, and the records pre-loaded for the
 * ceilings.
 */
record BenchPlan(List<BenchEngine> engines, List<StateClass> states, List<Long> rates,
                 List<TridentSetting> tridentSettings, List<CoreSetting> coreSettings, List<Variant> variants,
                 int rounds, List<String> jvmOptions, Duration jitWarmUp, Duration warmUp, Duration drainLimit,
                 Duration measure, long ceilingRecords, int refineSteps, Path outDir) {

    /** The rate of the unmeasured run that lets the JIT compile an engine's hot code before its sweep. */
    static final long JIT_WARM_UP_RATE = 2_000;
    /** The options of every engine's JVM and the generator's: bin/logriver's, the collector chosen by measurement. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx2g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10");
    static final List<Long> FULL_RATES = List.of(10_000L, 20_000L, 30_000L, 40_000L, 50_000L, 60_000L, 70_000L,
            80_000L, 100_000L, 120_000L, 150_000L, 200_000L);
    /** The two profiles (the throughput one first: the targets judge it), and the large batches of the grid. */
    static final List<TridentSetting> FULL_TRIDENT = List.of(TridentSetting.of(TridentProfile.THROUGHPUT),
            TridentSetting.of(TridentProfile.LATENCY), new TridentSetting(10, 20_000, 4));

    /** What a sweep runs with besides its engine and class: its label in the report, and the keys it overrides. */
    interface Setting {
        String label();

        Map<String, Object> overrides();
    }

    /** One Trident batch setting: the batch interval, the records per spout task and batch, the batches in flight. */
    record TridentSetting(int batchIntervalMs, int maxPollRecords, int inFlight) implements Setting {
        static TridentSetting of(TridentProfile p) {
            return new TridentSetting(p.emitIntervalMs(), p.maxPollRecords(), p.inFlight());
        }

        @Override
        public String label() {
            return batchIntervalMs + "ms/" + maxPollRecords + (inFlight > 0 ? "x" + inFlight : "");
        }

        /** The settings: a setting equal to a profile's runs as that profile (its idle executors' park too). */
        @Override
        public Map<String, Object> overrides() {
            Map<String, Object> m = new LinkedHashMap<>();
            Arrays.stream(TridentProfile.values()).filter(p -> of(p).equals(this)).findFirst()
                    .ifPresent(p -> m.put(LogriverConfig.TRIDENT_PROFILE.name(), p.id()));
            m.put(ModeProfile.TRIDENT.key(TridentProfile.EMIT_INTERVAL), batchIntervalMs);
            m.put(LogriverConfig.TRIDENT_MAX_POLL_RECORDS.name(), maxPollRecords);
            if (inFlight > 0) {
                m.put(ModeProfile.TRIDENT.key(TridentProfile.IN_FLIGHT), inFlight);
            }
            return m;
        }
    }

    /**
     * Core in {@code workers} workers. In the local cluster they share one JVM, but every tuple that goes from one to
     * another is serialized with Kryo and deserialized, as between the workers of a cluster (no socket, though).
     */
    record CoreSetting(int workers) implements Setting {
        static final CoreSetting ONE_WORKER = new CoreSetting(1);

        @Override
        public String label() {
            return workers == 1 ? "1 worker" : workers + " workers";
        }

        @Override
        public Map<String, Object> overrides() {
            return Map.of("topology.workers", workers);
        }
    }

    /** A peer's one setting: its label only (its engine settings come with its class). */
    record PeerSetting(String label) implements Setting {
        @Override
        public Map<String, Object> overrides() {
            return Map.of();
        }
    }

    /**
     * A variant of the configuration that every Storm sweep runs once with ({@code --variants}): a name and the keys it
     * sets, as {@code -c key=value} would. {@link #BASE} sets none.
     */
    record Variant(String name, Map<String, Object> overrides) {
        static final Variant BASE = new Variant("base", Map.of());

        /** The class a sweep of this variant runs in: the one of the backend it sets, else the sweep's own. */
        StateClass stateClass(StateClass sweeps) {
            Object backend = overrides.get(LogriverConfig.STATE_BACKEND.name());
            return backend == null ? sweeps : StateClass.of(String.valueOf(backend));
        }
    }

    /** One sweep: an engine in a class, with one setting and variant, in one round. */
    record Sweep(BenchEngine engine, StateClass state, Setting setting, Variant variant, int round) {
        /** The setting's label, with the variant's name unless it is the base. */
        String label() {
            return variant.equals(Variant.BASE) ? setting.label() : setting.label() + ", " + variant.name();
        }

        /** logriver's keys this sweep sets: its class's, its setting's, its variant's. */
        Map<String, Object> overrides() {
            Map<String, Object> m = new LinkedHashMap<>(engine.overrides(state));
            m.putAll(setting.overrides());
            m.putAll(variant.overrides());
            return m;
        }
    }

    /** --quick: core and Trident at one low and one high rate, short windows, the profile's Trident setting. */
    static BenchPlan quick(List<BenchEngine> engines, List<StateClass> states, Path outDir) {
        return new BenchPlan(engines, states, List.of(1_000L, 10_000L), List.of(TridentSetting.of(TridentProfile.THROUGHPUT)),
                List.of(CoreSetting.ONE_WORKER), List.of(), 1, JVM_OPTIONS, Duration.ZERO, Duration.ofSeconds(4),
                Duration.ofSeconds(20), Duration.ofSeconds(8), 100_000, 0, outDir);
    }

    /** The full sweep: every rate up to the first an engine cannot sustain, then one bisection step below it. */
    static BenchPlan full(List<BenchEngine> engines, List<StateClass> states, Path outDir) {
        return new BenchPlan(engines, states, FULL_RATES, FULL_TRIDENT, List.of(CoreSetting.ONE_WORKER), List.of(), 1,
                JVM_OPTIONS, Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(20), 1_000_000, 1, outDir);
    }

    boolean stopAtSaturation() {
        return refineSteps > 0;
    }

    /** The rate halfway between a sustained and an unsustained one, rounded to 1,000/s; 0 when none lies between. */
    static long between(long sustained, long notSustained) {
        long mid = Math.round((sustained + notSustained) / 2000.0) * 1000;
        return mid > sustained && mid < notSustained ? mid : 0;
    }

    /** The settings of an engine's sweeps: core's worker counts, Trident's batch settings, a peer's one. */
    List<? extends Setting> settings(BenchEngine e) {
        return switch (e) {
            case CORE -> coreSettings;
            case TRIDENT -> tridentSettings;
            case KSTREAMS -> List.of(new PeerSetting("1 stream thread"));
            case FLINK -> List.of(new PeerSetting("parallelism 1"));
        };
    }

    /**
     * The sweeps of one round, in order: each engine in each class, with each of its settings and (the Storm modes)
     * each variant. Every second round runs them in reverse order (A B C D, D C B A...): a drift of the shared machine
     * during the run falls on every engine alike.
     */
    List<Sweep> sweeps(int round) {
        List<Sweep> out = new ArrayList<>();
        for (BenchEngine e : engines) {
            for (StateClass state : states) {
                for (Setting s : settings(e)) {
                    for (Variant v : e.storm() && !variants.isEmpty() ? variants : List.of(Variant.BASE)) {
                        out.add(new Sweep(e, v.stateClass(state), s, v, round));
                    }
                }
            }
        }
        if (round % 2 == 0) {
            Collections.reverse(out);
        }
        return out;
    }

    boolean hasStorm() {
        return engines.stream().anyMatch(BenchEngine::storm);
    }

    BenchPlan withRates(List<Long> newRates) {
        return new BenchPlan(engines, states, newRates, tridentSettings, coreSettings, variants, rounds, jvmOptions,
                jitWarmUp, warmUp, drainLimit, measure, ceilingRecords, refineSteps, outDir);
    }

    BenchPlan withMeasure(Duration newMeasure) {
        return new BenchPlan(engines, states, rates, tridentSettings, coreSettings, variants, rounds, jvmOptions,
                jitWarmUp, warmUp, drainLimit, newMeasure, ceilingRecords, refineSteps, outDir);
    }

    /** Core once per worker count, in this order. */
    BenchPlan withCoreWorkers(List<Integer> workers) {
        return new BenchPlan(engines, states, rates, tridentSettings, workers.stream().map(CoreSetting::new).toList(),
                variants, rounds, jvmOptions, jitWarmUp, warmUp, drainLimit, measure, ceilingRecords, refineSteps,
                outDir);
    }

    /** Trident at these batch settings only, in this order (its ceilings too). */
    BenchPlan withTridentSettings(List<TridentSetting> settings) {
        return new BenchPlan(engines, states, rates, settings, coreSettings, variants, rounds, jvmOptions, jitWarmUp,
                warmUp, drainLimit, measure, ceilingRecords, refineSteps, outDir);
    }

    /** Every Storm sweep once per variant of the configuration (the first is the one the others are compared with). */
    BenchPlan withVariants(List<Variant> newVariants) {
        return new BenchPlan(engines, states, rates, tridentSettings, coreSettings, newVariants, rounds, jvmOptions,
                jitWarmUp, warmUp, drainLimit, measure, ceilingRecords, refineSteps, outDir);
    }

    BenchPlan withRounds(int newRounds) {
        return new BenchPlan(engines, states, rates, tridentSettings, coreSettings, variants, newRounds, jvmOptions,
                jitWarmUp, warmUp, drainLimit, measure, ceilingRecords, refineSteps, outDir);
    }

    BenchPlan withJvmOptions(List<String> options) {
        return new BenchPlan(engines, states, rates, tridentSettings, coreSettings, variants, rounds, options,
                jitWarmUp, warmUp, drainLimit, measure, ceilingRecords, refineSteps, outDir);
    }
}
