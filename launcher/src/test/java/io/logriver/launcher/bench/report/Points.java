package io.logriver.launcher.bench.report;

/** Points for the report's tests: a 20 s window at the rate asked, the latencies and CPU given. */
final class Points {
    static final BenchPoint.Percentiles SOME = new BenchPoint.Percentiles(100, 1, 2, 3, 4, 5);

    private Points() {
    }

    /** A point whose generator kept its schedule, with {@code lagStart} waiting at the start and {@code lagEnd} at the end. */
    static BenchPoint point(String mode, String state, int round, String setting, long rate, double achieved,
                            long lagStart, long lagEnd) {
        return point(mode, state, round, setting, rate, achieved, lagStart, lagEnd, SOME, SOME,
                new BenchPoint.Cpu(10, 5, 30, 4));
    }

    static BenchPoint point(String mode, String state, int round, String setting, long rate, double achieved,
                            long lagStart, long lagEnd, BenchPoint.Percentiles in, BenchPoint.Percentiles e2e,
                            BenchPoint.Cpu cpu) {
        return new BenchPoint(mode, state, round, setting, rate, rate, achieved, rate * 20, (long) (achieved * 20),
                lagStart, lagEnd, 3, in, e2e, BenchPoint.Percentiles.NONE, cpu, BenchProfile.Summary.NONE);
    }

    /** A sustained point. */
    static BenchPoint ok(String mode, String state, int round, long rate) {
        return point(mode, state, round, "s", rate, rate, 100, 100);
    }

    static BenchPoint.Percentiles latencies(long p50, long p99, long p999) {
        return new BenchPoint.Percentiles(1000, p50, p50, p99, p999, p999);
    }
}
