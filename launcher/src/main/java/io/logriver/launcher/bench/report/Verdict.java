package io.logriver.launcher.bench.report;

/**
 * What a measured point says about its engine at its rate, from its CSV columns alone.
 * <ul>
 *   <li>{@link #GENERATOR_BOUND}: the generator sent under 98 % of the rate, or fell more than 100 ms behind its
 *       schedule: the point is invalid, and says nothing of the engine;</li>
 *   <li>{@link #NOT_STEADY}: the measurement began with more than one second of records waiting (the engine did not
 *       work off its start-up backlog in the time given): its rate is a drain rate, its latencies the backlog's;</li>
 *   <li>{@link #SUSTAINED}: steady, and the engine finished at least 98 % of the rate with its lag growing by at most
 *       2 % of what was sent;</li>
 *   <li>{@link #NOT_SUSTAINED}: steady, and it did not.</li>
 * </ul>
 */
public enum Verdict {
    SUSTAINED("yes"), NOT_SUSTAINED("no"), NOT_STEADY("not steady"), GENERATOR_BOUND("generator-bound");

    /** The furthest behind its schedule a valid point's generator may fall. */
    public static final long MAX_BEHIND_MS = 100;
    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** As the report and the CSV write it. */
    public String text() {
        return text;
    }

    public static Verdict parse(String text) {
        for (Verdict v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a verdict: " + text);
    }

    /**
     * @param targetRate the rate asked of the generator, records/s
     * @param offered    what it sent per second over the window
     * @param achieved   what the engine finished per second over the window
     * @param sent       records sent in the window
     * @param lagStart   records sent and not finished when the window began
     * @param lagEnd     the same when it ended
     * @param behindMs   the furthest the generator fell behind its schedule in the window
     */
    public static Verdict of(long targetRate, double offered, double achieved, long sent, long lagStart, long lagEnd,
                             long behindMs) {
        if (offered < 0.98 * targetRate || behindMs > MAX_BEHIND_MS) {
            return GENERATOR_BOUND;
        }
        if (lagStart > targetRate) {
            return NOT_STEADY;
        }
        return achieved >= 0.98 * targetRate && lagEnd - lagStart <= 0.02 * sent ? SUSTAINED : NOT_SUSTAINED;
    }
}
