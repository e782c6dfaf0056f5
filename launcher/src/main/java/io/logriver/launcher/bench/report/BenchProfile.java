package io.logriver.launcher.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a flight recording of an engine's JVM over one measurement window saw ({@link
 * io.logriver.peers.host.FlightRecording}), summed up for the report: how long garbage collection stopped the world,
 * how busy the JVM and the machine were, which threads used the CPU (Storm's executor threads apart), and where their
 * sampled stacks were.
 */
public final class BenchProfile {
    private BenchProfile() {
    }

    /**
     * @param gcPauses    stop-the-world pauses of the collector
     * @param jvmCpu      the JVM's mean CPU use, as a fraction of the whole machine
     * @param machineCpu  the machine's mean CPU use (every process), as a fraction
     * @param threads     the threads with the most CPU, as "name share-of-machine"
     * @param methods     the methods most often on top of a sampled stack, as "Class.method share-of-samples"
     * @param executorCpu the share of the machine of the JVM's Storm executor threads (the topology's own work, its
     *                    waits included, Storm's acker and system executors too)
     * @param batches     Trident's batches, when the engine has them
     */
    public record Summary(int gcPauses, double gcPauseTotalMs, double gcPauseMaxMs, double jvmCpu, double machineCpu,
                          List<String> threads, List<String> methods, double executorCpu, BatchLife batches) {

        public static final Summary NONE = new Summary(0, 0, 0, 0, 0, List.of(), List.of(), 0, BatchLife.NONE);

        /** The summary of a recording file. */
        public static Summary of(Path recording) throws IOException {
            return of(RecordingFile.readAllEvents(recording));
        }

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
            BatchLife.Collector batches = new BatchLife.Collector();
            for (RecordedEvent e : events) {
                if (batches.take(e)) {
                    continue;
                }
                switch (e.getEventType().getName()) {
                    case "jdk.GarbageCollection" -> {
                        pauses++;
                        pauseTotal += e.getDuration("sumOfPauses").toNanos() / 1e6;
                        pauseMax = Math.max(pauseMax, e.getDuration("longestPause").toNanos() / 1e6);
                    }
                    case "jdk.CPULoad" -> {
                        jvm += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        machine += e.getFloat("machineTotal");
                        loads++;
                    }
                    case "jdk.ThreadCPULoad" -> threadCpu.merge(threadName(e.getThread("eventThread").getJavaName()),
                            (double) e.getFloat("user") + e.getFloat("system"), Double::sum);
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
                    top(meanThreadCpu, 5), top(topFrames.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, en -> (double) en.getValue() / n)), 5),
                    jvm / periods * share(threadCpu, Summary::executorThread), batches.done());
        }

        /** A Storm executor's thread, by {@link #threadName}: {@code parse-executor}, {@code __acker-executor}. */
        static boolean executorThread(String name) {
            return name.endsWith("-executor");
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

        /** The executors' CPU time per record finished in a window, µs of one core, on a machine of {@code cores}. */
        public double executorMicrosPerRecord(Duration window, long finished, int cores) {
            return finished <= 0 ? 0 : executorCpu * window.toNanos() / 1_000.0 * cores / finished;
        }

        /** One line of Markdown. */
        public String describe() {
            String b = batches.describe();
            return (b.isEmpty() ? "" : b + "; ") + String.format(Locale.ROOT, "GC paused %d× (%.1f ms in all, longest"
                            + " %.1f ms); CPU: the engine's JVM"
                            + " %.0f %%, machine %.0f %%; busiest threads: %s; hottest methods: %s", gcPauses,
                    gcPauseTotalMs, gcPauseMaxMs, 100 * jvmCpu, 100 * machineCpu, String.join(", ", threads),
                    String.join(", ", methods));
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

        private static List<String> top(Map<String, Double> values, int n) {
            return values.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n)
                    .map(en -> String.format(Locale.ROOT, "`%s` %.0f %%", en.getKey(), 100 * en.getValue())).toList();
        }
    }
}
