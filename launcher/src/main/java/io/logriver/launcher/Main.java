package io.logriver.launcher;

import java.util.Arrays;
import java.util.List;

/** {@code bin/logriver COMMAND [options]}: one small class per command. */
public final class Main {
    private Main() {
    }

    static final String USAGE = String.join("\n",
            "usage: bin/logriver run [--mode core] [--duration S] [--config FILE] [-c key=value]...",
            "       bin/logriver run --input requests.jsonl [--sessions sessions.jsonl] --output results.jsonl",
            "                        [--dlq dlq.jsonl] [--config FILE] [-c key=value]...",
            "  run            live mode: a Kafka broker, a generator of sessions and access logs, the core topology",
            "                 in a local Storm cluster, and a live view every few seconds; stops on Ctrl-C or --duration",
            "  run --input    file mode: replays the files through Kafka and the same topology, writes the final",
            "                 windows sorted by windowStart, orgID, webURL, and prints a summary line",
            "       bin/logriver bench [--mode core|trident|both] [--rates 1000,5000,...] [--duration S] [--quick]",
            "  bench          latency/throughput of both modes: ceilings, then a sweep of offered rates; writes",
            "                 bench/results/<date>-<host>.md, .csv and .png (--quick: a smoke test under 3 minutes)",
            "options: --work-dir DIR (default: work/ in the logriver checkout) holds the broker's data and the logs");

    public static void main(String[] argv) {
        List<String> args = Arrays.asList(argv);
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            System.out.println(USAGE);
            return;
        }
        int status;
        try {
            status = switch (args.get(0)) {
                case "run" -> new RunCommand().run(args.subList(1, args.size()));
                case "bench" -> new BenchCommand().run(args.subList(1, args.size()));
                default -> throw new Args.UsageException("unknown command '" + args.get(0) + "'");
            };
        } catch (Args.UsageException e) {
            System.err.println("logriver: " + e.getMessage());
            System.err.println(USAGE);
            status = 2;
        } catch (Exception e) {
            System.err.println("logriver: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(Main.class).error("failed", e);
            status = 1;
        }
        System.exit(status);
    }
}
