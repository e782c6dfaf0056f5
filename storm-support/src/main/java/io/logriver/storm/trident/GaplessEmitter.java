package io.logriver.storm.trident;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.storm.kafka.spout.trident.KafkaTridentSpoutBatchMetadata;
import org.apache.storm.trident.operation.TridentCollector;
import org.apache.storm.trident.spout.IOpaquePartitionedTridentSpout;
import org.apache.storm.trident.spout.ISpoutPartition;
import org.apache.storm.trident.topology.TransactionAttempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storm's Kafka emitter, kept from skipping records when Trident emits batches out of order. Storm's opaque spout
 * executor starts each batch where the latest emitted attempt of the batch before it ended, committed or not. That is
 * right while batches are emitted in transaction order, but the master coordinator can emit batch N+1 before the
 * replay of a failed batch N (its emit-interval throttle, or a spout's coordinator, may hold N back and let N+1
 * through a moment later). N+1 then starts where N's failed attempt ended, while the replay of N, an opaque re-read,
 * may end earlier (a poll returns what the broker has at hand): the records in between were in no committed batch.
 * That lost about a batch of requests in one of twenty TridentReplayIT runs, and one run stalled with its
 * end-of-input marker skipped. Here a batch emitted when a later one already was reads on until it
 * reaches where the later batch starts; records read twice are dropped by the partition stage, which keeps each
 * partition's last offset.
 */
final class GaplessEmitter<P, T extends ISpoutPartition> extends ForwardingEmitter<P, T, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(GaplessEmitter.class);
    /** How long a batch reads on to reach a later batch's start before it gives up (and says so). */
    static final long REACH_DEADLINE_MS = 10_000;
    /** How many batches back the starts of emitted batches are kept (more than Trident ever has in flight). */
    private static final int KEPT = 64;

    /** For each emitted batch, where its partitions started: the end of the batch before it, as given. */
    private final TreeMap<Long, Map<T, Map<String, Object>>> startedAfter = new TreeMap<>();

    GaplessEmitter(IOpaquePartitionedTridentSpout.Emitter<P, T, Map<String, Object>> emitter) {
        super(emitter);
    }

    @Override
    public Map<T, Map<String, Object>> emitBatchNew(TransactionAttempt tx, TridentCollector collector,
                                                    Set<T> partitions, Map<T, Map<String, Object>> lastBatchMetaMap) {
        long txid = tx.getTransactionId();
        BatchEvents.Emit event = new BatchEvents.Emit();
        event.begin();
        Map.Entry<Long, Map<T, Map<String, Object>>> later = startedAfter.higherEntry(txid);
        Map<T, Map<String, Object>> metas = new HashMap<>(
                emitter.emitBatchNew(tx, collector, partitions, lastBatchMetaMap));
        if (later != null) {
            reach(tx, collector, metas, later.getKey(), later.getValue());
        }
        if (startedAfter.isEmpty()) { // this emitter's first batch: where a started (or restarted) worker goes on from
            LOG.info("first batch {} of this emitter: after {}, read {}", tx, lastBatchMetaMap, metas);
        }
        startedAfter.put(txid, lastBatchMetaMap);
        startedAfter.headMap(txid - KEPT).clear();
        if (event.shouldCommit()) {
            event.txid = txid;
            event.records = read(metas, lastBatchMetaMap);
            event.commit();
        }
        return metas;
    }

    /** The records a batch read: from where the batch before it ended (an empty read repeats that end). */
    private static <T> long read(Map<T, Map<String, Object>> metas, Map<T, Map<String, Object>> before) {
        long n = 0;
        for (Map.Entry<T, Map<String, Object>> e : metas.entrySet()) {
            KafkaTridentSpoutBatchMetadata m = KafkaTridentSpoutBatchMetadata.fromMap(e.getValue());
            Map<String, Object> previous = before.get(e.getKey());
            n += m.getLastOffset() - (previous == null ? m.getFirstOffset() - 1 : lastOffset(previous));
        }
        return n;
    }

    /** Reads on, partition by partition, until each reaches where batch {@code laterTxid} started. */
    private void reach(TransactionAttempt tx, TridentCollector collector, Map<T, Map<String, Object>> metas,
                       long laterTxid, Map<T, Map<String, Object>> laterStart) {
        long deadline = System.currentTimeMillis() + REACH_DEADLINE_MS;
        Set<T> behind = behind(metas, laterStart);
        if (!behind.isEmpty()) {
            LOG.info("batch {} emitted after batch {}, which started further on: reading on to there ({})", tx,
                    laterTxid, behind);
        }
        while (!behind.isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                LOG.error("batch {} could not read up to where batch {} starts within {} ms: {} may have skipped "
                        + "records", tx, laterTxid, REACH_DEADLINE_MS, behind);
                return;
            }
            Map<T, Map<String, Object>> from = new HashMap<>();
            behind.forEach(p -> from.put(p, metas.get(p)));
            emitter.emitBatchNew(tx, collector, behind, from).forEach((p, m) -> metas.put(p, joined(metas.get(p), m)));
            behind = behind(metas, laterStart);
        }
    }

    /** The partitions whose batch ends before {@code laterStart}. */
    private Set<T> behind(Map<T, Map<String, Object>> metas, Map<T, Map<String, Object>> laterStart) {
        Set<T> behind = new HashSet<>();
        laterStart.forEach((p, start) -> {
            Map<String, Object> m = metas.get(p);
            if (start != null && m != null && lastOffset(m) < lastOffset(start)) {
                behind.add(p);
            }
        });
        return behind;
    }

    /** One batch's metadata from two reads: from the first one's first offset to the second one's last. */
    private static Map<String, Object> joined(Map<String, Object> first, Map<String, Object> second) {
        KafkaTridentSpoutBatchMetadata a = KafkaTridentSpoutBatchMetadata.fromMap(first);
        KafkaTridentSpoutBatchMetadata b = KafkaTridentSpoutBatchMetadata.fromMap(second);
        return new KafkaTridentSpoutBatchMetadata(Math.min(a.getFirstOffset(), b.getFirstOffset()), b.getLastOffset(),
                b.getTopologyId()).toMap();
    }

    private static long lastOffset(Map<String, Object> meta) {
        return KafkaTridentSpoutBatchMetadata.fromMap(meta).getLastOffset();
    }
}
