package io.logriver.ui.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/** Storm's UI formats: uptimes ({@code 1h 2m 3s}), latencies ({@code %.3f}) and window names. */
public final class Pretty {
    /** The windows Storm keeps figures for: 10 minutes, 3 hours, a day, and all time. */
    public static final List<String> WINDOWS = List.of("600", "10800", "86400", ":all-time");
    public static final String ALL_TIME = ":all-time";

    private Pretty() {
    }

    public static String uptime(int seconds) {
        int[] divisors = {60, 60, 24};
        String[] units = {"s", "m", "h"};
        Deque<String> parts = new ArrayDeque<>();
        int rest = seconds;
        for (int i = 0; i < divisors.length && rest > 0; i++) {
            parts.addFirst(rest % divisors[i] + units[i]);
            rest /= divisors[i];
        }
        if (rest > 0) {
            parts.addFirst(rest + "d");
        }
        return String.join(" ", parts);
    }

    /** As Storm's {@code StatsUtil.floatStr}: three decimals, "0" for none. */
    public static String floatStr(Double d) {
        return d == null ? "0" : String.format(Locale.ROOT, "%.3f", d);
    }

    /** "All time" or the window's length as an uptime ({@code 10m 0s}), as Storm's {@code getWindowHint}. */
    public static String windowHint(String window) {
        return window.equals(ALL_TIME) ? "All time" : uptime(Integer.parseInt(window));
    }
}
