package io.logriver.launcher;

import java.util.Arrays;
import java.util.List;

/** {@code bin/logriver COMMAND [options]}: one small class per command. */
public final class Main {
    private Main() {
    }

    static final String USAGE = String.join("\n",
            "usage: bin/logriver run [--mode core|trident] [--duration S] [--config FILE] [-c key=value]...",
            "       bin/logriver run --input requests.jsonl [--sessions sessions.jsonl] --output results.jsonl",
            "                        [--dlq dlq.jsonl] [--config FILE] [-c key=value]...",
            "       bin/logriver cluster up|down|status [--ports default|free] [--slots N]",
            "       bin/logriver submit [--mode core|trident] [--nimbus HOST[:PORT]] [--kafka HOST:PORT] [--name NAME]",
            "                           [--config FILE] [-c key=value]...",
            "       bin/logriver list [--nimbus HOST[:PORT]]",
            "       bin/logriver stats [NAME] [--nimbus HOST[:PORT]] [--metrics-dir DIR]",
            "       bin/logriver kill NAME [--wait S] [--nimbus HOST[:PORT]]",
            "       bin/logriver rebalance NAME --workers N [--wait S] [--nimbus HOST[:PORT]]",
            "       bin/logriver bench [--mode core|trident|both] [--rates 1000,5000,...] [--workers 1,2] [--duration S]",
            "                          [--quick]",
            "  run            live mode: a Kafka broker, a generator of sessions and access logs, the core topology",
            "                 in a local Storm cluster, and a live view every few seconds; stops on Ctrl-C or --duration",
            "  run --input    file mode: replays the files through Kafka and the same topology, writes the final",
            "                 windows sorted by windowStart, orgID, webURL, and prints a summary line",
            "  cluster        a real Storm cluster on this machine (ZooKeeper, Nimbus, a Supervisor with 4 slots, Kafka),",
            "                 separate JVMs on 127.0.0.1 with their state and logs in work/cluster/",
            "  submit         creates the topics, then submits the topology jar as storm jar does (Nimbus: the dev",
            "                 cluster's unless --nimbus is given)",
            "  bench          latency/throughput of both modes: ceilings, then a sweep of offered rates; writes",
            "                 bench/results/<date>-<host>.md, .csv and .png (--quick: a smoke test under 3 minutes)",
            "  list, stats, kill  the topologies on that Nimbus; stats shows the Storm UI's figures and logriver's metrics",
            "  rebalance      spreads a topology over N workers, as storm rebalance -n N does",
            "options: --work-dir DIR (default: work/ in the logriver checkout) holds the broker's data, the dev cluster",
            "         and the logs");

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
                case "cluster" -> new ClusterCommand().run(args.subList(1, args.size()));
                case "submit" -> new SubmitCommand().run(args.subList(1, args.size()));
                case "list" -> new ListCommand().run(args.subList(1, args.size()), System.out);
                case "stats" -> new StatsCommand().run(args.subList(1, args.size()), System.out);
                case "kill" -> new KillCommand().run(args.subList(1, args.size()));
                case "rebalance" -> new RebalanceCommand().run(args.subList(1, args.size()));
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
