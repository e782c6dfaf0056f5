package io.logriver.launcher.bench;

import io.logriver.launcher.bench.report.BenchReport;
import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Home;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Progress;
import io.logriver.launcher.cli.Syntax;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench [--mode core|trident|both|kstreams|flink|all] [--backends redis,memory] [--rates 10000,20000,...]
 * [--workers 1,2] [--batches 50ms/1000x2,...] [--variants 'base;NAME:key=value,...'] [--rounds N] [--duration S]
 * [--jvm-options '-Xmx2g ...'] [--quick] [--out DIR]}: {@code --mode} names the engines (logriver's Storm modes and
 * the peers, which {@code --quick} leaves out), {@code --backends} the guarantee classes each runs in (redis:
 * durable, memory), {@code --workers} runs core once per worker count, {@code --batches} Trident at these batch
 * settings, {@code --variants} every Storm sweep once per variant of the configuration, {@code --rounds} everything
 * that many times in alternating order, {@code --jvm-options} the options of every engine's and the generator's JVM.
 */
public final class BenchCommand {
    public static final Syntax SYNTAX = Syntax.of("bench", "Latency and throughput: ceilings, then a sweep of offered "
                    + "rates, per mode (--mode all: and the same job on Kafka Streams and Flink); writes "
                    + "bench/results/<date>-<host>.md, .csv and .png.",
            Option.value("mode", "core|trident|both|kstreams|flink|all", "the engines (default: both, logriver's "
                    + "two)"),
            Option.value("rates", "1000,5000,...", "the offered rates of the sweep, records/s"),
            Option.value("workers", "1,2", "runs core once per worker count"),
            Option.value("duration", "S", "how long each point is measured"),
            Option.value("backends", "redis,memory", "the guarantee classes each engine runs in"),
            Option.value("batches", "50ms/1000x2,...", "Trident at these batch settings"),
            Option.flag("quick", "a smoke test under 3 minutes, without the peers"),
            Option.value("variants", "'base;NAME:key=value,...'", "every Storm sweep once per variant of the "
                    + "configuration"),
            Option.value("rounds", "N", "everything N times, in alternating order"),
            Option.value("jvm-options", "'-Xmx2g ...'", "the options of every engine's and the generator's JVM"),
            Option.value("out", "DIR", "where the report goes (default: bench/results/)"),
            Option.WORK_DIR, Option.CONFIG, Option.SETTING);

    private final PrintStream out;
    private final PrintStream err;

