package io.logriver.launcher.soak;

import io.logriver.config.LogriverConfig;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.StopSignal;
import io.logriver.launcher.cluster.ClusterFaults;
import io.logriver.launcher.cluster.ClusterState;
import io.logriver.launcher.generator.LoadGenerator;
import io.logriver.launcher.generator.RecordGenerator;
import io.logriver.launcher.soak.check.Durations;
import io.logriver.launcher.soak.check.LagTracker;
import io.logriver.launcher.soak.check.SoakReference;
import io.logriver.launcher.soak.check.WindowCheck;
import io.logriver.launcher.soak.check.WindowLog;
import io.logriver.launcher.soak.fault.FaultEvent;
import io.logriver.launcher.soak.fault.FaultKind;
import io.logriver.launcher.soak.fault.FaultSchedule;
import io.logriver.launcher.soak.fault.Recovery;
import io.logriver.process.Deadline;
import io.logriver.topology.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One soak on a dev cluster whose topologies are submitted: the sessions first, then the load; once every mode has
 * written a window and caught up with the load (lag under 1 s for 10 s), the clock starts, faults strike on their schedule, the lag is read every second and a sample taken
 * every 10 s, a progress line every minute. When the load ends, each mode is given up to five minutes to write the
 * windows the reference closed; then the checks.
 */
