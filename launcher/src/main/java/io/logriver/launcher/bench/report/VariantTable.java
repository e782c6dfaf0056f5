package io.logriver.launcher.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The A/B of {@code --variants} and {@code --rounds}: per class and rate, each setting's medians over its rounds (and
 * their range), on sustained points only, and how each compares with the first setting of the class. Ratios of
 * medians of rounds run alternately in one bench, so that a drift of the shared machine falls on every variant alike.
 */
final class VariantTable {
    private VariantTable() {
    }

    /** The table of one engine's points. */
    static List<String> of(List<BenchPoint> rows) {
        List<String> md = new ArrayList<>();
        md.add("");
        md.add("Settings and variants, medians of their sustained rounds (min to max in brackets); the last column"
                + " compares each with the first of its class at the same rate (median against median):");
        md.add("");
        md.add("| class | rate | setting | sustained rounds | achieved/s | in-topology p50 / p99 / p99.9 µs"
                + " | end-to-end p50 / p99 µs | CPU per record, executors / engine JVM / machine µs"
                + " | requests that waited for their session, p99 µs | against the first: in-topology p99.9,"
                + " end-to-end p99, executors' CPU, machine's CPU |");
        md.add("|---|---|---|---|---|---|---|---|---|---|");
        for (String state : rows.stream().map(BenchPoint::state).distinct().toList()) {
            List<BenchPoint> inClass = rows.stream().filter(p -> p.state().equals(state)).toList();
            List<String> settings = inClass.stream().map(BenchPoint::setting).distinct().toList();
            for (long rate : inClass.stream().map(BenchPoint::targetRate).distinct().sorted().toList()) {
                List<BenchPoint> first = sustained(of(inClass, settings.get(0), rate));
                for (String s : settings) {
                    List<BenchPoint> all = of(inClass, s, rate);
                    if (!all.isEmpty()) {
                        md.add(row(state, rate, s, all, first, s.equals(settings.get(0))));
                    }
                }
            }
        }
        return md;
    }

    private static String row(String state, long rate, String setting, List<BenchPoint> all, List<BenchPoint> first,
                              boolean isFirst) {
        List<BenchPoint> s = sustained(all);
        String against = s.isEmpty() || first.isEmpty() || isFirst ? "-" : String.format(Locale.ROOT, "%s, %s, %s, %s",
                ratio(s, first, p -> p.inTopology().p999()), ratio(s, first, p -> p.endToEnd().p99()),
                ratio(s, first, p -> p.cpu().executors()), ratio(s, first, p -> p.cpu().machine()));
        return String.format(Locale.ROOT, "| %s | %,d | %s | %d of %d | %s | %s / %s / %s | %s / %s | %s / %s / %s | %s,"
                        + " %s | %s |", state, rate, setting, s.size(), all.size(), cell(s, BenchPoint::achieved, "%,.0f"),
                cell(s, p -> p.inTopology().p50(), "%,.0f"), cell(s, p -> p.inTopology().p99(), "%,.0f"),
                cell(s, p -> p.inTopology().p999(), "%,.0f"), cell(s, p -> p.endToEnd().p50(), "%,.0f"),
                cell(s, p -> p.endToEnd().p99(), "%,.0f"), cell(s, p -> p.cpu().executors(), "%.1f"),
                cell(s, p -> p.cpu().engine(), "%.1f"), cell(s, p -> p.cpu().machine(), "%.1f"),
                cell(s, p -> p.joinWaits().count(), "%,.0f"), cell(s, p -> p.joinWaits().p99(), "%,.0f"), against);
    }

    private static List<BenchPoint> of(List<BenchPoint> rows, String setting, long rate) {
        return rows.stream().filter(p -> p.targetRate() == rate && p.setting().equals(setting)).toList();
    }

    private static List<BenchPoint> sustained(List<BenchPoint> points) {
        return points.stream().filter(BenchPoint::sustained).toList();
    }

    static String cell(List<BenchPoint> points, ToDoubleFunction<BenchPoint> figure, String format) {
        return Figure.cell(median(points, figure), format);
    }

    private static Optional<Figure> median(List<BenchPoint> points, ToDoubleFunction<BenchPoint> figure) {
        return Figure.of(points.stream().map(p -> figure.applyAsDouble(p)).toList());
    }

    /** The ratio of two medians, as {@code 0.62×}. */
    private static String ratio(List<BenchPoint> a, List<BenchPoint> b, ToDoubleFunction<BenchPoint> figure) {
        double base = median(b, figure).map(Figure::median).orElse(0.0);
        return base <= 0 ? "-" : String.format(Locale.ROOT, "%.2f×", median(a, figure).orElseThrow().median() / base);
    }
}
