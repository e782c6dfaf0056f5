package io.logriver.launcher.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines for a person watching: on standard error, so standard output stays the command's result. */
public interface Progress {
    void say(String message);

    static Progress to(PrintStream out) {
        return m -> out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + m);
    }

    static Progress quiet() {
        return m -> { };
    }
}
