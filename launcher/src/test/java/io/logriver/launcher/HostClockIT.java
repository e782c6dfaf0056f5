package io.logriver.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.logic.time.HostClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The emit times a record carries from one worker JVM to another compare there: {@link HostClock} reads the same
 * clock in two JVMs of one host. A second JVM's reading lies between two readings of this one.
 */
class HostClockIT {

    /** The second JVM: prints one reading. */
    public static final class Reading {
        public static void main(String[] args) {
            System.out.println(HostClock.nanos());
        }
    }

    @Test
    void twoJvmsOfOneHostReadTheSameClock() throws Exception {
        for (int i = 0; i < 3; i++) {
            long before = HostClock.nanos();
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Reading.class.getName()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            long after = HostClock.nanos();
            assertEquals(0, p.exitValue());
            long theirs = Long.parseLong(out);
            assertTrue(before < theirs && theirs < after,
                    "the other JVM read " + theirs + ", not between " + before + " and " + after);
        }
    }
}
