package io.logriver.launcher.bench;

import io.logriver.launcher.cli.Args;
import io.logriver.topology.Mode;
import java.util.List;

/**
 * What {@code bench --mode} names: logriver's Storm modes, and the peers (the same job on Kafka Streams and Flink).
 * {@code both} is the two modes, {@code all} the modes and the peers.
 */
record BenchEngines(List<Mode> modes, List<PeerEngine> peers) {

    static BenchEngines parse(String text) {
        return switch (text) {
            case "core" -> new BenchEngines(List.of(Mode.CORE), List.of());
            case "trident" -> new BenchEngines(List.of(Mode.TRIDENT), List.of());
            case "both" -> new BenchEngines(List.of(Mode.CORE, Mode.TRIDENT), List.of());
            case "kstreams" -> new BenchEngines(List.of(), List.of(PeerEngine.KSTREAMS));
            case "flink" -> new BenchEngines(List.of(), List.of(PeerEngine.FLINK));
            case "all" -> new BenchEngines(List.of(Mode.CORE, Mode.TRIDENT), List.of(PeerEngine.values()));
            default -> throw new Args.UsageException("--mode " + text
                    + ": expected core, trident, both, kstreams, flink or all");
        };
    }

    /** {@code --quick} leaves the peers out (the smoke test stays short); a quick run of peers alone is a mistake. */
    BenchEngines quick() {
        if (modes.isEmpty()) {
            throw new Args.UsageException("--quick leaves the peers out, so --mode " + peers.get(0).id()
                    + " --quick has nothing to run: drop --quick, and shorten the run with --rates and --duration");
        }
        return new BenchEngines(modes, List.of());
    }
}
