package io.logriver.storm.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.logriver.config.ConfigLoader;
import io.logriver.trident.TridentHarness;
import io.logriver.trident.TridentKafka;
import io.logriver.trident.TridentPipeline;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutTopicPartition;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.topology.TransactionAttempt;
import org.junit.jupiter.api.Test;

/**
 * A spout task that Trident gave no partition (more tasks than partitions) emits empty batches: Storm's Kafka emitter,
 * asked for one, polls a consumer with nothing assigned and throws ("Consumer is not subscribed to any topics or
 * assigned any partitions"), which halted the worker with logriver.trident.parallelism above the partition count.
 */
class SpareTaskSafeEmitterTest {
    private static final KafkaTridentSpoutTopicPartition P0 =
            new KafkaTridentSpoutTopicPartition(new TopicPartition("weblogs", 0));

    @SuppressWarnings("unchecked")
    private final IOpaquePartitionedTridentSpout.Emitter<List<Map<String, Object>>, KafkaTridentSpoutTopicPartition,
            Map<String, Object>> storms = mock(IOpaquePartitionedTridentSpout.Emitter.class);
    private final SpareTaskSafeEmitter<List<Map<String, Object>>, KafkaTridentSpoutTopicPartition,
            Map<String, Object>> emitter = new SpareTaskSafeEmitter<>(storms);
    private final TridentHarness h = new TridentHarness();

    @Test
    void aTaskWithoutPartitionsEmitsAnEmptyBatchWithoutPolling() {
        when(storms.emitBatchNew(any(), any(), anySet(), anyMap())).thenThrow(new IllegalStateException(
                "Consumer is not subscribed to any topics or assigned any partitions"));
        emitter.refreshPartitions(List.of());

        assertEquals(Map.of(), emitter.emitBatchNew(new TransactionAttempt(1L, 0), h.rows, Set.of(), Map.of()));
        assertTrue(h.emitted().isEmpty());
        verify(storms, never()).emitBatchNew(any(), any(), anySet(), anyMap());
        verify(storms).refreshPartitions(List.of());
    }

    @Test
    void aTaskWithPartitionsEmitsWhatStormsEmitterEmits() {
        Map<KafkaTridentSpoutTopicPartition, Map<String, Object>> meta = Map.of(P0, Map.of("firstOffset", 0L));
        when(storms.emitBatchNew(any(), any(), anySet(), anyMap())).thenReturn(meta);

        assertEquals(meta, emitter.emitBatchNew(new TransactionAttempt(1L, 0), h.rows, Set.of(P0), Map.of()));
        verify(storms).emitBatchNew(any(), any(), anySet(), anyMap());
    }

    @Test
    void theProductionSpoutsAreGuardedAndTheirEmittersKeepSpareTasksSafe() {
        TridentPipeline.Sources sources = TridentKafka.sources(ConfigLoader.defaultConfig());
        assertTrue(sources.weblogs() instanceof GuardedKafkaSpout<?>, "" + sources.weblogs());
        assertTrue(sources.sessions() instanceof GuardedKafkaSpout<?>, "" + sources.sessions());

        @SuppressWarnings("unchecked")
        IOpaquePartitionedTridentSpout<List<Map<String, Object>>, KafkaTridentSpoutTopicPartition, Map<String, Object>>
                kafka = mock(IOpaquePartitionedTridentSpout.class);
        when(kafka.getEmitter(any(), any())).thenReturn(storms);
        when(storms.emitBatchNew(any(), any(), anySet(), anyMap())).thenThrow(new IllegalStateException(
                "Consumer is not subscribed to any topics or assigned any partitions"));
        IOpaquePartitionedTridentSpout.Emitter<List<Map<String, Object>>, KafkaTridentSpoutTopicPartition,
                Map<String, Object>> guarded = new GuardedKafkaSpout<>(kafka, "127.0.0.1:1", "tx").getEmitter(Map.of(),
                null);
        assertEquals(Map.of(), guarded.emitBatchNew(new TransactionAttempt(1L, 0), h.rows, Set.of(), Map.of()));
    }
}
