package io.logriver.storm.trident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.common.TopicPartition;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutBatchMetadata;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutTopicPartition;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.topology.TransactionAttempt;
import org.junit.jupiter.api.Test;

/**
 * What Trident did in the runs that lost records: batch 2 failed; the master coordinator emitted batch 3 (started
 * where 2's failed attempt ended) before 2's replay, and the replay read fewer records than the failed attempt.
 */
class GaplessEmitterTest {
    private static final KafkaTridentSpoutTopicPartition P0 =
            new KafkaTridentSpoutTopicPartition(new TopicPartition("weblogs", 0));
    private static final String TOPOLOGY = "logriver-trident-1-1";


    /**
     * A partition read as Storm's Kafka emitter reads it: from the record after the previous batch's last, as many
     * records as the next poll returns (100 unless the test queued another count). Keeps what each attempt emitted.
     */
    private static final class Partition implements IOpaquePartitionedTridentSpout.Emitter<Object,
            KafkaTridentSpoutTopicPartition, Map<String, Object>> {
        final Deque<Integer> polls = new ArrayDeque<>();
        final Map<TransactionAttempt, List<Long>> emitted = new HashMap<>();
        int calls;

        @Override
        public Map<KafkaTridentSpoutTopicPartition, Map<String, Object>> emitBatchNew(TransactionAttempt tx,
                TridentCollector collector, Set<KafkaTridentSpoutTopicPartition> partitions,
                Map<KafkaTridentSpoutTopicPartition, Map<String, Object>> lastBatchMetaMap) {
            calls++;
            long from = lastBatchMetaMap.get(P0) == null ? 0
                    : KafkaTridentSpoutBatchMetadata.fromMap(lastBatchMetaMap.get(P0)).getLastOffset() + 1;
            int n = polls.isEmpty() ? 100 : polls.poll();
            List<Long> offsets = emitted.computeIfAbsent(tx, k -> new ArrayList<>());
            for (long o = from; o < from + n; o++) {
                offsets.add(o);
            }
            // an empty poll: the last offset is the one before the consumer's position, as Storm's emitter says
            return Map.of(P0, new KafkaTridentSpoutBatchMetadata(n == 0 ? from - 1 : from, from + n - 1, TOPOLOGY)
                    .toMap());
        }

        @Override
        public void refreshPartitions(List<KafkaTridentSpoutTopicPartition> partitionResponsibilities) {
        }

        @Override
        public List<KafkaTridentSpoutTopicPartition> getOrderedPartitions(Object allPartitionInfo) {
            return List.of(P0);
        }

        @Override
        public void close() {
        }
    }

    private final Partition kafka = new Partition();
    private final GaplessEmitter<Object, KafkaTridentSpoutTopicPartition> emitter = new GaplessEmitter<>(kafka);
    /** Each batch's metadata as its latest attempt returned it: where Storm's executor starts the next batch. */
    private final Map<Long, Map<KafkaTridentSpoutTopicPartition, Map<String, Object>>> latest = new HashMap<>();

    /** Emits attempt {@code attempt} of batch {@code txid}, started where batch {@code txid - 1}'s latest ended. */
    private long emit(long txid, int attempt) {
        Map<KafkaTridentSpoutTopicPartition, Map<String, Object>> m = emitter.emitBatchNew(
                new TransactionAttempt(txid, attempt), null, Set.of(P0), latest.getOrDefault(txid - 1, Map.of()));
        latest.put(txid, m);
        return KafkaTridentSpoutBatchMetadata.fromMap(m.get(P0)).getLastOffset();
    }

    @Test
    void aReplayEmittedAfterTheNextBatchReadsOnToWhereThatBatchStarts() {
        assertEquals(99, emit(1, 0));
        assertEquals(199, emit(2, 0)); // fails in its commit phase
        // the master coordinator emits 3 before 2's replay: 3 starts after 199, where 2's failed attempt ended
        assertEquals(299, emit(3, 0));
        kafka.polls.add(0); // 2's replay: the first poll brings nothing, the next one 100 records
        assertEquals(199, emit(2, 1), "2's replay reads on to where 3 starts");

        List<Long> committed = new ArrayList<>();
        for (TransactionAttempt a : List.of(new TransactionAttempt(1L, 0), new TransactionAttempt(2L, 1),
                new TransactionAttempt(3L, 0))) {
            committed.addAll(kafka.emitted.get(a));
        }
        assertEquals(LongStream.rangeClosed(0, 299).boxed().toList(), committed,
                "the committed attempts hold every offset once: without the guard, 2's replay ends at 99 and 100..199 "
                        + "are in no committed batch");
    }

    @Test
    void batchesInOrderAreReadOncePerAttempt() {
        kafka.polls.add(30);
        assertEquals(29, emit(1, 0));
        assertEquals(129, emit(2, 0));
        assertEquals(229, emit(3, 0));
        kafka.polls.add(50);
        assertEquals(179, emit(3, 1), "a replay of the latest batch reads as Storm's emitter does");
        assertEquals(4, kafka.calls);
    }

    @Test
    void aRecordingSeesEachBatchWithTheRecordsItRead() throws Exception {
        Path file = Files.createTempFile("gapless", ".jfr");
        try (Recording r = new Recording()) {
            r.enable(BatchEvents.Emit.NAME);
            r.start();
            kafka.polls.add(30);
            emit(1, 0);
            kafka.polls.add(0); // an empty read repeats where the batch before it ended: none read
            emit(2, 0);
            emit(3, 0);
            r.stop();
            r.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.getLong("txid")).toList());
            assertEquals(List.of(30L, 0L, 100L), events.stream().map(e -> e.getLong("records")).toList());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
