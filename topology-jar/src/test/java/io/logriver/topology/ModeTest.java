package io.logriver.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logriver.config.LogriverConfig;
import org.junit.jupiter.api.Test;

class ModeTest {
    @Test
    void theModesAreTheConfigurationsProfiles() {
        assertEquals(LogriverConfig.MODES, Mode.ids());
    }

    @Test
    void findsAModeByItsIdOnly() {
        assertEquals(Mode.TRIDENT, Mode.named("trident"));
        assertEquals("--mode TRIDENT: expected core or trident",
                assertThrows(IllegalArgumentException.class, () -> Mode.named("TRIDENT")).getMessage());
        assertEquals("--mode batch: expected core or trident",
                assertThrows(IllegalArgumentException.class, () -> Mode.named("batch")).getMessage());
    }

    @Test
    void namesATopologyAfterItsMode() {
        assertEquals("logriver-core", Mode.CORE.defaultName());
        assertEquals("logriver-trident", Mode.TRIDENT.defaultName());
    }
}
