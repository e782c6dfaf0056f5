package io.logriver.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessesTest {

    private static Process sh(String script) throws IOException {
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aProcessThatEndsOnSigtermEndsWithinItsGrace() throws Exception {
        Process p = sh("sleep 60");
        long start = System.nanoTime();
        Processes.stop(p.toHandle(), Duration.ofSeconds(20));
        assertFalse(p.isAlive());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "stopped by SIGTERM, not waited out");
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterItsGrace() throws Exception {
        Process p = sh("trap '' TERM; while true; do sleep 0.1; done");
        Thread.sleep(200); // the trap is set
        long start = System.nanoTime();
        Processes.stopAll(List.of(p.toHandle()), Duration.ofMillis(300));
        assertFalse(p.isAlive());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "given its grace first");
    }

    @Test
    void awaitOrKillLetsAProcessThatEndsByItselfEnd() throws Exception {
        Process p = sh("exit 3");
        Processes.awaitOrKill(p.toHandle(), Duration.ofSeconds(10));
        assertFalse(p.isAlive());
        assertEquals(3, p.exitValue(), "ended by itself, with its own status");
    }
}
