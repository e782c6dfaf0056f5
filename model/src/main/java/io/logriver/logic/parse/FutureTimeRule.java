package io.logriver.logic.parse;

import io.logriver.logic.time.WallClock;
import java.io.Serializable;

/**
 * Event time cannot run away: a request whose event time lies more than {@code maxFutureMillis} ahead of the wall
 * clock is invalid ({@link #REASON}). Such a record would otherwise move its partition's watermark that far ahead and
 * make every later record of the partition late until the clock catches up; and a record ahead of the clock by less
 * moves the watermark only up to the clock ({@link #watermarkTime}). {@code maxFutureMillis} 0 switches the rule off
 * (replays of synthetic data dated in the future): the wall clock then plays no part.
 */
public record FutureTimeRule(long maxFutureMillis, WallClock clock) implements Serializable {
    public static final String REASON = "future-time";

    /** No limit: the wall clock plays no part. */
    public static final FutureTimeRule OFF = new FutureTimeRule(0, WallClock.system());

    public FutureTimeRule {
        if (maxFutureMillis < 0) {
            throw new IllegalArgumentException("maxFutureMillis must be 0 (off) or positive: " + maxFutureMillis);
        }
    }

    /** The rule with the system clock. */
    public static FutureTimeRule of(long maxFutureMillis) {
        return new FutureTimeRule(maxFutureMillis, WallClock.system());
    }

    /**
     * How far a record that passed may move its partition's watermark: to its event time, but (while the rule is on)
     * never past the wall clock. A record up to the limit ahead is valid and lands in its window, but it cannot make
     * the records of the present late.
     */
    public long watermarkTime(long eventTime) {
        return maxFutureMillis > 0 ? Math.min(eventTime, clock.millis()) : eventTime;
    }

    /** True when {@code eventTime} (epoch ms, not negative) is more than the limit ahead of the clock now. */
    public boolean tooFarAhead(long eventTime) {
        return maxFutureMillis > 0 && eventTime - clock.millis() > maxFutureMillis;
    }
}