    /** The report's path to {@code out}, progress to {@code err}. */
    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> argv) throws Exception {
        Args a = Args.parse(argv, SYNTAX);
        boolean quick = a.flag("quick");
        List<BenchEngine> engines = BenchEngine.parse(a.has("mode") ? a.get("mode") : "both");
        if (quick) {
            engines = engines.stream().filter(BenchEngine::storm).toList();
            if (engines.isEmpty()) {
                throw new Args.UsageException("--quick leaves the peers out, so --mode " + a.get("mode")
                        + " --quick has nothing to run: drop --quick, and shorten the run with --rates and --duration");
            }
        }
        List<StateClass> states = a.has("backends") ? backends(a.get("backends"))
                : List.of(StateClass.of(a.config().state().backend()));
        Path workDir = a.workDir();
        Path outDir = a.has("out") ? Path.of(a.get("out"))
                : quick ? workDir.resolve("bench-quick") : Home.dir().resolve("bench/results");
        BenchPlan plan = quick ? BenchPlan.quick(engines, states, outDir) : BenchPlan.full(engines, states, outDir);
        if (a.has("rates")) {
            plan = plan.withRates(rates(a.get("rates")));
        }
        if (a.has("workers")) {
            plan = plan.withCoreWorkers(workers(a.get("workers")));
        }
        if (a.has("batches")) {
            plan = plan.withTridentSettings(batches(a.get("batches")));
        }
        if (a.has("variants")) {
            plan = plan.withVariants(variants(a.get("variants"), a.config()));
        }
        if (a.has("rounds")) {
            plan = plan.withRounds(a.number("rounds", 1, 1, "a number of rounds, 1 or more"));
        }
        if (a.has("duration")) {
            plan = plan.withMeasure(a.duration("duration"));
        }
        if (a.has("jvm-options")) {
            plan = plan.withJvmOptions(List.of(a.get("jvm-options").trim().split("\\s+")));
        }
        Bench bench = new Bench(Progress.to(err));
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: the point under way is dropped, the engines and topics are cleaned up, the report is written
        Thread hook = new Thread(() -> {
            if (finished.getCount() == 0) {
                return; // the JVM ends after the bench did
            }
            bench.stop();
            try {
                finished.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "logriver-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BenchReport.Files f = bench.run(a.config(), plan, workDir, "bin/logriver bench " + String.join(" ", argv));
            out.println(f.markdown());
        } finally {
            finished.countDown();
        }
        return 0;
    }

    /** Guarantee classes by state backend (or class) as given, each once. */
    static List<StateClass> backends(String text) {
        List<StateClass> states = new ArrayList<>();
        for (String b : text.split(",")) {
            StateClass s = StateClass.of(b);
            if (states.contains(s)) {
                throw new Args.UsageException("--backends " + text + ": each of redis and memory at most once");
            }
            states.add(s);
        }
        return states;
    }

    /** Worker counts as given (the first is the one the targets judge), each from 1 to 16. */
    static List<Integer> workers(String text) {
        List<Integer> workers = new ArrayList<>();
        for (String w : text.split(",")) {
            if (!w.trim().matches("\\d{1,2}") || Integer.parseInt(w.trim()) < 1 || Integer.parseInt(w.trim()) > 16) {
                throw new Args.UsageException("--workers " + text + ": expected worker counts from 1 to 16, like 1,2");
            }
            workers.add(Integer.parseInt(w.trim()));
        }
        return workers;
    }

    /**
     * Variants of the configuration as given, separated by {@code ;}: each {@code [NAME:]key=value[,key=value...]} (the
     * keys and values of {@code -c}), or {@code base} for the configuration as it is. Each is checked against
     * {@code config} here, so a wrong key stops the bench before it starts.
     */
    static List<BenchPlan.Variant> variants(String text, io.logriver.config.LogriverConfig config) {
        List<BenchPlan.Variant> variants = new ArrayList<>();
        for (String v : text.split(";")) {
            String spec = v.trim();
            int colon = spec.indexOf(':');
            boolean named = colon > 0 && spec.indexOf('=') > colon;
            String name = named ? spec.substring(0, colon).trim() : spec;
            List<String> pairs = spec.equals("base") ? List.of()
                    : java.util.Arrays.stream((named ? spec.substring(colon + 1) : spec).split(",")).map(String::trim)
                    .toList();
            if (spec.isEmpty() || variants.stream().anyMatch(x -> x.name().equals(name))
                    || (!spec.equals("base") && pairs.stream().anyMatch(p -> p.indexOf('=') <= 0))) {
                throw new Args.UsageException("--variants " + text + ": expected variants separated by ';', each base"
                        + " or [NAME:]key=value[,key=value], each name once, like"
                        + " 'base;acker2:logriver.core.topology.acker.executors=2'");
            }
            try {
                java.util.Map<String, Object> overrides = io.logriver.config.ConfigLoader.overrides(pairs);
                config.with(overrides);
                variants.add(new BenchPlan.Variant(name, overrides));
            } catch (io.logriver.config.ConfigException e) {
                throw new Args.UsageException("--variants, variant " + name + ": " + e.getMessage());
            }
        }
        return variants;
    }

    /**
     * Trident batch settings as given, each INTERVALms/RECORDS[xINFLIGHT]: the emit interval, records per partition and
     * batch, and optionally the batches in flight ({@code topology.max.spout.pending}; the configuration's without it).
     */
    static List<BenchPlan.TridentSetting> batches(String text) {
        List<BenchPlan.TridentSetting> settings = new ArrayList<>();
        for (String b : text.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})ms/(\\d{1,6})(?:x(\\d{1,3}))?")
                    .matcher(b.trim());
            if (!m.matches() || Integer.parseInt(m.group(2)) == 0 || "0".equals(m.group(3))) {
                throw new Args.UsageException("--batches " + text + ": expected batch settings INTERVALms/RECORDS"
                        + "[xINFLIGHT] (emit interval, records per spout task and batch, batches in flight), like"
                        + " 50ms/1000,1ms/5000x4");
            }
            settings.add(new BenchPlan.TridentSetting(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        }
        return settings;
    }

    static List<Long> rates(String text) {
        List<Long> rates = new ArrayList<>();
        for (String r : text.split(",")) {
            if (!r.trim().matches("\\d{1,7}")) {
                throw new Args.UsageException("--rates " + text + ": expected records/s like 1000,5000,10000");
            }
            rates.add(Long.parseLong(r.trim()));
        }
        rates.sort(Long::compare);
        return rates;
    }
}
