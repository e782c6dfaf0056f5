package io.logriver.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The A/B of {@code --variants} and {@code --rounds}: per rate, each variant's medians over its rounds (and their
 * spread), on steady points only, and how each compares with the first variant. Ratios of medians of rounds run
 * alternately in one bench, so that a drift of the shared machine falls on every variant alike.
 */
final class VariantTable {
    private VariantTable() {
    }

    /** The table of one engine's points, grouped by their label without the round. */
    static List<String> of(List<BenchPoint> rows, Duration window, int cores) {
        List<String> md = new ArrayList<>();
        List<String> variants = rows.stream().map(p -> BenchPlan.withoutRound(p.setting())).distinct().toList();
        List<Long> rates = rows.stream().map(BenchPoint::targetRate).distinct().sorted().toList();
        md.add("");
        md.add("Variants, medians of their steady rounds (min to max in brackets); the last column compares each with"
                + " the first variant at the same rate (median against median):");
        md.add("");
        md.add("| rate | variant | steady rounds | achieved/s | in-topology p50 / p99 / p99.9 µs | end-to-end p50 / p99 µs"
                + " | CPU per record, executors / this JVM / rest µs | requests that waited for their session, p99 µs"
                + " | against the first: in-topology p99.9, end-to-end p99,"
                + " executors' CPU, machine's CPU |");
        md.add("|---|---|---|---|---|---|---|---|---|");
        for (long rate : rates) {
            List<BenchPoint> first = steady(of(rows, variants.get(0), rate));
            for (String v : variants) {
                List<BenchPoint> all = of(rows, v, rate);
                if (all.isEmpty()) {
                    continue;
                }
                List<BenchPoint> s = steady(all);
                ToDoubleFunction<BenchPoint> cpu = p -> p.profile().jvmMicrosPerRecord(window, p.finished(), cores)
                        + p.profile().restMicrosPerRecord(window, p.finished(), cores);
                String against = s.isEmpty() || first.isEmpty() || v.equals(variants.get(0)) ? "-" : String.format(
                        Locale.ROOT, "%s, %s, %s, %s",
                        ratio(s, first, p -> p.inTopology().p999()), ratio(s, first, p -> p.endToEnd().p99()),
                        ratio(s, first, p -> p.profile().executorMicrosPerRecord(window, p.finished(), cores)),
                        ratio(s, first, cpu));
                md.add(String.format(Locale.ROOT, "| %,d | %s | %d of %d | %s | %s / %s / %s | %s / %s | %s / %s / %s | %s,"
                                + " %s | %s |",
                        rate, v, s.size(), all.size(), cell(s, BenchPoint::achieved, "%,.0f"),
                        cell(s, p -> p.inTopology().p50(), "%,.0f"), cell(s, p -> p.inTopology().p99(), "%,.0f"),
                        cell(s, p -> p.inTopology().p999(), "%,.0f"), cell(s, p -> p.endToEnd().p50(), "%,.0f"),
                        cell(s, p -> p.endToEnd().p99(), "%,.0f"),
                        cell(s, p -> p.profile().executorMicrosPerRecord(window, p.finished(), cores), "%.1f"),
                        cell(s, p -> p.profile().jvmMicrosPerRecord(window, p.finished(), cores), "%.1f"),
                        cell(s, p -> p.profile().restMicrosPerRecord(window, p.finished(), cores), "%.1f"),
                        cell(s, p -> p.joinWaits().count(), "%,.0f"), cell(s, p -> p.joinWaits().p99(), "%,.0f"),
                        against));
            }
        }
        return md;
    }

    /** The points of a variant at a rate, every round. */
    private static List<BenchPoint> of(List<BenchPoint> rows, String variant, long rate) {
        return rows.stream().filter(p -> p.targetRate() == rate && BenchPlan.withoutRound(p.setting()).equals(variant))
                .toList();
    }

    /** The sustained, steady ones: their latencies are the variant's, not a backlog's. */
    private static List<BenchPoint> steady(List<BenchPoint> points) {
        return points.stream().filter(p -> p.sustained() && p.steady()).toList();
    }

    /** The median of the points' figures, and their range when they differ. */
    static String cell(List<BenchPoint> points, ToDoubleFunction<BenchPoint> figure, String format) {
        if (points.isEmpty()) {
            return "-";
        }
        double[] v = points.stream().mapToDouble(figure).sorted().toArray();
        String median = String.format(Locale.ROOT, format, median(v));
        return v[0] == v[v.length - 1] ? median : median + " (" + String.format(Locale.ROOT, format, v[0]) + " to "
                + String.format(Locale.ROOT, format, v[v.length - 1]) + ")";
    }

    /** The ratio of two medians, as {@code 0.62×}. */
    private static String ratio(List<BenchPoint> a, List<BenchPoint> b, ToDoubleFunction<BenchPoint> figure) {
        double base = median(b.stream().mapToDouble(figure).sorted().toArray());
        return base <= 0 ? "-" : String.format(Locale.ROOT, "%.2f×",
                median(a.stream().mapToDouble(figure).sorted().toArray()) / base);
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
