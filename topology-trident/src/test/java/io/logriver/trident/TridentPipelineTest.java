package io.logriver.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.core.Names;
import java.util.List;
import org.apache.storm.generated.StormTopology;
import org.junit.jupiter.api.Test;

class TridentPipelineTest {
    private final LogriverConfig config = ConfigLoader.defaultConfig();
    private final StormTopology topology = TridentPipeline.build(config);

    @Test
    void bothSpoutsRunUnderOneBatchCoordinator() {
        // Two coordinators would mean two batch groups whose transaction ids collide in the bolt that holds the
        // session state and the join's query: Storm then hands a batch to processors that never started it.
        List<String> coordinators = topology.get_spouts().keySet().stream()
                .filter(id -> id.startsWith("$mastercoord-")).toList();
        assertEquals(1, coordinators.size(), "master batch coordinators: " + coordinators);
    }

    @Test
    void spoutsKeepTheirNamesForTheUi() {
        String spouts = String.join(" ", topology.get_bolts().keySet());
        assertTrue(spouts.contains(Names.WEBLOGS_SPOUT), spouts);
        assertTrue(spouts.contains(Names.SESSIONS_SPOUT), spouts);
    }
}
