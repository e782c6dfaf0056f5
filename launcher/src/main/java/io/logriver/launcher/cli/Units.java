package io.logriver.launcher.cli;

import java.util.Locale;

/** Figures as a person reads them at a glance: {@code 0.42 ms}, {@code 35 ms}, {@code 1.9 s}, not {@code 1,783,858 us}. */
public final class Units {
    private Units() {
    }

    /** A duration given in microseconds: two decimals of a millisecond below 10 ms, whole ms below 1 s, then seconds. */
    public static String micros(double us) {
        if (us < 10_000) {
            return String.format(Locale.ROOT, "%.2f ms", us / 1_000);
        }
        if (us < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f ms", us / 1_000);
        }
        return String.format(Locale.ROOT, "%,.1f s", us / 1_000_000);
    }
}
