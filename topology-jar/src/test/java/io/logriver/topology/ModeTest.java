package io.logriver.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logriver.config.ConfigLoader;
import io.logriver.config.LogriverConfig;
import io.logriver.config.ModeProfile;
import io.logriver.names.Names;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeTest {
    @Test
    void theModesAreTheConfigurationsProfiles() {
        for (Mode m : Mode.values()) {
            assertEquals(m.name(), m.profile().name());
            assertEquals(m.id(), m.profile().id());
        }
        assertEquals(ModeProfile.values().length, Mode.values().length);
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

    /** Metrics as a map of "metric" or "metric@component" to sums; registered names for count(); Nimbus's status. */
    private record Probe(Map<String, Long> sums, List<String> registered, boolean active) implements TopologyProbe {
        @Override
        public long sum(String metric, String component) {
            return sums.getOrDefault(component == null ? metric : metric + "@" + component, 0L);
        }

        @Override
        public int count(String component, String part) {
            return (int) registered.stream().filter(r -> r.equals(component + ":" + part)).count();
        }
    }

    @Test
    void coreIsReadyOnceItsSpoutHasPartitionsAndItsPartitionStageItsSessions() throws Exception {
        assertEquals(false, Mode.CORE.ready(new Probe(Map.of(), List.of(Names.WEBLOGS_SPOUT + ":kafkaOffset"), true)));
        assertEquals(true, Mode.CORE.ready(new Probe(Map.of(), List.of(Names.WEBLOGS_SPOUT + ":kafkaOffset",
                Names.PARTITION_STAGE + ":" + Names.M_SESSIONS), false)));
        assertEquals(true, Mode.TRIDENT.ready(new Probe(Map.of(), List.of(), true)), "Trident: active on Nimbus");
        assertEquals(false, Mode.TRIDENT.ready(new Probe(Map.of(), List.of(), false)));
    }

    @Test
    void coreHasEndedWhenEverySinkTaskHasEveryEndMarker() {
        LogriverConfig c = ConfigLoader.defaultConfig(); // 2 partitions, one task per stage
        Map<String, Long> sums = new HashMap<>(Map.of(
                Names.M_END_OF_INPUT + "." + Names.PARTITION_STAGE + "@" + Names.SINK, 2L,
                Names.M_END_OF_INPUT + "." + Names.PARSE_SESSIONS + "@" + Names.SINK, 1L));
        assertEquals(false, Mode.CORE.ended(new Probe(sums, List.of(), true), c, true), "no aggregator's end yet");
        sums.put(Names.M_END_OF_INPUT + "." + Names.AGGREGATE + "@" + Names.SINK, 1L);
        assertEquals(true, Mode.CORE.ended(new Probe(sums, List.of(), true), c, false));
    }

    @Test
    void tridentHasEndedWhenItsClosersDrainedAndEveryRecordTheyEmittedIsWritten() {
        LogriverConfig c = ConfigLoader.defaultConfig();
        Map<String, Long> sums = new HashMap<>(Map.of(Names.M_END_OF_INPUT, 1L, Names.M_WINDOWS, 10L,
                Names.M_SINK_WRITTEN + ".stats", 9L, Names.M_INVALID, 3L, Names.M_SINK_WRITTEN + ".dlq", 3L));
        assertEquals(false, Mode.TRIDENT.ended(new Probe(sums, List.of(), true), c, true), "a window not written yet");
        sums.put(Names.M_SINK_WRITTEN + ".stats", 10L);
        assertEquals(true, Mode.TRIDENT.ended(new Probe(sums, List.of(), true), c, false));
        sums.put(Names.M_LATE, 2L);
        assertEquals(false, Mode.TRIDENT.ended(new Probe(sums, List.of(), true), c, false), "dead letters to come");
        assertEquals(true, Mode.TRIDENT.ended(new Probe(sums, List.of(), true), c, true), "none for a while: done");
    }

    @Test
    void aLiveTridentRunStartsAtItsFirstRecordAndCoreAsConfigured() {
        LogriverConfig c = ConfigLoader.defaultConfig();
        assertEquals(c, Mode.CORE.forLiveRun(c, 1_700_000_000_000L));
        LogriverConfig t = Mode.TRIDENT.forLiveRun(c, 1_700_000_000_000L);
        assertEquals("UNCOMMITTED_TIMESTAMP", t.firstPoll());
        assertEquals(1_700_000_000_000L, t.startTimestampMs());
    }

    @Test
    void aTopologyOnNimbusIsTridentWhenItHasAMasterBatchCoordinator() {
        LogriverConfig c = ConfigLoader.defaultConfig();
        assertEquals(Mode.TRIDENT, Mode.of(Mode.TRIDENT.topology(c)));
        assertEquals(Mode.CORE, Mode.of(Mode.CORE.topology(c)));
    }
}
