package io.logriver.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JarArgsTest {
    @Test
    void defaultsToTheCoreModeAndItsName() {
        JarArgs a = JarArgs.parse(List.of());
        assertEquals(Mode.CORE, a.mode());
        assertEquals("logriver-core", a.name());
        assertNull(a.config());
    }

    @Test
    void readsEveryOption() {
        JarArgs a = JarArgs.parse(List.of("--mode", "core", "--name", "x", "--config", "f.yaml", "-c", "a=1", "-c", "b=2"));
        assertEquals(new JarArgs(Mode.CORE, "x", Path.of("f.yaml"), List.of("a=1", "b=2")), a);
    }

    @Test
    void takesTheTridentModeWithItsName() {
        assertEquals("logriver-trident", JarArgs.parse(List.of("--mode", "trident")).name());
    }

    @Test
    void rejectsAnUnknownModeNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JarArgs.parse(List.of("--mode", "batch")));
        assertEquals("--mode batch: expected core or trident", e.getMessage());
    }

    @Test
    void rejectsAnOptionWithoutValueAndStrayArguments() {
        assertEquals("--name needs a value",
                assertThrows(IllegalArgumentException.class, () -> JarArgs.parse(List.of("--name"))).getMessage());
        assertEquals("unexpected argument 'extra'", assertThrows(IllegalArgumentException.class,
                () -> JarArgs.parse(List.of("extra", "x"))).getMessage());
    }

    @Test
    void ownOverridesComeAfterTheLogriverKeysOfStormOptions() {
        Map<String, Object> storm = new LinkedHashMap<>();
        storm.put("nimbus.seeds", List.of("h"));
        storm.put("logriver.join.wait.ms", 500L);
        JarArgs a = JarArgs.parse(List.of("-c", "logriver.join.wait.ms=700"));
        assertEquals(List.of("logriver.join.wait.ms=500", "logriver.join.wait.ms=700"), a.overridesAfter(storm));
    }
}
