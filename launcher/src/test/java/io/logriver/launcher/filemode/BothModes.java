package io.logriver.launcher.filemode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.topology.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One input run through file mode in each mode, with what each wrote: the summary, the windows, the dead letters. */
final class BothModes {
    final Path dir;
    final Map<Mode, FileMode.Summary> summary = new EnumMap<>(Mode.class);
    final Map<Mode, List<String>> output = new EnumMap<>(Mode.class);
    final Map<Mode, List<String>> dlq = new EnumMap<>(Mode.class);

    private BothModes(Path dir) {
        this.dir = dir;
    }

    /** Runs core, then Trident, writing {@code out-MODE<suffix>.jsonl} and {@code dlq-MODE<suffix>.jsonl} in dir. */
    static BothModes run(LogriverConfig c, Path requests, Path sessions, Path dir, String suffix) throws Exception {
        BothModes runs = new BothModes(dir);
        for (Mode mode : Mode.values()) {
            Path out = dir.resolve("out-" + mode.id() + suffix + ".jsonl");
            Path dead = dir.resolve("dlq-" + mode.id() + suffix + ".jsonl");
            runs.summary.put(mode, new FileMode(Progress.quiet(), mode).run(c, requests, sessions, out, dead, dir));
            runs.output.put(mode, Files.readAllLines(out));
            runs.dlq.put(mode, Files.readAllLines(dead));
        }
        return runs;
    }

    /** The mode's window records, line by line. */
    void assertWindows(Mode mode, List<String> expected) {
        List<String> out = output.get(mode);
        String where = " of out-" + mode.id() + ".jsonl in " + dir;
        assertEquals(expected.size(), out.size(), "lines" + where);
        for (int i = 0; i < out.size(); i++) {
            assertEquals(expected.get(i), out.get(i), "line " + (i + 1) + where);
        }
    }

    /** Core and Trident wrote the same bytes and the same summary. */
    void assertModesAgree() {
        assertEquals(String.join("\n", output.get(Mode.CORE)), String.join("\n", output.get(Mode.TRIDENT)));
        assertEquals(summary.get(Mode.CORE).toJson(), summary.get(Mode.TRIDENT).toJson());
    }
}
