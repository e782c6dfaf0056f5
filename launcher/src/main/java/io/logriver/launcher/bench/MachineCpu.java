package io.logriver.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The CPU time every process of the machine has used, summed over its cores, from Linux's {@code /proc/stat} (user,
 * nice, system, irq, softirq and steal time; not idle or waiting for I/O). Zero where there is no such file.
 */
final class MachineCpu {
    private static final Path STAT = Path.of("/proc/stat");
    /** The kernel's clock ticks per second in /proc/stat (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private MachineCpu() {
    }

    static Duration busy() {
        try {
            return busy(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /** The busy time of the {@code cpu} line of /proc/stat. */
    static Duration busy(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system (idle iowait) irq softirq steal
            busy += i < f.length ? Long.parseLong(f[i]) : 0;
        }
        return Duration.ofMillis(busy * 1000 / TICKS_PER_SECOND);
    }
}
