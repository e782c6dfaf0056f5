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
    void boltsAreNamedAfterTheirStagesOnly() {
        // Trident names a bolt "b-N-" and the names of its nodes; merged streams must not repeat the spouts' names
        List<String> bolts = topology.get_bolts().keySet().stream().filter(id -> id.startsWith("b-")).sorted().toList();
        assertTrue(bolts.stream().anyMatch(id -> id.contains(Names.PARSE_SESSIONS)), bolts.toString());
        assertTrue(bolts.stream().anyMatch(id -> id.contains(Names.JOIN)), bolts.toString());
        assertTrue(bolts.stream().noneMatch(id -> id.contains(Names.WEBLOGS_SPOUT + "-" + Names.WEBLOGS_SPOUT)
                || id.contains(Names.SESSIONS_SPOUT)), bolts.toString());
    }
}
