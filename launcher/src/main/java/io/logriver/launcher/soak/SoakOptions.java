package io.logriver.launcher.soak;

import io.logriver.launcher.cli.Args;
import io.logriver.launcher.cli.Home;
import io.logriver.launcher.cli.Option;
import io.logriver.launcher.cli.Syntax;
import io.logriver.launcher.soak.check.Durations;
import io.logriver.launcher.soak.fault.FaultKind;
import io.logriver.topology.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code soak}'s command line, checked before anything starts; each mistake names its option. {@code --quick} is a
 * three-minute soak at 1,000 requests/s with a fault every 45 s (worker, redis, broker), for CI; options given beside
 * it win.
 */
public record SoakOptions(List<Mode> modes, int rate, Duration duration, List<FaultKind> faults, Duration every,
                          long seed, Path workDir, Path reportDir) {
    public static final Syntax SYNTAX = Syntax.of("soak", "Hours of steady load on a dev cluster of its own, with "
                    + "faults on a seeded schedule; every closed window checked against an independent reference, "
                    + "each fault's recovery time, memory slopes; writes bench/results/<date>-soak-<host>.md, .csv "
                    + "and .png.",
            Option.value("mode", "core|trident|both", "the topologies (default: both)"),
            Option.value("rate", "N", "requests per second (default 3000)"),
            Option.value("duration", "60m", "how long it runs (default 60m)"),
            Option.value("every", "5m", "a fault every so often (default 5m)"),
            Option.value("seed", "S", "the seed of the load and of the fault schedule (default 1)"),
            Option.value("faults", "worker,redis,...", "the faults to strike, some of " + String.join(",",
                    Arrays.stream(FaultKind.values()).map(FaultKind::id).toList())
                    + " (default: all but disk, which takes root; --quick: worker,redis,broker)"),
            Option.flag("quick", "3 minutes at 1,000 requests/s, a fault every 45 s (for CI)"),
            Option.value("report-dir", "DIR", "where the report goes (default: bench/results/)"), Option.WORK_DIR);
    private static final Duration SHORTEST_EVERY = Duration.ofSeconds(30);

    public static SoakOptions parse(List<String> argv) {
        Args args = Args.parse(argv, SYNTAX);
        boolean quick = args.flag("quick");
        List<Mode> modes = modes(args.has("mode") ? args.get("mode") : "both");
        int rate = args.number("rate", 1, quick ? 1000 : 3000, "requests per second, 1 or more");
        Duration duration = positive(args, "duration", quick ? Duration.ofMinutes(3) : Duration.ofMinutes(60));
        Duration every = positive(args, "every", quick ? Duration.ofSeconds(45) : Duration.ofMinutes(5));
        List<FaultKind> faults = faults(args.has("faults") ? args.get("faults")
                : quick ? "worker,redis,broker" : String.join(",", FaultKind.DEFAULTS.stream().map(FaultKind::id).toList()));
        if (every.compareTo(SHORTEST_EVERY) < 0) {
            throw new Args.UsageException("--every " + args.get("every") + ": expected 30s or more, so that each fault "
                    + "is over before the next");
        }
        Duration longest = faults.stream().map(FaultKind::outage).max(Duration::compareTo).orElse(Duration.ZERO);
        if (every.compareTo(longest.plusSeconds(20)) < 0) {
            throw new Args.UsageException("--every " + Durations.text(every) + ": too short for the faults of --faults "
                    + String.join(",", faults.stream().map(FaultKind::id).toList()) + " (the longest keeps its part away "
                    + longest.toSeconds() + " s); expected " + Durations.text(longest.plusSeconds(20)) + " or more");
        }
        if (duration.compareTo(every) < 0) {
            throw new Args.UsageException("--duration " + Durations.text(duration) + ": shorter than --every "
                    + Durations.text(every) + ", so no fault would strike");
        }
        long seed = args.number("seed", 0, 1, "a number, 0 or more");
        Path reportDir = args.has("report-dir") ? Path.of(args.get("report-dir"))
                : Home.dir().resolve("bench").resolve("results");
        if (java.nio.file.Files.exists(reportDir) && !java.nio.file.Files.isDirectory(reportDir)) {
            throw new Args.UsageException("--report-dir " + reportDir + ": is a file, expected a directory");
        }
        return new SoakOptions(modes, rate, duration, faults, every, seed, args.workDir(), reportDir);
    }

    private static List<Mode> modes(String text) {
        if (text.equals("both")) {
            return List.of(Mode.CORE, Mode.TRIDENT);
        }
        try {
            return List.of(Mode.named(text));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--mode " + text + ": expected core, trident or both");
        }
    }

    private static Duration positive(Args args, String name, Duration absent) {
        Duration d = args.duration(name);
        if (d == null) {
            return absent;
        }
        if (d.isZero()) {
            throw new Args.UsageException("--" + name + " " + args.get(name) + ": expected more than 0");
        }
        return d;
    }

    private static List<FaultKind> faults(String text) {
        Set<FaultKind> out = new LinkedHashSet<>();
        for (String name : text.split(",", -1)) {
            try {
                out.add(FaultKind.named(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--faults " + text + ": '" + name + "' is no fault; " + e.getMessage());
            }
        }
        return new ArrayList<>(out);
    }

    /** The settings, as the report and the progress lines say them. */
    String describe() {
        return String.format("mode %s, %,d requests/s for %s, a fault every %s (%s), seed %d",
                String.join("+", modes.stream().map(Mode::id).toList()), rate, Durations.text(duration),
                Durations.text(every), String.join(",", faults.stream().map(FaultKind::id).toList()), seed);
    }

}
