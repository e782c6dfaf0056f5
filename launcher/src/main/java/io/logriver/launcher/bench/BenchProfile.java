package io.logriver.launcher.bench;

import io.logriver.launcher.generator.LoadGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder recording of one bench point's measurement window (the bench JVM holds the local cluster,
 * so the topology, and the generator), summed up for the report: how long garbage collection stopped the world,
 * how busy the JVM and the machine were, which threads used the CPU, and where their sampled stacks were. Only a few
 * cheap events are on: CPU load once a second, GC, and a stack sample of each running thread every 20 ms.
 */
final class BenchProfile implements AutoCloseable {
    private final Recording recording = new Recording();

    private BenchProfile() {
    }

    /**
     * Starts the Flight Recorder in this JVM. Its start retransforms a few JDK classes (for its file, socket and
     * exception events), and the first class redefinition in a JVM deoptimizes all of its compiled code. Left to the
     * first measured point, that sent over 2,000 methods back to the C2 queue at once, and core's topology on Redis fell
     * behind in the interpreter (more than half of its samples interpreted) and stayed behind: the "crawl" after a
     * start with a backlog. So the bench starts the recorder before anything it measures or warms up.
     */
    static void startRecorder() {
        FlightRecorder.getFlightRecorder();
    }

    static BenchProfile start(String name) {
        BenchProfile p = new BenchProfile();
        p.recording.setName(name);
        p.recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(20));
        p.recording.enable("jdk.GarbageCollection");
        p.recording.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
        p.recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
        p.recording.start();
        return p;
    }

    /** Stops the recording, keeps it in {@code file} (open it in JDK Mission Control) and sums it up. */
    Summary stop(Path file) throws IOException {
        recording.stop();
        recording.dump(file);
        return Summary.of(RecordingFile.readAllEvents(file));
    }

    @Override
    public void close() {
        recording.close();
    }

    /**
     * @param gcPauses    stop-the-world pauses of the collector
     * @param jvmCpu      the JVM's mean CPU use, as a fraction of the whole machine
     * @param machineCpu  the machine's mean CPU use (every process), as a fraction
     * @param threads     the threads with the most CPU, as "name share-of-machine"
     * @param methods     the methods most often on top of a sampled stack, as "Class.method share-of-samples"
     * @param ownJvmCpu   the mean CPU use of an engine that runs in a JVM of its own (a peer), as a fraction of the
     *                    machine; 0 when the engine runs in this JVM
     * @param executorCpu the share of the machine of this JVM's Storm executor threads (the topology's own work, its
     *                    waits included, Storm's acker and system executors too)
     * @param generatorCpu the share of the generator's thread and its producer's network thread
     */
    record Summary(int gcPauses, double gcPauseTotalMs, double gcPauseMaxMs, double jvmCpu, double machineCpu,
                   List<String> threads, List<String> methods, double ownJvmCpu, double executorCpu,
                   double generatorCpu) {

        Summary(int gcPauses, double gcPauseTotalMs, double gcPauseMaxMs, double jvmCpu, double machineCpu,
                List<String> threads, List<String> methods) {
            this(gcPauses, gcPauseTotalMs, gcPauseMaxMs, jvmCpu, machineCpu, threads, methods, 0, 0, 0);
        }

        /** With the CPU time an engine's own JVM used over the {@code window}, on a machine of {@code cores}. */
        Summary withOwnJvm(Duration cpu, Duration window, int cores) {
            return new Summary(gcPauses, gcPauseTotalMs, gcPauseMaxMs, jvmCpu, machineCpu, threads, methods,
                    cpu.toNanos() / (double) (window.toNanos() * cores), executorCpu, generatorCpu);
        }

        /** With the shares of the Storm executors' threads and of the generator's. */
        Summary withThreadGroups(double executors, double generator) {
            return new Summary(gcPauses, gcPauseTotalMs, gcPauseMaxMs, jvmCpu, machineCpu, threads, methods, ownJvmCpu,
                    executors, generator);
        }

        static final Summary NONE = new Summary(0, 0, 0, 0, 0, List.of(), List.of());

        static Summary of(List<RecordedEvent> events) {
            int pauses = 0;
            double pauseTotal = 0;
            double pauseMax = 0;
            double jvm = 0;
            double machine = 0;
            int loads = 0;
            Map<String, Double> threadCpu = new HashMap<>();
            Map<String, Integer> topFrames = new HashMap<>();
            int samples = 0;
            for (RecordedEvent e : events) {
                switch (e.getEventType().getName()) {
                    case "jdk.GarbageCollection" -> {
                        double ms = e.getDuration("sumOfPauses").toNanos() / 1e6;
                        pauses++;
                        pauseTotal += ms;
                        pauseMax = Math.max(pauseMax, e.getDuration("longestPause").toNanos() / 1e6);
                    }
                    case "jdk.CPULoad" -> {
                        jvm += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        machine += e.getFloat("machineTotal");
                        loads++;
                    }
                    case "jdk.ThreadCPULoad" -> {
                        String t = threadName(e.getThread("eventThread").getJavaName());
                        threadCpu.merge(t, (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
                    }
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        if (e.getStackTrace() != null && !e.getStackTrace().getFrames().isEmpty()) {
                            topFrames.merge(method(e.getStackTrace().getFrames().get(0)), 1, Integer::sum);
                        }
                    }
                    default -> {
                    }
                }
            }
            // ThreadCPULoad reports a thread's share of the machine once per period: its mean is sum over periods
            int periods = Math.max(1, loads);
            Map<String, Double> meanThreadCpu = threadCpu.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    en -> en.getValue() / periods));
            int n = Math.max(1, samples);
            return new Summary(pauses, pauseTotal, pauseMax, jvm / periods, machine / periods,
                    top(meanThreadCpu, 5, v -> String.format(Locale.ROOT, "%.0f %%", 100 * v)),
                    top(topFrames.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            en -> (double) en.getValue() / n)), 5, v -> String.format(Locale.ROOT, "%.0f %%", 100 * v)))
                    .withThreadGroups(jvm / periods * share(threadCpu, Summary::executorThread),
                            jvm / periods * share(threadCpu, Summary::generatorThread));
        }

        /** A Storm executor's thread, by {@link #threadName}: {@code parse-executor}, {@code __acker-executor}. */
        static boolean executorThread(String name) {
            return name.endsWith("-executor");
        }

        /** The generator's thread, or its producer's network thread ({@code kafka-producer-network-thread | logriver-generator}). */
        static boolean generatorThread(String name) {
            return name.equals(LoadGenerator.GENERATOR_THREAD) || name.endsWith("| " + LoadGenerator.GENERATOR_THREAD);
        }

        /**
         * The share of some threads in the CPU time of all threads: the thread events come once per period and thread
         * (and once more at the end of a recording), so their share, not their sum, is what matches the JVM's figure.
         */
        private static double share(Map<String, Double> cpu, java.util.function.Predicate<String> which) {
            double all = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
            return all <= 0 ? 0 : cpu.entrySet().stream().filter(en -> which.test(en.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum() / all;
        }

        /** One line of Markdown. */
        String describe(Duration window) {
            return String.format(Locale.ROOT, "GC paused %d× in %.0f s (%.1f ms in all, longest %.1f ms); CPU: this JVM"
                            + " %.0f %%, machine %.0f %%; busiest threads: %s; hottest methods: %s", gcPauses,
                    window.toMillis() / 1000.0, gcPauseTotalMs, gcPauseMaxMs, 100 * jvmCpu, 100 * machineCpu,
                    String.join(", ", threads), String.join(", ", methods));
        }

        /**
         * CPU time per record finished in the window, in µs on one core: this JVM's (the topology and the generator)
         * and the rest of the machine's (the broker, Redis and whatever else runs), from the mean shares of the
         * machine's {@code cores}; for an engine in a JVM of its own, that JVM's first.
         */
        String cpuPerRecord(Duration window, long finished, int cores) {
            if (finished <= 0 || machineCpu <= 0) {
                return "CPU per record: no records finished";
            }
            if (ownJvmCpu > 0) {
                return String.format(Locale.ROOT, "CPU per record: the engine's JVM %.1f µs, this JVM (the generator)"
                                + " %.1f µs, rest of the machine %.1f µs", perRecord(ownJvmCpu, window, finished, cores),
                        perRecord(jvmCpu, window, finished, cores),
                        perRecord(Math.max(0, machineCpu - jvmCpu - ownJvmCpu), window, finished, cores));
            }
            String split = executorCpu <= 0 ? "" : String.format(Locale.ROOT, " (the topology's executors %.1f µs,"
                            + " the generator %.1f µs, the rest of this JVM %.1f µs: JIT, GC, the local cluster)",
                    perRecord(executorCpu, window, finished, cores), perRecord(generatorCpu, window, finished, cores),
                    perRecord(Math.max(0, jvmCpu - executorCpu - generatorCpu), window, finished, cores));
            return String.format(Locale.ROOT, "CPU per record: this JVM %.1f µs%s, rest of the machine %.1f µs",
                    jvmMicrosPerRecord(window, finished, cores), split, restMicrosPerRecord(window, finished, cores));
        }

        /** The Storm executors' CPU time per record finished in the window, µs on one core. */
        double executorMicrosPerRecord(Duration window, long finished, int cores) {
            return perRecord(executorCpu, window, finished, cores);
        }

        /** This JVM's CPU time per record finished in the window, µs on one core (0 when none finished). */
        double jvmMicrosPerRecord(Duration window, long finished, int cores) {
            return perRecord(jvmCpu, window, finished, cores);
        }

        /** The rest of the machine's (the broker, Redis, any engine JVM of its own), µs on one core per record. */
        double restMicrosPerRecord(Duration window, long finished, int cores) {
            return perRecord(Math.max(0, machineCpu - jvmCpu), window, finished, cores);
        }

        private static double perRecord(double share, Duration window, long finished, int cores) {
            return finished <= 0 ? 0 : share * window.toNanos() / 1_000.0 * cores / finished;
        }

        /** A Storm executor thread ({@code Thread-12-parse-executor[3, 3]}) by its component; others as they are. */
        static String threadName(String javaName) {
            if (javaName == null) {
                return "?";
            }
            return javaName.replaceFirst("^Thread-\\d+-", "").replaceAll("\\[\\d+, \\d+\\]", "").replaceAll("-\\d+$", "");
        }

        private static String method(RecordedFrame f) {
            String type = f.getMethod().getType().getName();
            return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
        }

        private static List<String> top(Map<String, Double> values, int n, java.util.function.DoubleFunction<String> fmt) {
            return values.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                    .map(en -> "`" + en.getKey() + "` " + fmt.apply(en.getValue())).toList();
        }
    }
}
