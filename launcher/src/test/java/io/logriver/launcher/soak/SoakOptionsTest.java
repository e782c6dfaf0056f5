package io.logriver.launcher.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.soak.fault.FaultKind;
import io.logriver.topology.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoakOptionsTest {

    @Test
    void defaultsAreAnHourOfBothModesWithEveryFaultEveryFiveMinutes() {
        SoakOptions o = SoakOptions.parse(List.of());
        assertEquals(List.of(Mode.CORE, Mode.TRIDENT), o.modes());
        assertEquals(3000, o.rate());
        assertEquals(Duration.ofMinutes(60), o.duration());
        assertEquals(Duration.ofMinutes(5), o.every());
        assertEquals(List.of(FaultKind.WORKER, FaultKind.COMMIT, FaultKind.REDIS, FaultKind.BROKER, FaultKind.PAUSE,
                FaultKind.NIMBUS, FaultKind.ZOOKEEPER), o.faults(), "all but disk, which takes root");
    }

    @Test
    void quickIsThreeMinutesWithAFaultEvery45SecondsAndGivenOptionsWin() {
        SoakOptions o = SoakOptions.parse(List.of("--quick", "--mode", "trident", "--rate", "500"));
        assertEquals(List.of(Mode.TRIDENT), o.modes());
        assertEquals(500, o.rate());
        assertEquals(Duration.ofMinutes(3), o.duration());
        assertEquals(Duration.ofSeconds(45), o.every());
        assertEquals(List.of(FaultKind.WORKER, FaultKind.REDIS, FaultKind.BROKER), o.faults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--mode x;                         --mode x: expected core, trident or both",
        "--faults worker,full;             --faults worker,full: 'full' is no fault",
        "--every 10s;                      --every 10s: expected 30s or more",
        "--faults pause --every 45s;       --every 45s: too short for the faults of --faults pause",
        "--duration 2m --every 5m;         --duration 2m: shorter than --every 5m",
        "--rate 0;                         --rate 0: expected requests per second",
        "--duration 0;                     --duration 0: expected more than 0",
        "--seed x;                         --seed x: expected a number",
    })
    void aWrongOptionIsNamed(String argv, String message) {
        Args.UsageException e = assertThrows(Args.UsageException.class,
                () -> SoakOptions.parse(List.of(argv.trim().split(" +"))));
        assertTrue(e.getMessage().startsWith(message.trim()), e.getMessage());
    }
}
