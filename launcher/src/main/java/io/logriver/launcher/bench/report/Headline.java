package io.logriver.launcher.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The report's headline: for each engine, guarantee class and setting, figures over the rounds of the run, each the
 * median of one figure per round and its range. Only sustained points count (steady, kept up, generator on
 * schedule): a point that drains a backlog or whose generator fell behind is never a verdict or a latency figure.
 */
public final class Headline {
    /** The latencies and CPU of the headline are taken at this rate. */
    public static final long AT = 10_000;

    /** One engine in one class with one setting, and its points of every round. */
    public record Row(String mode, String state, String setting, List<BenchPoint> points) {

        /** The rounds it ran in. */
        public List<Integer> rounds() {
            return points.stream().map(BenchPoint::round).distinct().sorted().toList();
        }

        /** Each round's best steady rate: its highest sustained rate (0 when none was). */
        public Optional<Figure> bestRate() {
            return Figure.of(rounds().stream().map(r -> best(r).map(p -> (double) p.targetRate()).orElse(0.0))
                    .toList());
        }

        /** Whether some round's best steady rate is the highest rate its sweep measured: the limit may lie higher. */
        public boolean topRateSustained() {
            return rounds().stream().anyMatch(r -> best(r).map(b -> points.stream().filter(p -> p.round() == r)
                    .noneMatch(p -> p.targetRate() > b.targetRate())).orElse(false));
        }

        /** Whether some round's sweep ended at a rate the generator could not offer, above its best. */
        public boolean generatorBound() {
            return points.stream().anyMatch(p -> p.verdict() == Verdict.GENERATOR_BOUND);
        }

        /** A figure of the sustained points at a rate, one per round that has one. */
        public Optional<Figure> at(long rate, ToDoubleFunction<BenchPoint> figure) {
            return Figure.of(points.stream().filter(p -> p.targetRate() == rate && p.sustained())
                    .map(p -> figure.applyAsDouble(p)).toList());
        }

        /** A figure of each round's best steady point. */
        public Optional<Figure> atBest(ToDoubleFunction<BenchPoint> figure) {
            return Figure.of(rounds().stream().map(this::best).flatMap(Optional::stream)
                    .map(p -> figure.applyAsDouble(p)).toList());
        }

        private Optional<BenchPoint> best(int round) {
            return points.stream().filter(p -> p.round() == round && p.sustained())
                    .max(Comparator.comparingLong(BenchPoint::targetRate));
        }
    }

    private Headline() {
    }

    /** The rows of the points, in the order their sweeps first ran. */
    public static List<Row> rows(List<BenchPoint> points) {
        Map<String, List<BenchPoint>> by = new LinkedHashMap<>();
        points.forEach(p -> by.computeIfAbsent(p.mode() + "\u0000" + p.state() + "\u0000" + p.setting(),
                k -> new ArrayList<>()).add(p));
        return by.values().stream().map(ps -> new Row(ps.get(0).mode(), ps.get(0).state(), ps.get(0).setting(), ps))
                .toList();
    }

    /** The first row of an engine in a class (its first setting: the one the targets judge). */
    public static Optional<Row> first(List<Row> rows, String mode, String state) {
        return rows.stream().filter(r -> r.mode().equals(mode) && r.state().equals(state)).findFirst();
    }

    /** The headline table, in Markdown. */
    static List<String> table(List<Row> rows) {
        List<String> md = new ArrayList<>();
        md.add("| engine | class | setting | rounds | best steady rate/s | at 10k/s: in-topology p50 / p99 / p99.9 µs"
                + " | at 10k/s: end-to-end p50 / p99 / p99.9 µs | at 10k/s: CPU per record, engine JVM / machine µs"
                + " | at the best steady rate: CPU per record, engine JVM / executors / machine µs |");
        md.add("|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            md.add("| " + r.mode() + " | " + r.state() + " | " + r.setting() + " | " + r.rounds().size() + " | "
                    + Figure.cell(r.bestRate(), "%,.0f") + (r.generatorBound() ? " (generator-bound above)"
                    : r.topRateSustained() ? " (the highest rate asked)" : "")
                    + " | " + three(r, p -> p.inTopology().p50(), p -> p.inTopology().p99(), p -> p.inTopology().p999())
                    + " | " + three(r, p -> p.endToEnd().p50(), p -> p.endToEnd().p99(), p -> p.endToEnd().p999())
                    + " | " + Figure.cell(r.at(AT, p -> p.cpu().engine()), "%.1f") + " / "
                    + Figure.cell(r.at(AT, p -> p.cpu().machine()), "%.1f")
                    + " | " + Figure.cell(r.atBest(p -> p.cpu().engine()), "%.1f") + " / "
                    + Figure.cell(r.atBest(p -> p.cpu().executors()), "%.1f") + " / "
                    + Figure.cell(r.atBest(p -> p.cpu().machine()), "%.1f") + " |");
        }
        return md;
    }

    private static String three(Row r, ToDoubleFunction<BenchPoint> a, ToDoubleFunction<BenchPoint> b,
                                ToDoubleFunction<BenchPoint> c) {
        return Figure.cell(r.at(AT, a), "%,.0f") + " / " + Figure.cell(r.at(AT, b), "%,.0f") + " / "
                + Figure.cell(r.at(AT, c), "%,.0f");
    }
}
