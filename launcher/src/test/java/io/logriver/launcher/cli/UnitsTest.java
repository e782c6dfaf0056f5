package io.logriver.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durationsInTheUnitThatReadsAtAGlance() {
        assertEquals("0.00 ms", Units.micros(0));
        assertEquals("0.42 ms", Units.micros(420));
        assertEquals("0.87 ms", Units.micros(873));
        assertEquals("1.78 ms", Units.micros(1_783));
        assertEquals("9.99 ms", Units.micros(9_990));
        assertEquals("35 ms", Units.micros(35_200));
        assertEquals("999 ms", Units.micros(999_000));
        assertEquals("1.8 s", Units.micros(1_783_858));
        assertEquals("3,600.0 s", Units.micros(3_600_000_000.0));
    }
}
