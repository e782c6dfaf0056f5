package io.logriver.launcher.soak.check;

import java.time.Duration;

/** Durations as the soak's lines and report write them: {@code 1h05m}, {@code 5m}, {@code 45s}. */
public final class Durations {
    private Durations() {
    }

    public static String text(Duration d) {
        long s = d.toSeconds();
        if (s % 60 != 0 || s < 60) {
            return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
        }
        long m = s / 60;
        return m >= 60 ? (m / 60) + "h" + (m % 60 == 0 ? "" : String.format("%02dm", m % 60)) : m + "m";
    }

    /** {@code mm:ss} (or {@code h:mm:ss}) of an elapsed time. */
    public static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
