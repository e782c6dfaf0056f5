package io.logriver.launcher.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's CSV: every point with what a reader needs to recheck its verdict (the engine, its class and round,
 * the rates, the lag at both ends, how far the generator fell behind) and its latencies and CPU per record. The report
 * computes its verdicts from these columns alone: {@link #read} gives back the points the report was made of.
 */
public final class BenchCsv {
    static final String HEADER = "mode,state,round,setting,target_rate,offered,achieved,sent,finished,lag_start,lag_end,"
            + "behind_ms,verdict,sustained,in_p50_us,in_p90_us,in_p99_us,in_p999_us,in_max_us,e2e_p50_us,e2e_p90_us,"
            + "e2e_p99_us,e2e_p999_us,e2e_max_us,in_count,waits,waits_p50_us,waits_p99_us,waits_max_us,"
            + "engine_cpu_us,generator_cpu_us,machine_cpu_us,executors_cpu_us";

    private BenchCsv() {
    }

    public static String write(List<BenchPoint> points) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (BenchPoint p : points) {
            BenchPoint.Percentiles i = p.inTopology();
            BenchPoint.Percentiles e = p.endToEnd();
            BenchPoint.Percentiles w = p.joinWaits();
            BenchPoint.Cpu c = p.cpu();
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%d,%.0f,%.0f,%d,%d,%d,%d,%d,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,"
                            + "%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f%n", p.mode(), p.state(), p.round(), field(p.setting()),
                    p.targetRate(), p.offered(), p.achieved(), p.sent(), p.finished(), p.lagStart(), p.lagEnd(),
                    p.behindMs(), p.verdict().text(), p.sustained(), i.p50(), i.p90(), i.p99(), i.p999(), i.max(),
                    e.p50(), e.p90(), e.p99(), e.p999(), e.max(), i.count(), w.count(), w.p50(), w.p99(), w.max(),
                    c.engine(), c.generator(), c.machine(), c.executors()));
        }
        return b.toString();
    }

    /** A setting as one CSV field: quoted when it holds a comma ({@code 1 worker, acker0}). */
    static String field(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The points of a CSV this class wrote (without their flight recordings' summaries). */
    public static List<BenchPoint> read(String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("not a logriver bench CSV (its first line is not " + HEADER + ")");
        }
        List<BenchPoint> points = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            long[] n = f.subList(14, 29).stream().mapToLong(Long::parseLong).toArray();
            points.add(new BenchPoint(f.get(0), f.get(1), Integer.parseInt(f.get(2)), f.get(3), Long.parseLong(f.get(4)),
                    Double.parseDouble(f.get(5)), Double.parseDouble(f.get(6)), Long.parseLong(f.get(7)),
                    Long.parseLong(f.get(8)), Long.parseLong(f.get(9)), Long.parseLong(f.get(10)),
                    Long.parseLong(f.get(11)), new BenchPoint.Percentiles(n[10], n[0], n[1], n[2], n[3], n[4]),
                    new BenchPoint.Percentiles(n[10], n[5], n[6], n[7], n[8], n[9]),
                    new BenchPoint.Percentiles(n[11], n[12], n[12], n[13], n[13], n[14]),
                    new BenchPoint.Cpu(Double.parseDouble(f.get(29)), Double.parseDouble(f.get(30)),
                            Double.parseDouble(f.get(31)), Double.parseDouble(f.get(32))), BenchProfile.Summary.NONE));
        }
        return points;
    }

    /** A line's fields: split at commas outside quotes, quotes undone. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }
}
