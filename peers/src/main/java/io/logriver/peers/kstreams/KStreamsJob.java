package io.logriver.peers.kstreams;

import io.logriver.config.LogriverConfig;
import io.logriver.logic.AppliedHook;
import io.logriver.logic.parse.DeadLetter;
import io.logriver.logic.parse.FilterRules;
import io.logriver.logic.parse.FutureTimeRule;
import io.logriver.logic.parse.Session;
import io.logriver.logic.window.DurationStats;
import io.logriver.logic.window.WindowResult;
import io.logriver.peers.Hit;
import io.logriver.peers.Incoming;
import io.logriver.peers.Measure;
import io.logriver.peers.OrgUrl;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * logriver's job in the Kafka Streams DSL: requests parsed (invalid ones dead-lettered) and filtered, joined with the
 * session table (a GlobalKTable), aggregated per (orgID, URL) in tumbling event-time windows with the lateness as
 * grace, and {@code suppress}ed until each window closes, so every window key is written once.
 */
public final class KStreamsJob {
    /** Store and processor names: they name the internal topics (APPLICATION_ID-NAME-changelog, -repartition). */
    static final String SESSIONS = "sessions";
    static final String BY_ORG_URL = "by-org-url";
    static final String WINDOWS = "windows";

    private KStreamsJob() {
    }

    public static Topology build(LogriverConfig c) {
        LogriverConfig.Topics t = c.topics();
        FutureTimeRule future = FutureTimeRule.of(c.maxFutureMs());
        StreamsBuilder b = new StreamsBuilder();
        GlobalKTable<String, Session> sessions = b.globalTable(t.sessions(),
                Consumed.with(Serdes.String(), PeerSerdes.session()).withName(SESSIONS),
                Materialized.<String, Session, KeyValueStore<Bytes, byte[]>>as(SESSIONS));
        Map<String, KStream<String, Incoming>> parsed = b.stream(t.weblogs(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("weblogs"))
                .process(() -> new ParseRequests(future), Named.as("parse"))
                .split(Named.as("parse-"))
                .branch((k, in) -> in.isValid(), Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));
        parsed.get("parse-invalid")
                .map((k, in) -> deadLetter(in.deadLetter(t.weblogs())), Named.as("dead-letter"))
                .to(t.dlq(), Produced.with(Serdes.String(), Serdes.String()).withName("to-dlq"));
        FilterRules rules = new FilterRules(c.dropLevels(), c.dropUrlPrefixes());
        long size = c.windowSizeMs();
        parsed.get("parse-valid")
                .filter((k, in) -> rules.accepts(in.request()), Named.as("filter"))
                .leftJoin(sessions, (k, in) -> in.request().sessionID(), Hit::of, Named.as("join"))
                .map((k, hit) -> KeyValue.pair(hit.key(), hit.measure()), Named.as("key-by-org-url"))
                .groupByKey(Grouped.with(BY_ORG_URL, PeerSerdes.orgUrl(), PeerSerdes.measure()))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMillis(size), Duration.ofMillis(c.latenessMs())))
                .aggregate(DurationStats::new, add(LogriverConfig.newLatencyHook(c.latencyHook())), Named.as("aggregate"),
                        Materialized.<OrgUrl, DurationStats, WindowStore<Bytes, byte[]>>as(WINDOWS)
                                .withKeySerde(PeerSerdes.orgUrl()).withValueSerde(PeerSerdes.durationStats()))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName("until-closed"))
                .toStream(Named.as("final"))
                .map((w, stats) -> windowRecord(w.key().finalResult(w.window().start(), size, stats)),
                        Named.as("window-record"))
                .to(t.stats(), Produced.with(Serdes.String(), Serdes.String()).withName("to-stats"));
        return b.build();
    }

    /** Adds a request to its window's aggregate: the point where the probe counts it as applied. */
    private static Aggregator<OrgUrl, Measure, DurationStats> add(AppliedHook hook) {
        return (key, m, stats) -> {
            stats.add(m.durationMillis(), m.error());
            m.applied(hook);
            return stats;
        };
    }

    private static KeyValue<String, String> deadLetter(DeadLetter d) {
        return KeyValue.pair(d.kafkaKey(), d.toJson());
    }

    private static KeyValue<String, String> windowRecord(WindowResult r) {
        return KeyValue.pair(r.kafkaKey(), r.toJson());
    }
}
