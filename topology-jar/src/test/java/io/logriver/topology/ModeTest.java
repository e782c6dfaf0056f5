package io.logriver.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logriver.config.LogriverConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModeTest {
    @Test
    void theModesAreTheConfigurationsProfiles() {
        assertEquals(LogriverConfig.MODES, Mode.ids());
    }

    @Test
    void findsAModeByItsIdOnly() {
        assertEquals(Optional.of(Mode.TRIDENT), Mode.find("trident"));
        assertEquals(Optional.empty(), Mode.find("TRIDENT"));
        assertEquals(Optional.empty(), Mode.find("batch"));
    }

    @Test
    void namesATopologyAfterItsMode() {
        assertEquals("logriver-core", Mode.CORE.defaultName());
        assertEquals("logriver-trident", Mode.TRIDENT.defaultName());
    }
}
