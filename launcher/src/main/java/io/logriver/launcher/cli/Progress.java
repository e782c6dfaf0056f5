package io.logriver.launcher.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress lines for a person watching: on standard error, so standard output stays the command's result. */
public interface Progress {
    /** Always with seconds: {@code LocalTime.toString()} leaves them out when they are zero ("[12:11]"). */
    DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    void say(String message);

    static Progress to(PrintStream out) {
        return m -> out.println(line(LocalTime.now(), m));
    }

    static Progress quiet() {
        return m -> { };
    }

    /** A progress line: "[HH:mm:ss] message". */
    static String line(LocalTime at, String message) {
        return "[" + CLOCK.format(at) + "] " + message;
    }
}
