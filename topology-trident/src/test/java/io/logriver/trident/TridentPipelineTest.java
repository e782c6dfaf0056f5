package io.logriver.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.names.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.generated.StreamInfo;
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

    @Test
    void theStagesTypedBatchValuesNeverLeaveTheirBolt() {
        // a batch's arrivals, the stage's output and the merger's input are plain Java objects, not registered with
        // Kryo: a tuple that carries one to a task of another worker halts the worker
        Set<String> typed = Set.of(CollectArrivals.OUTPUT.get(0), StageUpdater.OUTPUT.get(0), MergerInput.OUTPUT.get(0));
        Map<String, Map<String, StreamInfo>> streams = new HashMap<>();
        topology.get_bolts().forEach((id, b) -> streams.put(id, b.get_common().get_streams()));
        topology.get_spouts().forEach((id, s) -> streams.put(id, s.get_common().get_streams()));
        topology.get_bolts().forEach((id, b) -> b.get_common().get_inputs().keySet().forEach(in -> {
            List<String> fields = streams.get(in.get_componentId()).get(in.get_streamId()).get_output_fields();
            assertTrue(fields.stream().noneMatch(typed::contains), in + " -> " + id + " carries " + fields);
        }));
    }
}
