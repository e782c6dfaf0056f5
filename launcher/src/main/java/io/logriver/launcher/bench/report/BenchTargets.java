package io.logriver.launcher.bench.report;

import io.logriver.config.TridentProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The targets of core's and Trident's issues, judged on the headline (medians over rounds of sustained points, the
 * same guarantee class on both sides of every comparison). A target whose figures the run did not measure is left
 * out; a miss says by how much.
 */
final class BenchTargets {
    private static final String CORE = "core";
    private static final String TRIDENT = "trident";
    private static final String FLINK = "flink";
    private static final String[] STATES = {"memory", "durable"};

    private BenchTargets() {
    }

    static List<String> check(List<Headline.Row> rows) {
        List<String> md = new ArrayList<>();
        for (String state : STATES) {
            Optional<Headline.Row> core = Headline.first(rows, CORE, state);
            Optional<Headline.Row> trident = Headline.first(rows, TRIDENT, state);
            Optional<Headline.Row> flink = Headline.first(rows, FLINK, state);
            core.ifPresent(c -> {
                atMost(md, "core (" + state + ") in-topology p99.9 at 10k/s < 1 ms", c.at(Headline.AT,
                        p -> p.inTopology().p999()), 1000, "%,.0f µs", true);
                atMost(md, "core (" + state + ") executors' CPU per record at its best steady rate ≤ 12 µs",
                        c.atBest(p -> p.cpu().executors()), 12, "%.1f µs", false);
            });
            core.ifPresent(c -> flink.ifPresent(f -> {
                below(md, "core in-topology p99 at 10k/s below Flink's (" + state + ")", c, f,
                        p -> p.inTopology().p99(), Headline.AT);
                below(md, "core end-to-end p99 at 10k/s below Flink's (" + state + ")", c, f,
                        p -> p.endToEnd().p99(), Headline.AT);
                below(md, "core end-to-end p99 at 30k/s below Flink's (" + state + ")", c, f,
                        p -> p.endToEnd().p99(), 30_000);
                ratio(md, "core's best steady rate ≥ 1.2 × Flink's (" + state + ")", c.bestRate(), f.bestRate(), 1.2);
            }));
            trident.ifPresent(t -> {
                core.ifPresent(c -> ratio(md, "Trident's best steady rate ≥ 1.5 × core's (" + state + ")",
                        t.bestRate(), c.bestRate(), 1.5));
                flink.ifPresent(f -> ratio(md, "Trident's best steady rate ≥ Flink's (" + state + ")", t.bestRate(),
                        f.bestRate(), 1.0));
                atMost(md, "Trident (" + state + ", " + t.setting() + ") executors' CPU per record at its best steady"
                        + " rate ≤ 6 µs", t.atBest(p -> p.cpu().executors()), 6, "%.1f µs", false);
            });
        }
        Optional<Headline.Row> coreMemory = Headline.first(rows, CORE, "memory");
        Headline.first(rows, CORE, "durable").ifPresent(d -> coreMemory.ifPresent(m -> {
            Optional<Figure> dp = d.at(Headline.AT, p -> p.inTopology().p99());
            Optional<Figure> mp = m.at(Headline.AT, p -> p.inTopology().p99());
            if (dp.isPresent() && mp.isPresent()) {
                double r = dp.get().median() / Math.max(1, mp.get().median());
                md.add(line("core durable in-topology p99 at 10k/s ≤ 1.5 × core in memory", String.format(Locale.ROOT,
                        "%,.0f against %,.0f µs = %.1f×", dp.get().median(), mp.get().median(), r), r <= 1.5, r / 1.5));
            }
        }));
        String latencyProfile = TridentProfile.LATENCY.emitIntervalMs() + "ms/" + TridentProfile.LATENCY.maxPollRecords()
                + "x" + TridentProfile.LATENCY.inFlight();
        rows.stream().filter(r -> r.mode().equals(TRIDENT) && r.setting().equals(latencyProfile)).forEach(t ->
                atMost(md, "Trident's latency profile (" + t.state() + ", " + t.setting() + ") end-to-end p99 at 10k/s"
                        + " ≤ 2 × its batch interval", t.at(Headline.AT, p -> p.endToEnd().p99()),
                        2.0 * intervalMicros(t.setting()), "%,.0f µs", false));
        if (md.isEmpty()) {
            return md;
        }
        List<String> out = new ArrayList<>(List.of("", "## Targets", "",
                "Judged on the headline's medians; a comparison is always between engines of the same class.", "",
                "| target | measured (medians over rounds) | met |", "|---|---|---|"));
        out.addAll(md);
        return out;
    }

    /** A Trident setting's batch interval in µs ({@code 50ms/5000x4}), or 0. */
    static long intervalMicros(String setting) {
        int ms = setting.indexOf("ms/");
        return ms > 0 && setting.substring(0, ms).matches("\\d+") ? Long.parseLong(setting.substring(0, ms)) * 1000 : 0;
    }

    private static void atMost(List<String> md, String target, Optional<Figure> f, double limit, String format,
                               boolean strictBelow) {
        f.ifPresent(x -> md.add(line(target, x.text(format), strictBelow ? x.median() < limit : x.median() <= limit,
                x.median() / limit)));
    }

    private static void below(List<String> md, String target, Headline.Row a, Headline.Row b,
                              ToDoubleFunction<BenchPoint> figure, long rate) {
        Optional<Figure> fa = a.at(rate, figure);
        Optional<Figure> fb = b.at(rate, figure);
        if (fa.isPresent() && fb.isPresent()) {
            double r = fa.get().median() / Math.max(1, fb.get().median());
            md.add(line(target, String.format(Locale.ROOT, "%s %,.0f µs against %s %,.0f µs", a.mode(),
                    fa.get().median(), b.mode(), fb.get().median()), fa.get().median() < fb.get().median(), r));
        }
    }

    private static void ratio(List<String> md, String target, Optional<Figure> a, Optional<Figure> b, double needed) {
        if (a.isPresent() && b.isPresent() && b.get().median() > 0) {
            double r = a.get().median() / b.get().median();
            md.add(line(target, String.format(Locale.ROOT, "%,.0f against %,.0f/s = %.2f×", a.get().median(),
                    b.get().median(), r), r >= needed, needed / Math.max(r, 1e-9)));
        }
    }

    /** {@code ratio}: measured over allowed (for a maximum) or needed over measured (for a minimum); > 1 is a miss. */
    private static String line(String target, String measured, boolean met, double ratio) {
        return "| " + target + " | " + measured + " | " + (met ? "yes" : String.format(Locale.ROOT,
                "**no**: %.1f× off", ratio)) + " |";
    }
}
