package io.logriver.logic.time;

import java.io.Serializable;

/** The wall clock in epoch milliseconds: the system's in production, a chosen one in tests. */
@FunctionalInterface
public interface WallClock extends Serializable {
    long millis();

    /** {@link System#currentTimeMillis()}. */
    static WallClock system() {
        return SystemClock.INSTANCE;
    }

    /** The system clock as a serializable singleton (bolts and Trident functions are serialized). */
    enum SystemClock implements WallClock {
        INSTANCE;

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    }
}
