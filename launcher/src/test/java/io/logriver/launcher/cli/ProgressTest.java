package io.logriver.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aLineOnTheFullMinuteStillShowsItsSeconds() {
        assertEquals("[12:11:00] starting Redis", Progress.line(LocalTime.of(12, 11, 0, 999_000_000), "starting Redis"));
        assertEquals("[09:05:07] x", Progress.line(LocalTime.of(9, 5, 7), "x"));
    }
}
