package io.logriver.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void runGivesWhatACommandPrinted() throws Exception {
        assertEquals("out\nerr", Processes.run(List.of("sh", "-c", "echo out; echo err >&2"), Duration.ofSeconds(10)));
    }

    @Test
    void runSaysWhatAFailingCommandPrintedWithItsStatus() {
        IOException e = assertThrows(IOException.class,
                () -> Processes.run(List.of("sh", "-c", "echo no such thing >&2; exit 4"), Duration.ofSeconds(10)));
        assertEquals("sh -c echo no such thing >&2; exit 4 failed (exit 4): no such thing", e.getMessage());
    }

    @Test
    void runKillsACommandThatDoesNotEndInTime() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> Processes.run(List.of("sleep", "60"), Duration.ofMillis(300)));
        assertEquals("sleep 60: no end within 300 ms", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "killed, not waited out");
    }

    @Test
    void awaitExitWaitsForTheEndOrSaysItDidNotCome() throws Exception {
        Process p = sh("sleep 60");
        assertFalse(Processes.awaitExit(p.toHandle(), Duration.ofMillis(200)), "still running");
        p.toHandle().destroyForcibly();
        assertTrue(Processes.awaitExit(p.toHandle(), Duration.ofSeconds(10)), "ended once killed");
        assertFalse(p.toHandle().isAlive());
    }
}