final class SoakRun {
    private static final int SESSIONS = 400;
    private static final Duration READY = Duration.ofMinutes(4);
    /** Seconds in a row of lag under 1 s in every mode before the load's clock starts. */
    private static final int STEADY_SECONDS = 10;
    private static final Duration DRAIN = Duration.ofMinutes(5);
    private static final long SAMPLE_MS = 10_000;
    private static final long PROGRESS_MS = 60_000;
    /** How often each worker is asked for a full collection, whose GC log line gives its live set. */
    private static final Duration LIVE_SET_PERIOD = Duration.ofMinutes(1);
    /** How long a {@code commit} fault waits for a topology to write its state (a checkpoint or a batch). */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    private final SoakOptions options;
    private final Map<String, LogriverConfig> modes;
    private final ClusterFaults faults;
    private final ClusterState state;
    private final Progress progress;
    private final StopSignal stop;
    private final Map<String, WindowLog> logs = new LinkedHashMap<>();
    private final Map<String, LagTracker> lags = new LinkedHashMap<>();
    private final Map<String, List<Recovery.LagPoint>> lagSeries = new LinkedHashMap<>();
    private final Map<String, Long> lagMax = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<FaultEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Long> liveHeaps = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService collector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-live-set");
        t.setDaemon(true);
        return t;
    });
    private SoakReference reference;
    private long t0;

    SoakRun(SoakOptions options, Map<String, LogriverConfig> modes, ClusterFaults faults, ClusterState state,
            Progress progress, StopSignal stop) {
        this.options = options;
        this.modes = modes;
        this.faults = faults;
        this.state = state;
        this.progress = progress;
        this.stop = stop;
    }

    static String topologyName(String mode) {
        return "soak-" + mode;
    }

    SoakResult run() throws Exception {
        LogriverConfig any = modes.values().iterator().next();
        RecordGenerator records = RecordGenerator.withFixedSessions(options.seed(), SESSIONS);
        List<String> sessions = records.fixedSessionRecords(System.currentTimeMillis());
        publish(any, sessions);
        reference = new SoakReference(any.topics().partitions(), any.windowSizeMs(), any.latenessMs(), sessions);
        Instant started = Instant.now();
        Thread injector = null;
        try (Probes probes = new Probes(state.redis(), state.kafka())) {
            for (Map.Entry<String, LogriverConfig> m : modes.entrySet()) {
                logs.put(m.getKey(), new WindowLog(state.kafka(), m.getValue().topics().stats()));
                lags.put(m.getKey(), new LagTracker(reference));
                lagSeries.put(m.getKey(), new ArrayList<>());
            }
            LoadGenerator generator = LoadGenerator.exact(state.kafka(), any.topics().weblogs(), options.rate(), records,
                    (line, partition, offset) -> reference.accept(partition, offset, line, System.currentTimeMillis()));
            long loadedMs;
            try (generator) {
                generator.start();
                awaitCaughtUp();
                t0 = System.currentTimeMillis();
                FaultSchedule schedule = FaultSchedule.plan(options.seed(), options.faults(), options.every(),
                        options.duration());
                progress.say(String.format("soak: every mode has caught up (lag under 1 s for %d s); load for %s, %d faults "
                        + "planned", STEADY_SECONDS,
                        Durations.text(options.duration()), schedule.faults().size()));
                injector = new Thread(() -> inject(schedule), "soak-faults");
                injector.setDaemon(true);
                injector.start();
                collector.scheduleWithFixedDelay(this::collectGarbage, 0, LIVE_SET_PERIOD.toMillis(),
                        TimeUnit.MILLISECONDS);
                loadedMs = follow(generator, probes, t0 + options.duration().toMillis(), true);
                injector.interrupt();
                injector.join(TimeUnit.MINUTES.toMillis(2));
            } // closed: every request sent has been taken or refused
            progress.say(String.format("soak: load over after %s; waiting up to %d min for the windows it closed",
                    Durations.text(Duration.ofMillis(loadedMs)), DRAIN.toMinutes()));
            drain(probes);
            return result(started, Duration.ofMillis(loadedMs));
        } finally {
            collector.shutdownNow();
            if (injector != null) {
                injector.interrupt();
                injector.join(TimeUnit.MINUTES.toMillis(2)); // a paused worker is continued before the cluster goes down
            }
            for (WindowLog log : logs.values()) {
                log.close();
            }
        }
    }

    private void publish(LogriverConfig c, List<String> sessions) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String s : sessions) {
                String id = s.substring(s.indexOf("\"sessionID\":\"") + 13, s.indexOf("\",\"userID\""));
                producer.send(new ProducerRecord<>(c.topics().sessions(), id, s));
            }
            producer.flush();
        }
        progress.say(String.format("soak: %,d sessions published to %s", sessions.size(), c.topics().sessions()));
    }

    private void awaitCaughtUp() throws InterruptedException {
        Deadline deadline = Deadline.in(READY);
        while (logs.values().stream().anyMatch(l -> l.keys() == 0)) {
            if (deadline.passed() || stop.stopping()) {
                throw new IllegalStateException("no window from " + String.join(", ", logs.entrySet().stream()
                        .filter(e -> e.getValue().keys() == 0).map(e -> topologyName(e.getKey())).toList())
                        + " within " + READY.toMinutes() + " min of the load's start (see the workers' logs under "
                        + "the soak's cluster)");
            }
            Thread.sleep(500);
        }
        int steadySeconds = 0;
        while (steadySeconds < STEADY_SECONDS) { // the backlog of the start drained: faults find a steady topology
            if (deadline.passed() || stop.stopping()) {
                throw new IllegalStateException("the topologies did not catch up with the load (lag under 1 s) within "
                        + READY.toMinutes() + " min of its start: lower --rate");
            }
            Thread.sleep(1000);
            long now = System.currentTimeMillis();
            boolean steady = logs.entrySet().stream().allMatch(m -> lags.get(m.getKey())
                    .lagMillis(now, m.getValue()::has) < Recovery.RECOVERED_MS);
            steadySeconds = steady ? steadySeconds + 1 : 0;
        }
    }

    private void inject(FaultSchedule schedule) {
        Random random = new Random(options.seed());
        List<String> names = modes.keySet().stream().map(SoakRun::topologyName).toList();
        for (FaultSchedule.Planned f : schedule.faults()) {
            try {
                long wait = t0 + f.at().toMillis() - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException e) {
                return;
            }
            long start = System.currentTimeMillis() - t0;
            String what;
            String error = null;
            try {
                what = strike(f.kind(), names, random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                what = "interrupted";
            } catch (Exception | LinkageError e) {
                what = "";
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long end = f.kind() == FaultKind.WORKER ? start : System.currentTimeMillis() - t0;
            FaultEvent ev = new FaultEvent(f.kind(), start, end, what, error);
            events.add(ev);
            progress.say("soak: fault " + events.size() + " " + f.kind().id() + " at "
                    + Durations.clock(Duration.ofMillis(start)) + ": " + (error == null ? what : "FAILED: " + error));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private String strike(FaultKind kind, List<String> names, Random random) throws Exception {
        return switch (kind) {
            case WORKER -> "kill -9 of worker pids " + faults.killWorkers(names, random);
            case COMMIT -> "kill -9 of worker pids " + faults.killWorkersMidWrite(statePrefixes(), COMMIT_WAIT)
                    + ", each as Redis was asked to write its state";
            case PAUSE -> "SIGSTOP of worker pids " + faults.pauseWorkers(names, random, kind.outage()) + " for "
                    + kind.outage().toSeconds() + " s, then SIGCONT";
            case BROKER -> {
                faults.stopBroker(kind.outage());
                yield "broker stopped, started again " + kind.outage().toSeconds() + " s later";
            }
            case REDIS -> {
                faults.killRedis(kind.outage());
                yield "kill -9 of Redis, started again " + kind.outage().toSeconds() + " s later";
            }
            case NIMBUS -> {
                faults.killNimbus(kind.outage());
                yield "kill -9 of Nimbus, started again " + kind.outage().toSeconds() + " s later";
            }
            case ZOOKEEPER -> {
                faults.killZookeeper(kind.outage());
                yield "kill -9 of ZooKeeper, started again " + kind.outage().toSeconds() + " s later";
            }
            case DISK -> faults.fillRedisDisk(kind.outage());
        };
    }

    /**
     * Reads the lag every second until {@code endMs} (or Ctrl-C), a sample every 10 s, a progress line every minute
     * when {@code loud}; returns how long it ran, in ms since the load began.
     */
    private long follow(LoadGenerator generator, Probes probes, long endMs, boolean loud) throws InterruptedException {
        long nextSample = System.currentTimeMillis() + SAMPLE_MS;
        long nextLine = System.currentTimeMillis() + PROGRESS_MS;
        long[] lastTaken = {reference.counts()[0], System.currentTimeMillis()};
        while (System.currentTimeMillis() < endMs && !stop.stopping()) {
            Thread.sleep(1000);
            long now = System.currentTimeMillis();
            for (Map.Entry<String, WindowLog> m : logs.entrySet()) {
                long lag = lags.get(m.getKey()).lagMillis(now, m.getValue()::has);
                lagSeries.get(m.getKey()).add(new Recovery.LagPoint(now - t0, lag));
                lagMax.merge(m.getKey(), lag, Math::max);
            }
            if (now >= nextSample) {
                sample(probes, now, lastTaken);
                nextSample += SAMPLE_MS;
            }
            if (loud && now >= nextLine) {
                progress.say(line(now, generator));
                nextLine += PROGRESS_MS;
            }
        }
        return System.currentTimeMillis() - t0;
    }

    private void sample(Probes probes, long now, long[] lastTaken) {
        long taken = reference.counts()[0];
        double rate = (taken - lastTaken[0]) / Math.max(0.001, (now - lastTaken[1]) / 1000.0);
        lastTaken[0] = taken;
        lastTaken[1] = now;
        long redis = probes.redisUsedMemory();
        Map<String, Long> topics = probes.topicBytes();
        for (Map.Entry<String, WindowLog> m : logs.entrySet()) {
            LogriverConfig c = modes.get(m.getKey());
            long[] e2e = lags.get(m.getKey()).latencies(m.getValue().drainArrivals());
            List<Recovery.LagPoint> series = lagSeries.get(m.getKey());
            long lag = series.isEmpty() ? 0 : series.get(series.size() - 1).lagMs();
            samples.add(new Sample((now - t0) / 1000, m.getKey(), rate, lag / 1000.0,
                    lagMax.getOrDefault(m.getKey(), 0L) / 1000.0, LagTracker.percentile(e2e, 99), heap(m.getKey()),
                    m.getValue().keys(), redis, topics.getOrDefault(c.topics().weblogs(), -1L),
                    topics.getOrDefault(c.topics().stats(), -1L), topics.getOrDefault(c.topics().dlq(), -1L),
                    events.size()));
            lagMax.put(m.getKey(), 0L);
        }
    }

    /** Each topology's name, with what its state's keys in Redis start with. */
    private Map<String, String> statePrefixes() {
        Map<String, String> out = new LinkedHashMap<>();
        modes.forEach((mode, c) -> out.put(topologyName(mode), Mode.named(mode).stateKeyPrefix(c)));
        return out;
    }

    /** A full collection in each mode's workers, so that their GC logs give the live set (a worker stopped: skipped). */
    private void collectGarbage() {
        for (String mode : modes.keySet()) {
            try {
                faults.collectGarbage(topologyName(mode), Duration.ofSeconds(10));
                // read at once: the worker's log moves on by a collection every second or so
                faults.gcLog(topologyName(mode)).map(GcLog::liveHeap).filter(h -> h.isPresent())
                        .ifPresent(h -> liveHeaps.put(mode, h.getAsLong()));
            } catch (java.io.IOException e) {
                progress.say("soak: no full collection in " + topologyName(mode) + "'s workers: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The live set of the mode's worker: its heap after the latest full collection, -1 before the first. */
    private long heap(String mode) {
        return liveHeaps.getOrDefault(mode, -1L);
    }

    private String line(long now, LoadGenerator generator) {
        StringBuilder b = new StringBuilder("soak ").append(Durations.clock(Duration.ofMillis(now - t0))).append('/')
                .append(Durations.clock(options.duration()));
        Sample any = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        b.append(String.format(" | %,.0f req/s (%,d ms behind schedule)", any == null ? 0 : any.ratePerS(),
                generator.behindMillis()));
        for (Sample s : samples.subList(Math.max(0, samples.size() - logs.size()), samples.size())) {
            b.append(String.format(" | %s: lag %.1f s, windows %,d, live heap %s", s.mode(), s.lagS(), s.windows(),
                    s.heapBytes() < 0 ? "?" : (s.heapBytes() >> 20) + " MB"));
        }
        b.append(String.format(" | Redis %s | faults %d", any == null || any.redisBytes() < 0 ? "?"
                : String.format("%.1f MB", any.redisBytes() / 1048576.0), events.size()));
        if (!events.isEmpty()) {
            b.append(" (last: ").append(events.get(events.size() - 1).kind().id()).append(')');
        }
        return b.toString();
    }

    /** Follows on, without load, until every mode has written every window the reference closed, or the deadline. */
    private void drain(Probes probes) throws InterruptedException {
        Deadline deadline = Deadline.in(DRAIN);
        long[] lastTaken = {reference.counts()[0], System.currentTimeMillis()};
        while (!deadline.passed() && !stop.stopping()) {
            List<SoakReference.Closed> closed = reference.closedFrom(0);
            if (logs.values().stream().allMatch(l -> closed.stream().allMatch(c -> l.has(c.key())))) {
                return;
            }
            Thread.sleep(1000);
            long now = System.currentTimeMillis();
            if (now - lastTaken[1] >= SAMPLE_MS) {
                sample(probes, now, lastTaken);
            }
        }
    }

    private SoakResult result(Instant started, Duration loaded) {
        List<SoakReference.Closed> closed = reference.closedFrom(0);
        List<WindowCheck> checks = new ArrayList<>();
        Map<String, List<Long>> recoveries = new LinkedHashMap<>();
        Map<String, Double> heapGrowth = new LinkedHashMap<>();
        Duration window = Duration.ofMillis(Math.min(Duration.ofMinutes(10).toMillis(), loaded.toMillis() / 3));
        for (Map.Entry<String, WindowLog> m : logs.entrySet()) {
            WindowLog log = m.getValue();
            checks.add(WindowCheck.of(m.getKey(), closed, log.lastByKey(), log.records(), log.rewritten(),
                    log.rewriteExamples()));
            List<Long> rec = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                long next = i + 1 < events.size() ? events.get(i + 1).startMs() : loaded.toMillis();
                rec.add(Recovery.of(events.get(i), next, lagSeries.get(m.getKey())));
            }
            recoveries.put(m.getKey(), rec);
            heapGrowth.put(m.getKey(), Recovery.growth(series(m.getKey(), Sample::heapBytes, loaded), window.toMillis()));
        }
        String anyMode = logs.keySet().iterator().next();
        double redisGrowth = Recovery.growth(series(anyMode, Sample::redisBytes, loaded), window.toMillis());
        return new SoakResult(options, started, loaded, List.copyOf(samples), List.copyOf(events), recoveries,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lagSeries)), checks,
                heapGrowth, redisGrowth, window, reference.counts(), reference.orderError());
    }

    /** A mode's figure over the load (not the drain after it): (ms since the load began, value). */
    private List<long[]> series(String mode, java.util.function.ToLongFunction<Sample> figure, Duration loaded) {
        return samples.stream().filter(s -> s.mode().equals(mode) && s.elapsedS() * 1000 <= loaded.toMillis())
                .map(s -> new long[] {s.elapsedS() * 1000, figure.applyAsLong(s)}).toList();
    }
}
