package io.logriver.launcher.bench;

import io.logriver.config.TridentProfile;
import io.logriver.topology.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark measures: the modes, the peers (the same job on other engines, swept after the modes), the
 * offered rates (ascending: a sweep stops at the first rate it cannot sustain), the Trident batch settings, the worker
 * counts of core (each its own sweep), how long each mode runs unmeasured first (the JIT compiles the hot
 * code of a topology in its first half minute or so), how long each point warms up and is measured, the records
 * pre-loaded for the ceilings, and how many bisection steps narrow down the sustained rate between the last rate a
 * sweep sustained and the first it did not (0: no refinement, and the sweep runs every rate).
 */
record BenchPlan(List<Mode> modes, List<PeerEngine> peers, List<Long> rates, List<TridentSetting> tridentSettings,
                 List<CoreSetting> coreSettings, List<String> backends, List<Variant> variants, int rounds,
                 Duration jitWarmUp, Duration warmUp, Duration measure, long ceilingRecords, int refineSteps,
                 Path outDir) {

    /** The rate of the unmeasured run that lets the JIT compile a mode's hot code before its sweep. */
    static final long JIT_WARM_UP_RATE = 2_000;

    /** What a sweep of a mode runs with: its label in the report, and the settings it overrides. */
    interface Setting {
        String label();

        Map<String, Object> overrides();
    }

    /** One Trident batch setting: the batch interval and the records per partition and batch. */
    record TridentSetting(int batchIntervalMs, int maxPollRecords, int inFlight) implements Setting {
        /** A Trident profile's setting. */
        static TridentSetting of(TridentProfile p) {
            return new TridentSetting(p.emitIntervalMs(), p.maxPollRecords(), p.inFlight());
        }

        /** With the configuration's batches in flight ({@code topology.max.spout.pending}). */
        TridentSetting(int batchIntervalMs, int maxPollRecords) {
            this(batchIntervalMs, maxPollRecords, 0);
        }

        @Override
        public String label() {
            return batchIntervalMs + "ms/" + maxPollRecords + (inFlight > 0 ? "x" + inFlight : "");
        }

        @Override
        public Map<String, Object> overrides() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("logriver.trident.topology.trident.batch.emit.interval.millis", batchIntervalMs);
            m.put("logriver.trident.max.poll.records", maxPollRecords);
            if (inFlight > 0) {
                m.put("logriver.trident.topology.max.spout.pending", inFlight);
            }
            return m;
        }
    }

    /**
     * Core in {@code workers} workers. In the bench's local cluster they share one JVM, but every tuple that goes from
     * one to another is serialized with Kryo and deserialized, as between the workers of a cluster (no socket, though).
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

    /**
     * A setting with the state backend it runs on ({@code logriver.state.backend}): the configured one keeps the
     * setting's own label, another adds its name ({@code 1 worker, memory}).
     */
    record OnBackend(Setting setting, String backend, boolean named) implements Setting {
        @Override
        public String label() {
            return named ? setting.label() + ", " + backend : setting.label();
        }

        @Override
        public Map<String, Object> overrides() {
            Map<String, Object> m = new java.util.HashMap<>(setting.overrides());
            m.put("logriver.state.backend", backend);
            return m;
        }
    }

    /**
     * A variant of the configuration that every sweep runs once with ({@code --variants}): a name and the keys it
     * sets, as {@code -c key=value} would. {@link #BASE} sets none.
     */
    record Variant(String name, Map<String, Object> overrides) {
        static final Variant BASE = new Variant("base", Map.of());
    }

    /**
     * A setting with a variant: its label gains the variant's name (none for the base) and, when the plan runs
     * several rounds, the round ({@code 1 worker, acker0 #2}); {@link #variantLabel} is the label without the round.
     */
    record WithVariant(Setting setting, Variant variant, int round) implements Setting {
        @Override
        public String label() {
            return variantLabel() + (round > 0 ? " #" + round : "");
        }

        String variantLabel() {
            return variant.overrides().isEmpty() && variant.name().equals("base") ? setting.label()
                    : setting.label() + ", " + variant.name();
        }

        @Override
        public Map<String, Object> overrides() {
            Map<String, Object> m = new java.util.HashMap<>(setting.overrides());
            m.putAll(variant.overrides());
            return m;
        }
    }

    /** A setting's label without its round ({@code 1 worker, acker0 #2} is {@code 1 worker, acker0}). */
    static String withoutRound(String label) {
        return label.replaceFirst(" #\\d+$", "");
    }

    static final List<Long> FULL_RATES = List.of(1_000L, 5_000L, 10_000L, 20_000L, 50_000L, 100_000L, 200_000L);
    /** The two profiles (the throughput one first: the targets judge it), and the large batches of the grid. */
    static final List<TridentSetting> FULL_TRIDENT = List.of(TridentSetting.of(TridentProfile.THROUGHPUT),
            TridentSetting.of(TridentProfile.LATENCY), new TridentSetting(10, 20_000, 4));

    /**
     * --quick: one low and one high rate per mode, short windows, the profile's Trident setting: a smoke test. It
     * leaves the peers out.
     */
    static BenchPlan quick(List<Mode> modes, Path outDir) {
        return new BenchPlan(modes, List.of(), List.of(1_000L, 10_000L),
                List.of(TridentSetting.of(TridentProfile.THROUGHPUT)), List.of(CoreSetting.ONE_WORKER), List.of(),
                List.of(), 1, Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(8), 100_000, 0, outDir);
    }

    /**
     * The full sweep: every rate up to the first a mode cannot sustain, then two bisection steps below it; three
     * Trident batch settings.
     */
    static BenchPlan full(List<Mode> modes, Path outDir) {
        return new BenchPlan(modes, List.of(), FULL_RATES, FULL_TRIDENT, List.of(CoreSetting.ONE_WORKER), List.of(),
                List.of(), 1, Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(20), 1_000_000, 2,
                outDir);
    }

    boolean stopAtSaturation() {
        return refineSteps > 0;
    }

    /** The rate halfway between a sustained and an unsustained one, rounded to 1,000/s; 0 when none lies between. */
    static long between(long sustained, long notSustained) {
        long mid = Math.round((sustained + notSustained) / 2000.0) * 1000;
        return mid > sustained && mid < notSustained ? mid : 0;
    }

    /**
     * The settings a mode's sweeps run with, in order: each of the mode's own on each backend of {@code --backends}
     * (the first backend named being the one the targets judge), or on the configured backend; then, with
     * {@code --variants}, each of those with each variant, round after round, every second round in reverse order
     * (A B, B A, A B...: a drift of the machine during the run falls on both alike).
     */
    List<? extends Setting> settings(Mode mode, String configuredBackend) {
        List<? extends Setting> own = mode == Mode.CORE ? coreSettings : tridentSettings;
        List<Setting> onBackends = new java.util.ArrayList<>();
        if (backends.isEmpty()) {
            onBackends.addAll(own);
        }
        for (String backend : backends) {
            for (Setting s : own) {
                onBackends.add(new OnBackend(s, backend, !backend.equals(configuredBackend)));
            }
        }
        if (variants.isEmpty() && rounds == 1) {
            return onBackends;
        }
        List<Variant> each = variants.isEmpty() ? List.of(Variant.BASE) : variants;
        List<Setting> out = new java.util.ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Variant> order = new java.util.ArrayList<>(each);
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Variant v : order) {
                for (Setting s : onBackends) {
                    out.add(new WithVariant(s, v, rounds > 1 ? round : 0));
                }
            }
        }
        return out;
    }

    BenchPlan withRates(List<Long> newRates) {
        return new BenchPlan(modes, peers, newRates, tridentSettings, coreSettings, backends, variants, rounds,
                jitWarmUp, warmUp, measure, ceilingRecords, refineSteps, outDir);
    }

    BenchPlan withMeasure(Duration newMeasure) {
        return new BenchPlan(modes, peers, rates, tridentSettings, coreSettings, backends, variants, rounds, jitWarmUp,
                warmUp, newMeasure, ceilingRecords, refineSteps, outDir);
    }

    /** The peers after the Storm modes, each with the same sweep (none in a quick plan: CI stays short). */
    BenchPlan withPeers(List<PeerEngine> newPeers) {
        return new BenchPlan(modes, newPeers, rates, tridentSettings, coreSettings, backends, variants, rounds,
                jitWarmUp, warmUp, measure, ceilingRecords, refineSteps, outDir);
    }

    /** Core once per worker count, in this order (the first is the one the targets judge). */
    BenchPlan withCoreWorkers(List<Integer> workers) {
        return new BenchPlan(modes, peers, rates, tridentSettings, workers.stream().map(CoreSetting::new).toList(),
                backends, variants, rounds, jitWarmUp, warmUp, measure, ceilingRecords, refineSteps, outDir);
    }

    /** Trident at these batch settings only, in this order (its ceilings too). */
    BenchPlan withTridentSettings(List<TridentSetting> settings) {
        return new BenchPlan(modes, peers, rates, settings, coreSettings, backends, variants, rounds, jitWarmUp, warmUp,
                measure, ceilingRecords, refineSteps, outDir);
    }

    /** Every sweep once per state backend, in this order (the first is the one the targets judge). */
    BenchPlan withBackends(List<String> newBackends) {
        return new BenchPlan(modes, peers, rates, tridentSettings, coreSettings, newBackends, variants, rounds,
                jitWarmUp, warmUp, measure, ceilingRecords, refineSteps, outDir);
    }

    /**
     * Every sweep once per variant of the configuration ({@code --variants}; the first is the one the targets judge
     * and the others are compared with), {@code rounds} times over, every second round in reverse order.
     */
    BenchPlan withVariants(List<Variant> newVariants, int newRounds) {
        return new BenchPlan(modes, peers, rates, tridentSettings, coreSettings, backends, newVariants, newRounds,
                jitWarmUp, warmUp, measure, ceilingRecords, refineSteps, outDir);
    }
}
