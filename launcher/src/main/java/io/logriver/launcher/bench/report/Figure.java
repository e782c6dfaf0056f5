package io.logriver.launcher.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A figure over the rounds of a run: its median, and the range of the values it is the median of. */
public record Figure(double median, double min, double max, int n) {

    /** The median and range of some values; none when there are none. */
    public static Optional<Figure> of(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return Optional.of(new Figure(median(v), v[0], v[v.length - 1], v.length));
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median in {@code format}, and the range in brackets when the values differ. */
    public String text(String format) {
        String m = String.format(Locale.ROOT, format, median);
        return min == max ? m : m + " (" + String.format(Locale.ROOT, format, min) + " to "
                + String.format(Locale.ROOT, format, max) + ")";
    }

    /** A cell of a table: {@link #text}, or a dash for no figure. */
    public static String cell(Optional<Figure> f, String format) {
        return f.map(x -> x.text(format)).orElse("-");
    }
}
