package io.logriver.launcher.bench;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.kafka.Topics;
import io.logriver.logic.FilterRules;
import io.logriver.logic.FutureTimeRule;
import io.logriver.logic.ParseResult;
import io.logriver.logic.Request;
import io.logriver.logic.RequestParser;
import io.logriver.peers.Latencies;
import io.logriver.peers.Peer;
import io.logriver.peers.PeerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One point of a peer's sweep: the peer's job on topics of its own, fed by the same open-loop generator at a fixed
 * rate and measured as a Storm topology is ({@link PointMeasurement}). The peers do not count what they filter, so
 * the generator counts the requests logriver's parser and filter rules turn down; a request is finished when it is
 * applied to its window or is one of those. A late request is neither (a few in a thousand: within the 2 % of the
 * sustained-rate rule).
 */
final class PeerRun {
    private final Topics topics;
    private final List<String> usedTopics;
    private final Path workDir;
    private final PointMeasurement points;

    /**
     * @param usedTopics where the topics of each run are listed (the peer's internal ones too), for the caller to delete
     * @param workDir    the peers' local state and logs
     */
    PeerRun(Topics topics, Progress progress, List<String> usedTopics, Path workDir, Path profiles,
            BooleanSupplier stopRequested) {
        this.topics = topics;
        this.usedTopics = usedTopics;
        this.workDir = workDir;
        this.points = new PointMeasurement(progress, profiles, stopRequested);
    }

    BenchPoint run(LogriverConfig base, PeerEngine engine, long rate, Duration warmUp, Duration measure, String id)
            throws Exception {
        String name = "bench-" + engine.id() + "-" + rate + "-" + id;
        LogriverConfig c = topics.ensure(BenchRun.forRun(base, name, Map.of()), 1);
        usedTopics.addAll(List.of(c.topics().weblogs(), c.topics().sessions(), c.topics().stats(), c.topics().dlq()));
        usedTopics.addAll(engine.internalTopics(name));
        PeerSettings settings = PeerSettings.of(c, name, workDir);
        try (Peer peer = engine.create(settings)) {
            peer.start();
            try (LoadGenerator generator = new LoadGenerator(c.bootstrapServers(), c.topics().weblogs(),
                    c.topics().sessions(), (int) rate, new RecordGenerator(c.generator().seed(), c.generator().sessions(),
                    true), reachesWindow(settings))) {
                return points.measure(engine.id(), engine.setting(), rate, generator, probe(engine, peer, generator),
                        warmUp, measure, name);
            }
        }
    }

    /** logriver's rules for a request that reaches a window: valid (parser, future-time rule) and not filtered. */
    static Predicate<byte[]> reachesWindow(PeerSettings s) {
        FutureTimeRule future = s.futureTimeRule();
        FilterRules rules = s.filterRules();
        return bytes -> {
            ParseResult<Request> r = RequestParser.parse(bytes, future);
            return r.isOk() && rules.accepts(r.value());
        };
    }

    /** The peer's latencies, and its records finished since the point began (this JVM's probe counts earlier ones). */
    private static PointProbe probe(PeerEngine engine, Peer peer, LoadGenerator generator) {
        Latencies latencies = peer.latencies();
        long appliedBefore = latencies.applied();
        return new PointProbe(latencies, () -> latencies.applied() - appliedBefore + generator.neverApplied(),
                () -> engine.ownJvmCpu(peer));
    }
}
