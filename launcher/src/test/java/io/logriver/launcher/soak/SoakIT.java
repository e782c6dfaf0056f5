package io.logriver.launcher.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code soak --quick}: both modes on a dev cluster of its own, three minutes at 1,000 requests/s with a fault every
 * 45 s (a worker killed with {@code kill -9}, Redis killed and restarted, the broker stopped), must end with the verdict
 * that every closed window equals the independent reference and nothing was lost or written again otherwise; with its
 * report, CSV and chart written, each fault's recovery measured, and no process of its cluster left.
 */
@Tag("dev-cluster") // run one at a time: it fills both cores (launcher/pom.xml)
class SoakIT {

    @Test
    void aQuickSoakOfBothModesThroughThreeFaultsIsExact() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "it-soak-").toAbsolutePath();
        Path reports = work.resolve("report");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new SoakCommand(o, e).run(List.of("--quick", "--seed", "3", "--work-dir", work.toString(),
                    "--report-dir", reports.toString()));
        } finally {
            System.out.print(err.toString(StandardCharsets.UTF_8)); // the progress lines, in the test's report
        }
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, said);
        assertTrue(said.contains("soak verdict: every closed window equals the reference"), said);

        Path md = only(reports, ".md");
        String report = Files.readString(md);
        assertTrue(report.contains("**Verdict: every closed window exact, nothing lost.**"), report);
        long faults = report.lines().filter(l -> l.matches("\\| \\d+ \\| \\d\\d:\\d\\d \\| (worker|redis|broker) \\|.*"))
                .peek(l -> assertTrue(l.matches(".*\\| \\d+ s \\| \\d+ s \\|.*"), "a recovery per mode: " + l)).count();
        assertTrue(faults >= 2, "at least two faults struck:\n" + report);
        List<String> csv = Files.readAllLines(only(reports, ".csv", "-lag.csv"));
        List<String> lag = Files.readAllLines(only(reports, "-lag.csv"));
        assertEquals("elapsed_ms,mode,lag_ms", lag.get(0));
        assertTrue(lag.stream().filter(l -> l.contains(",core,")).count() >= 170, "a lag a second, for 3 minutes");
        assertTrue(csv.stream().anyMatch(l -> l.contains(",core,")) && csv.stream().anyMatch(l -> l.contains(",trident,")),
                "samples of both modes");
        assertTrue(Files.size(only(reports, ".png")) > 10_000, "a chart");
        String dir = work.resolve("soak").toString();
        List<String> left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(SoakIT::commandLine)
                .filter(c -> c.contains(dir)).toList();
        assertEquals(List.of(), left, "no process of the soak's cluster left");
    }

    /** The whole command line, from /proc (ProcessHandle.Info cuts it at 4 KiB). */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static Path only(Path dir, String suffix) throws Exception {
        return only(dir, suffix, null);
    }

    /** The one file of {@code dir} whose name ends with {@code suffix} and not with {@code butNot} (null: any). */
    private static Path only(Path dir, String suffix, String butNot) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.toString().endsWith(suffix)
                    && (butNot == null || !f.toString().endsWith(butNot))).toList();
            assertEquals(1, found.size(), suffix + " files: " + found);
            return found.get(0);
        }
    }
}
